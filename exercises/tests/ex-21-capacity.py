"""Checks for ex-21-capacity (chapter 21): the institutional capacity at which returns pass settlements."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-21-capacity"
points = 1
prompt = (
    "a pair `(six_years, twelve_years)`: the lowest institutional capacity (in steps of 0.05) at which, "
    "after 30 years, more professionals have returned home than settled abroad, with the default "
    "6-year visa limit and with a 12-year limit"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def two_capacities(answer_ex_21_capacity):
    assert answer_ex_21_capacity is not ..., "replace the ... with your answer"
    assert len(answer_ex_21_capacity) == 2, "give a pair (6-year limit, 12-year limit)"
    assert all(isinstance(x, Real) and 0 <= x <= 1 for x in answer_ex_21_capacity), "give capacities between 0 and 1"


def _returns_pass_settlements(capacity, visa_limit):
    assert abs(capacity / 0.05 - round(capacity / 0.05)) < 1e-6, f"{capacity} is not a step of 0.05"
    if capacity < 0:
        return False
    run = get("brain_circulation").run(institutional_capacity=capacity, visa_limit=visa_limit)
    year30 = run.query("year == 30").set_index("series")["professionals"]
    return year30["returned home"] > year30["settled abroad"]


@test_case(hidden=True)
def first_step_with_the_default_limit(answer_ex_21_capacity):
    capacity, limit = answer_ex_21_capacity[0], get("brain_circulation").param("visa_limit").default
    assert _returns_pass_settlements(capacity, limit) and not _returns_pass_settlements(capacity - 0.05, limit)


@test_case(hidden=True)
def first_step_with_twelve_years(answer_ex_21_capacity):
    capacity = answer_ex_21_capacity[1]
    assert _returns_pass_settlements(capacity, 12) and not _returns_pass_settlements(capacity - 0.05, 12)
