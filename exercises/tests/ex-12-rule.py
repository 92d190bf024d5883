"""Checks for ex-12-rule (chapter 12): the 3x1 model's budget, computed with the student's own rule."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-12-rule"
points = 1
prompt = "a list of the project dollars in years 0, 5 and 10 for a club that gives 5,000 dollars in year 0, with giving growing 10 percent a year and no federal match, computed with your `budget`"


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_list_of_3_numbers(answer_ex_12_rule):
    assert answer_ex_12_rule is not ..., "replace the ... with your answer"
    values = list(answer_ex_12_rule)
    assert len(values) == 3 and all(isinstance(v, Real) for v in values), "give 3 numbers"


@test_case(hidden=True)
def matches_the_library_run(answer_ex_12_rule):
    expected = [
        float(
            get("three_for_one")
            .run(club_dollars=5000, participation_growth=0.1, federal_match=0)
            .groupby("year")["dollars"]
            .sum()[y]
        )
        for y in (0, 5, 10)
    ]
    for got, want in zip(list(answer_ex_12_rule), expected):
        assert abs(got - want) <= 1e-3 * max(1.0, abs(want)), f"{got} differs from the library's {want}"
