"""Check of ex-40-rule (chapter 40): the eight countries' shares of the flow in the bridges model.

Computed with the student's own rule; compared with the library's run of the same model at the same values.
"""

from teachkit import answers
from widgets.models import get

SHARE = answers.number(0, 1, within=0.001, relative=True, what="a share between 0 and 1")

prompt = (
    "a list of the eight countries' shares of the flow with the strength of ties at 1.5 and the pull of the "
    "wage gap at 1, computed with your `shares` (each to within 0.1 percent)"
)
form = answers.sequence(*[SHARE] * 8, what="a list of 8 shares, in the model's order of countries")


def expected():
    return [float(v) for v in get("bridges").run(tie_strength=1.5, wage_gap_elasticity=1.0)["share"]]
