"""Checks for ex-20-rule (chapter 20): emigrants per cohort in the professional-decision model, computed with the student's own function."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get
from widgets.models.professional import INCOME

OK_FORMAT = False
name = "ex-20-rule"
points = 1
prompt = "a list of the emigrants per cohort at income levels 0.25, 0.5 and 0.75, at the model's defaults, computed with your `emigrants`"


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_list_of_3_numbers(answer_ex_20_rule):
    assert answer_ex_20_rule is not ..., "replace the ... with your answer"
    values = list(answer_ex_20_rule)
    assert len(values) == 3 and all(isinstance(v, Real) for v in values), "give 3 numbers"


@test_case(hidden=True)
def matches_the_library_run(answer_ex_20_rule):
    expected = [
        float(
            get("professional_decision")
            .run()
            .query("group == 'emigrate'")
            .set_index("income")["professionals"]
            .reindex(INCOME)[y]
        )
        for y in (0.25, 0.5, 0.75)
    ]
    for got, want in zip(list(answer_ex_20_rule), expected):
        assert abs(got - want) <= 1e-3 * max(1.0, abs(want)), f"{got} differs from the library's {want}"
