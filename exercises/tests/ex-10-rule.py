"""Checks for ex-10-rule (chapter 10): the first rounds of the remittance multiplier, computed with the student's own rule."""

from numbers import Real

from otter.test_files import test_case

from widgets.models.remittances import spending_rounds

OK_FORMAT = False
name = "ex-10-rule"
points = 1
prompt = "a list of the incomes of rounds 0 to 5 of one migradollar at $c = 0.8$ and $\\ell = 0.5$, computed with your `next_round`"


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_list_of_6_numbers(answer_ex_10_rule):
    assert answer_ex_10_rule is not ..., "replace the ... with your answer"
    values = list(answer_ex_10_rule)
    assert len(values) == 6 and all(isinstance(v, Real) for v in values), "give 6 numbers"


@test_case(hidden=True)
def matches_the_library_run(answer_ex_10_rule):
    expected = list(spending_rounds(0.8, 0.5, 5)["income"])
    for got, want in zip(list(answer_ex_10_rule), expected):
        assert abs(got - want) <= 1e-3 * max(1.0, abs(want)), f"{got} differs from the library's {want}"
