"""Checks for ex-12-residence (chapter 12): the effect of 20 years of residence in a log-link count model."""

import math
from numbers import Real

from otter.test_files import test_case

from widgets import data

OK_FORMAT = False
name = "ex-12-residence"
points = 1
prompt = (
    "the percent change in the expected number of political transnational activities after 20 "
    "years of US residence (50 for a rise of 50 percent)"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_percent(answer_ex_12_residence):
    assert answer_ex_12_residence is not ..., "replace the ... with your answer"
    assert isinstance(answer_ex_12_residence, Real), "give a number of percent"


@test_case(hidden=True)
def multiplicative_effect(answer_ex_12_residence):
    t2 = data.load("portes_table2_transnationalism")
    row = t2[(t2["model"] == "political") & (t2["predictor"] == "Years of US residence")]
    b = float(row["coefficient"].item())
    assert abs(answer_ex_12_residence - 100 * (math.exp(20 * b) - 1)) < 0.5
