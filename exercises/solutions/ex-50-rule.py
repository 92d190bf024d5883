"""Reference solution of ex-50-rule: the model's rule, written out and run."""

import math

from widgets.models import get
from widgets.models.pipeline import _city_pull, _kappa, _village_share


def pull(demand, share, kappa):
    return 0.2 * (1 - math.exp(-kappa * demand * share))


v = get("pipeline").defaults()
demand = _city_pull(0.08, v["years"])[1]
answer_ex_50_rule = [pull(demand, _village_share(v["tie_strength"], c), _kappa()) for c in (2, 7)]
