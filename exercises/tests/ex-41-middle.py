"""Check of ex-41-middle (chapter 41): the downgrading rate at which the middle tier shrinks in numbers."""

from widgets import answers
from widgets.models import get
from widgets.parts import cities

RATE = get("global_city").param("downgrading_rate")

prompt = (
    "the smallest downgrading rate on the slider (steps of 0.005) at which the city has fewer "
    "middle-wage jobs in year 30 than in year 0 (exactly a slider step)"
)
form = answers.number(
    RATE.min, RATE.max, within=1e-6, what=f"a downgrading rate in the model's range {RATE.range_text}"
)


def expected():
    for k in range(round((RATE.max - RATE.min) / RATE.step) + 1):
        rate = round(RATE.min + k * RATE.step, 6)
        _, wide = cities.city_run(downgrading_rate=rate)
        if wide["middle wage"].iloc[-1] < wide["middle wage"].iloc[0]:
            return rate
    return None
