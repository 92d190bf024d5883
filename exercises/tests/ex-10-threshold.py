"""Check of ex-10-threshold (chapter 10): the largest wage ratio at which nobody leaves.

The expected gain G = pR - 1 - C is zero at R = (1 + C) / p; nobody leaves while G <= 0.
"""

from teachkit import answers
from widgets.models import get

RATIO = get("expected_income").param("wage_ratio")

prompt = (
    "the largest wage ratio at which nobody ever leaves, in any region, with the expected-income "
    "model's other parameters at their defaults (a number, to within 0.1)"
)
form = answers.number(RATIO.min, RATIO.max, within=0.1, what=f"a wage ratio in the model's range {RATIO.range_text}")


def expected():
    defaults = get("expected_income").defaults()
    return (1 + defaults["migration_cost"]) / defaults["employment_prob"]
