"""Check of ex-11-return (chapter 11): the return rate below which the cyclical village is half empty."""

from widgets import answers
from widgets.models import get

RATE = get("village").param("return_rate")

prompt = (
    "the return rate of lone migrants (to within 0.01) below which fewer than half the adults are "
    "at home after 40 years, starting from the village model's cyclical preset"
)
form = answers.number(RATE.min, RATE.max, within=0.01, what=f"a return rate in the model's range {RATE.range_text}")


def expected():
    """The crossing of 50 adults at home, by bisection to 1e-6."""
    village = get("village")

    def at_home(rate):
        run = village.run(**{**village.presets["cyclical"], "return_rate": rate})
        return run.query("year == 40 and series == 'population at home'")["value"].item()

    low, high = RATE.min, RATE.max
    while high - low > 1e-6:
        middle = (low + high) / 2
        low, high = (middle, high) if at_home(middle) < 50 else (low, middle)
    return high
