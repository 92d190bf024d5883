"""Reference solution of ex-11-return: bisection on the return rate."""

from widgets.models import REGISTRY

village = REGISTRY["village"]


def at_home(rate):
    run = village.run(**{**village.presets["cyclical"], "return_rate": rate})
    return run.query("year == 40 and series == 'population at home'")["value"].item()


low, high = 0.05, 0.10  # fewer than half at home at 0.05, more than half at 0.10
while high - low > 0.001:
    middle = (low + high) / 2
    low, high = (middle, high) if at_home(middle) < 50 else (low, middle)
answer_ex_11_return = high
