"""Check of ex-32-bounds (chapter 32): worst-case bounds on a Table 4 rate over the whole CILS sample.

Lower: none of those lost had a child by 24; upper: all of them had.
"""

from teachkit import answers
from widgets import data

PERCENT = answers.number(0, 100, within=0.05, what="a percent between 0 and 100")

prompt = (
    "a pair `(lower, upper)`: the worst-case bounds, in percent, on the share of Mexican-origin women "
    "who had a child by age 24 in the whole original CILS sample (each to within 0.05)"
)
form = answers.sequence(PERCENT, PERCENT, what="a pair (lower, upper) of percents")


def expected():
    t4 = data.load("portes_table4_cils")
    kept = data.number("cils_third_survey_retention")
    rate = t4.loc[t4["group"] == "Mexico", "had_child_f_age24_pct"].item()
    return [kept * rate, kept * rate + 100 * (1 - kept)]
