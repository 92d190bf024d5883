"""Reference solution of ex-32-bounds."""

from widgets import data

t4 = data.load("portes_table4_cils")
kept = data.number("cils_third_survey_retention")
rate = t4.loc[t4["group"] == "Mexico", "had_child_f_age24_pct"].item()
answer_ex_32_bounds = (kept * rate, kept * rate + 100 * (1 - kept))
