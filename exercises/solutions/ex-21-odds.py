"""Reference solution of ex-21-odds."""

from widgets.models.transnational_effects import logit_probability, odds_ratio

answer_ex_21_odds = (odds_ratio(1.191), logit_probability(1.191, 0.10))
