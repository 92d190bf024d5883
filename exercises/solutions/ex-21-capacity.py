"""Reference solution of ex-21-capacity."""

import numpy as np

from widgets.models import get

model = get("brain_circulation")


def first_capacity(visa_limit):
    for capacity in np.round(np.arange(0, 1.0001, 0.05), 2):
        last = model.run(institutional_capacity=capacity, visa_limit=visa_limit).query("year == 30")
        last = last.set_index("series")["professionals"]
        if last["returned home"] > last["settled abroad"]:
            return capacity


answer_ex_21_capacity = (first_capacity(6), first_capacity(12))
