"""Check of ex-40-poor-senders (chapter 40): the strength of ties at which country 1 outsends country 8.

Shares follow s_i ~ w_i^(-a) e^(gamma b_i), so s1 / s8 > 1 once gamma passes ln 6 / 0.9 at the defaults;
the expected value is the first slider step where the model says so.
"""

from teachkit import answers
from widgets.models import get

TIES = get("bridges").param("tie_strength")

prompt = (
    "the smallest strength of ties $\\gamma$ on the slider (steps of 0.25) at which country 1 sends "
    "more than country 8, with the pull of the wage gap at its default (exactly a slider step)"
)
form = answers.number(
    TIES.min, TIES.max, within=1e-6, what=f"a strength of ties in the model's range {TIES.range_text}"
)


def expected():
    for k in range(round((TIES.max - TIES.min) / TIES.step) + 1):
        gamma = TIES.min + k * TIES.step
        share = get("bridges").run(tie_strength=gamma).set_index("country")["share"]
        if share.iloc[0] > share.iloc[7]:
            return gamma
    return None
