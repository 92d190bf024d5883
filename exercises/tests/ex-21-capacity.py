"""Check of ex-21-capacity (chapter 21): the institutional capacity at which returns pass settlements."""

import numpy as np

from widgets import answers
from widgets.models import get

CAPACITY = answers.number(0, 1, within=1e-6, what="a capacity between 0 and 1, in steps of 0.05")

prompt = (
    "a pair `(six_years, twelve_years)`: the lowest institutional capacity (in steps of 0.05) at which, "
    "after 30 years, more professionals have returned home than settled abroad, with the default "
    "6-year visa limit and with a 12-year limit"
)
form = answers.sequence(CAPACITY, CAPACITY, what="a pair (6-year limit, 12-year limit)")


def expected():
    model = get("brain_circulation")

    def first_capacity(visa_limit):
        for capacity in np.round(np.arange(0, 1.0001, 0.05), 2):
            run = model.run(institutional_capacity=capacity, visa_limit=visa_limit)
            year30 = run.query("year == 30").set_index("series")["professionals"]
            if year30["returned home"] > year30["settled abroad"]:
                return float(capacity)
        return None

    return [first_capacity(model.param("visa_limit").default), first_capacity(12)]
