"""Reference solution of ex-20-rule: the model's rule, written out and run."""

import math


def emigrants(income, home_positions, deprivation_home, deprivation_abroad, training_mismatch, home_ties):
    def logistic(v):
        return 1 / (1 + math.exp(-v))

    good = min(1.0, home_positions * income)
    gap_abroad = (1 - income) * (1 + training_mismatch)
    leave_good = logistic(-home_ties + deprivation_abroad * gap_abroad)
    leave_without = logistic(-home_ties + deprivation_home + deprivation_abroad * gap_abroad)
    return 1000 * income * (good * leave_good + (1 - good) * leave_without)


answer_ex_20_rule = [emigrants(y, 1.0, 2.0, 1.5, 0.5, 5.0) for y in (0.25, 0.5, 0.75)]
