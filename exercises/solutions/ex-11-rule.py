"""Reference solution of ex-11-rule: the model's rule, written out and run."""

import math


def step(never, abroad, returned, base_propensity, network_effect, return_rate):
    hazard = 1 - math.exp(-(base_propensity + network_effect * (abroad + returned)))
    come_back = return_rate * abroad
    return (
        never * (1 - hazard),
        abroad + hazard * (never + returned) - come_back,
        returned + come_back - hazard * returned,
    )


state, at_home = (0.98, 0.02, 0.0), {}
for year in range(1, 41):
    state = step(*state, 0.01, 0.5, 0.2)
    at_home[year] = 100 * (state[0] + state[2])
answer_ex_11_rule = [at_home[10], at_home[20], at_home[40]]
