"""Checks for ex-40-rule (chapter 40): the bridges model's shares, computed with the student's own function."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-40-rule"
points = 1
prompt = "a list of the eight countries' shares of the flow with the strength of ties at 1.5 and the pull of the wage gap at 1, computed with your `shares`"


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_list_of_8_numbers(answer_ex_40_rule):
    assert answer_ex_40_rule is not ..., "replace the ... with your answer"
    values = list(answer_ex_40_rule)
    assert len(values) == 8 and all(isinstance(v, Real) for v in values), "give 8 numbers"


@test_case(hidden=True)
def matches_the_library_run(answer_ex_40_rule):
    expected = get("bridges").run(tie_strength=1.5, wage_gap_elasticity=1.0)["share"].tolist()
    for got, want in zip(list(answer_ex_40_rule), expected):
        assert abs(got - want) <= 1e-3 * max(1.0, abs(want)), f"{got} differs from the library's {want}"
