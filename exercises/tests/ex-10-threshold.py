"""Checks for ex-10-threshold (chapter 10): the largest wage ratio at which nobody leaves."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get
from widgets.parts import labour

OK_FORMAT = False
name = "ex-10-threshold"
points = 1
prompt = (
    "the largest wage ratio at which nobody ever leaves, in any region, with the expected-income "
    "model's other parameters at their defaults (a number, to within 0.1)"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_wage_ratio(answer_ex_10_threshold):
    assert answer_ex_10_threshold is not ..., "replace the ... with your answer"
    ratio = get("expected_income").param("wage_ratio")
    assert isinstance(answer_ex_10_threshold, Real) and ratio.min <= answer_ex_10_threshold <= ratio.max, (
        f"give a wage ratio in the model's range {ratio.range_text}"
    )


@test_case(hidden=True)
def nobody_leaves_at_it_and_someone_just_above(answer_ex_10_threshold):
    assert labour.regional_spread(year=30, wage_ratio=answer_ex_10_threshold).to_numpy().max() == 0
    assert labour.regional_spread(year=30, wage_ratio=answer_ex_10_threshold + 0.1).to_numpy().max() > 0
