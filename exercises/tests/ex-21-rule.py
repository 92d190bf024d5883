"""Checks for ex-21-rule (chapter 21): the brain-circulation model run with the student's own yearly step."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-21-rule"
points = 1
prompt = "a pair `(returned, settled)`: professionals returned home and settled abroad after 30 years with an institutional capacity of 0.3 and a 3-year visa limit (other values at the defaults), computed with your `step`"


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_list_of_2_numbers(answer_ex_21_rule):
    assert answer_ex_21_rule is not ..., "replace the ... with your answer"
    values = list(answer_ex_21_rule)
    assert len(values) == 2 and all(isinstance(v, Real) for v in values), "give 2 numbers"


@test_case(hidden=True)
def matches_the_library_run(answer_ex_21_rule):
    expected = [
        get("brain_circulation")
        .run(institutional_capacity=0.3, visa_limit=3)
        .query(f"year == 30 and series == '{s}'")["professionals"]
        .item()
        for s in ("returned home", "settled abroad")
    ]
    for got, want in zip(list(answer_ex_21_rule), expected):
        assert abs(got - want) <= 1e-3 * max(1.0, abs(want)), f"{got} differs from the library's {want}"
