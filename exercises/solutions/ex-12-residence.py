"""Reference solution of ex-12-residence."""

import numpy as np

from widgets.parts import labour

effects = labour.residence_effects().set_index("model")
b = effects.loc["political", "coefficient"]
answer_ex_12_residence = 100 * np.expm1(20 * b)
