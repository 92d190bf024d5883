"""Reference solution of ex-10-threshold: G = pR - 1 - C is zero at R = (1 + C) / p."""

from widgets.models import get

defaults = get("expected_income").defaults()
answer_ex_10_threshold = (1 + defaults["migration_cost"]) / defaults["employment_prob"]
