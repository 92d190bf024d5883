"""Reference solution of ex-40-poor-senders: s1 / s8 = (2/12)^a e^(0.9 gamma) > 1 when gamma > ln 6 / 0.9."""

import math

from widgets.models import REGISTRY

bridges = REGISTRY["bridges"]
step = bridges.param("tie_strength").step
answer_ex_40_poor_senders = math.ceil(math.log(6) / 0.9 / step) * step
