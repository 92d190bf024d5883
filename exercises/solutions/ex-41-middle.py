"""Reference solution of ex-41-middle."""

import numpy as np

from widgets.parts import cities

for rate in np.round(np.arange(0, 0.1001, 0.005), 3):
    values, wide = cities.city_run(downgrading_rate=rate)
    if wide["middle wage"].iloc[-1] < wide["middle wage"].iloc[0]:
        answer_ex_41_middle = rate
        break
