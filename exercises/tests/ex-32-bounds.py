"""Checks for ex-32-bounds (chapter 32): worst-case bounds on a Table 4 rate for the whole CILS sample."""

from numbers import Real

from otter.test_files import test_case

from widgets import data

OK_FORMAT = False
name = "ex-32-bounds"
points = 1
prompt = (
    "a pair `(lower, upper)`: the worst-case bounds, in percent, on the share of Mexican-origin males "
    "incarcerated by age 24 in the whole original CILS sample"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_pair(answer_ex_32_bounds):
    assert answer_ex_32_bounds is not ..., "replace the ... with your answer"
    assert len(answer_ex_32_bounds) == 2 and all(isinstance(x, Real) for x in answer_ex_32_bounds), (
        "give a pair (lower, upper)"
    )
    lower, upper = answer_ex_32_bounds
    assert 0 <= lower <= upper <= 100, "give percentages, the lower bound first"


@test_case(hidden=True)
def retained_share_times_rate(answer_ex_32_bounds):
    t4 = data.load("portes_table4_cils")
    kept = data.number("cils_third_survey_retention")
    rate = t4.loc[t4["group"] == "Mexico", "incarcerated_m_age24_pct"].item()
    lower, upper = answer_ex_32_bounds
    assert abs(lower - kept * rate) < 0.051 and abs(upper - (kept * rate + 100 * (1 - kept))) < 0.051
