"""Checks for ex-41-rule (chapter 41): the global-city model's bottom tiers, run with the student's own yearly step."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-41-rule"
points = 1
prompt = "a pair `(low, informal)`: low-wage formal and informal jobs in year 30 with downgrading and informalisation both at 0.05 a year (other values at the defaults), computed with your `step`"


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_list_of_2_numbers(answer_ex_41_rule):
    assert answer_ex_41_rule is not ..., "replace the ... with your answer"
    values = list(answer_ex_41_rule)
    assert len(values) == 2 and all(isinstance(v, Real) for v in values), "give 2 numbers"


@test_case(hidden=True)
def matches_the_library_run(answer_ex_41_rule):
    expected = [
        float(
            get("global_city")
            .run(downgrading_rate=0.05, informalisation_rate=0.05)
            .query(f"year == 30 and tier == '{t}'")["jobs"]
            .item()
        )
        for t in ("low wage (formal)", "informal")
    ]
    for got, want in zip(list(answer_ex_41_rule), expected):
        assert abs(got - want) <= 1e-3 * max(1.0, abs(want)), f"{got} differs from the library's {want}"
