"""Checks for ex-21-odds (chapter 21): odds ratio and implied probability of a logit coefficient from Table 2."""

import math
from numbers import Real

from otter.test_files import test_case

from widgets import data

OK_FORMAT = False
name = "ex-21-odds"
points = 1
prompt = (
    "a pair `(factor, share)`: the factor by which the background multiplies the odds, and the share "
    "(0 to 1) of otherwise similar migrants with the background who would be entrepreneurs"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_factor_and_a_share(answer_ex_21_odds):
    assert answer_ex_21_odds is not ..., "replace the ... with your answer"
    assert len(answer_ex_21_odds) == 2, "give a pair (odds factor, share)"
    factor, share = answer_ex_21_odds
    assert isinstance(factor, Real) and factor > 0, "the odds factor is a positive number"
    assert isinstance(share, Real) and 0 <= share <= 1, "give the share between 0 and 1 (0.25, not 25)"


@test_case(hidden=True)
def odds_ratio_and_probability(answer_ex_21_odds):
    t2 = data.load("portes_table2_transnationalism")
    row = t2[(t2["model"] == "economic") & (t2["predictor"] == "Professional/executive background")]
    factor = math.exp(float(row["coefficient"].item()))
    odds = factor * 0.10 / 0.90
    assert abs(answer_ex_21_odds[0] - factor) < 0.01
    assert abs(answer_ex_21_odds[1] - odds / (1 + odds)) < 0.005
