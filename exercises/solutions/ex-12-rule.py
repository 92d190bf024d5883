"""Reference solution of ex-12-rule: the model's rule, written out and run."""


def budget(club_dollars, growth, year, federal_match, state_match, municipal_match):
    return club_dollars * (1 + growth) ** year * (1 + federal_match + state_match + municipal_match)


answer_ex_12_rule = [budget(5000, 0.1, year, 0, 1, 1) for year in (0, 5, 10)]
