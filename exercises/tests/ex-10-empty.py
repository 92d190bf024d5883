"""Check of ex-10-empty (chapter 10): the population share below which a migradollar adds less than two dollars.

The multiplier is k(P) = 1 / (1 - c l0 P^e), so k(P) < 2 exactly when P < (1 / (2 c l0))^(1/e).
"""

from teachkit import answers
from widgets.models.remittances import CALIBRATED_CONSUMPTION, CALIBRATED_LOCAL_SHARE

SHARE = answers.number(0, 1, within=0.01, what="a share of the population between 0 and 1")

prompt = (
    "a pair `(share_1, share_2)`: the share of the working-age population at home below which a "
    "migradollar adds less than two dollars, with erosion strength 1 and then 2 (each to within 0.01)"
)
form = answers.sequence(SHARE, SHARE, what="a pair (share with strength 1, share with strength 2)")


def expected():
    base = 0.5 / (CALIBRATED_CONSUMPTION * CALIBRATED_LOCAL_SHARE)
    return [base, base**0.5]
