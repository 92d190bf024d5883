"""Check of ex-21-odds (chapter 21): odds ratio and implied probability of a logit coefficient from Table 2."""

import math

from teachkit import answers
from widgets import data

prompt = (
    "a pair `(factor, share)`: the factor by which the background multiplies the odds (to within 0.01), "
    "and the share (0 to 1) of otherwise similar migrants with the background who would be "
    "entrepreneurs (to within 0.005)"
)
form = answers.sequence(
    answers.number(0, None, within=0.01, what="a positive odds factor"),
    answers.number(0, 1, within=0.005, what="a share between 0 and 1 (0.25, not 25)"),
    what="a pair (odds factor, share)",
)


def expected():
    t2 = data.load("portes_table2_transnationalism")
    row = t2[(t2["model"] == "economic") & (t2["predictor"] == "Professional/executive background")]
    factor = math.exp(float(row["coefficient"].item()))
    odds = factor * 0.10 / 0.90
    return [factor, odds / (1 + odds)]
