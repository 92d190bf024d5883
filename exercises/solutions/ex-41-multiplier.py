"""Reference solution of ex-41-multiplier."""

import numpy as np

from widgets.parts import cities

for share in np.round(np.arange(0, 1.0001, 0.05), 2):
    if (
        cities.polarisation_ends(multiplier=2.5, low_wage_share=share)[1]
        > cities.polarisation_ends(multiplier=0, low_wage_share=share)[1]
    ):
        answer_ex_41_multiplier = share
        break
