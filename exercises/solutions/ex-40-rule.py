"""Reference solution of ex-40-rule: the model's rule, written out and run."""

import math

from widgets.models.bridges import TIES, WAGE_GAP


def shares(wage_gaps, ties, wage_gap_elasticity, tie_strength):
    pulls = [w**wage_gap_elasticity * math.exp(tie_strength * tau) for w, tau in zip(wage_gaps, ties)]
    return [p / sum(pulls) for p in pulls]


answer_ex_40_rule = shares(list(WAGE_GAP), list(TIES), 1.0, 1.5)
