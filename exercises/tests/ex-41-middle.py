"""Checks for ex-41-middle (chapter 41): the downgrading rate at which the middle tier shrinks in numbers."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get
from widgets.parts import cities

OK_FORMAT = False
name = "ex-41-middle"
points = 1
prompt = (
    "the smallest downgrading rate on the slider (steps of 0.005) at which the city has fewer "
    "middle-wage jobs in year 30 than in year 0"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_downgrading_rate(answer_ex_41_middle):
    assert answer_ex_41_middle is not ..., "replace the ... with your answer"
    rate = get("global_city").param("downgrading_rate")
    assert isinstance(answer_ex_41_middle, Real) and rate.min <= answer_ex_41_middle <= rate.max, (
        f"give a downgrading rate in the model's range {rate.range_text}"
    )


def _middle_shrinks(downgrading_rate):
    if downgrading_rate < 0:
        return False
    _, wide = cities.city_run(downgrading_rate=downgrading_rate)
    return wide["middle wage"].iloc[-1] < wide["middle wage"].iloc[0]


@test_case(hidden=True)
def first_slider_step_where_the_middle_shrinks(answer_ex_41_middle):
    step = get("global_city").param("downgrading_rate").step
    assert abs(answer_ex_41_middle / step - round(answer_ex_41_middle / step)) < 1e-6, "not on the slider"
    assert _middle_shrinks(answer_ex_41_middle) and not _middle_shrinks(answer_ex_41_middle - step)
