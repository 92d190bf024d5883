"""Checks for ex-30-rule (chapter 30): the enforcement stock-and-flow model run with the student's own yearly step."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-30-rule"
points = 1
prompt = "a list of the unauthorised population (millions) in 1996, 2008 and 2026 at the calibrated setting, computed with your `next_population`"


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_list_of_3_numbers(answer_ex_30_rule):
    assert answer_ex_30_rule is not ..., "replace the ... with your answer"
    values = list(answer_ex_30_rule)
    assert len(values) == 3 and all(isinstance(v, Real) for v in values), "give 3 numbers"


@test_case(hidden=True)
def matches_the_library_run(answer_ex_30_rule):
    expected = [
        get("enforcement_stock_flow")
        .run(years=40)
        .query(f"year == {y} and series == 'unauthorised population'")["millions"]
        .item()
        for y in (1996, 2008, 2026)
    ]
    for got, want in zip(list(answer_ex_30_rule), expected):
        assert abs(got - want) <= 1e-3 * max(1.0, abs(want)), f"{got} differs from the library's {want}"
