"""Check of ex-10-calibration (chapter 10): where the migradollar ends up at the book's calibration."""

from teachkit import answers
from widgets.models.remittances import CALIBRATED_CONSUMPTION, CALIBRATED_LOCAL_SHARE, gnp_per_migradollar

SHARE = answers.number(0, 1, within=0.005, what="a share of the dollar between 0 and 1")

prompt = (
    "a pair `(saved, imports)`: the shares of the migradollar that end up saved and spent on "
    "imports at the book's calibration (each to within 0.005)"
)
form = answers.sequence(SHARE, SHARE, what="a pair (saved, imports)")


def expected():
    c, share = CALIBRATED_CONSUMPTION, CALIBRATED_LOCAL_SHARE
    k = gnp_per_migradollar(c, share)
    return [(1 - c) * k, c * (1 - share) * k]
