"""Checks for ex-12-match (chapter 12): project money over ten years, with and without the municipal match."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-12-match"
points = 1
prompt = (
    "a pair `(full, without_municipality)`: the project money raised over years 0 to 10 with the "
    "full 3x1 programme and with no municipal match, in dollars"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_pair_of_dollar_sums(answer_ex_12_match):
    assert answer_ex_12_match is not ..., "replace the ... with your answer"
    assert len(answer_ex_12_match) == 2, "give a pair (full programme, without the municipality)"
    assert all(isinstance(x, Real) and x > 0 for x in answer_ex_12_match), "give two sums in dollars"


@test_case(hidden=True)
def geometric_sum_times_the_matches(answer_ex_12_match):
    v = get("three_for_one").defaults()
    club = sum(v["club_dollars"] * (1 + v["participation_growth"]) ** t for t in range(v["years"] + 1))
    full = club * (1 + v["federal_match"] + v["state_match"] + v["municipal_match"])
    without = club * (1 + v["federal_match"] + v["state_match"])
    assert abs(answer_ex_12_match[0] / full - 1) < 0.005
    assert abs(answer_ex_12_match[1] / without - 1) < 0.005
