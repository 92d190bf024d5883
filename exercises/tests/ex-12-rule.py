"""Check of ex-12-rule (chapter 12): project dollars in three years of the 3x1 calculator.

Computed with the student's own rule; compared with the library's run of the same model at the same values.
"""

from teachkit import answers
from widgets.models import get

DOLLARS = answers.number(0, None, within=0.001, relative=True, what="a sum in dollars")

prompt = (
    "a list of the project dollars in years 0, 5 and 10 for a club that gives 5,000 dollars in year 0, with "
    "giving growing 10 percent a year and no federal match, computed with your `budget` (each to within 0.1 percent)"
)
form = answers.sequence(DOLLARS, DOLLARS, DOLLARS, what="a list of 3 sums in dollars (years 0, 5 and 10)")


def expected():
    run = get("three_for_one").run(club_dollars=5000, participation_growth=0.1, federal_match=0)
    by_year = run.groupby("year")["dollars"].sum()
    return [float(by_year[year]) for year in (0, 5, 10)]
