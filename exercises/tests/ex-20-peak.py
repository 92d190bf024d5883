"""Check of ex-20-peak (chapter 20): the income level at which emigration peaks, for three training fits."""

from teachkit import answers
from widgets.models import get

LEVEL = answers.number(0, 1, within=0.001, what="an income level on the model's index, between 0 and 1")

prompt = (
    "a triple `(default, fits_home, fits_centre)`: the income level at which emigration peaks in "
    "`professional_decision` with `training_mismatch` at its default, at 0 and at 1 (each to within 0.001)"
)
form = answers.sequence(LEVEL, LEVEL, LEVEL, what="three income levels (default, 0, 1)")


def expected():
    model = get("professional_decision")
    peaks = []
    for mismatch in (model.param("training_mismatch").default, 0, 1):
        run = model.run(training_mismatch=mismatch)
        peaks.append(run[run["group"] == "emigrate"].set_index("income")["professionals"].idxmax())
    return peaks
