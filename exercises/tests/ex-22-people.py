"""Check of ex-22-people (chapter 22): the share of people registered for FY2026 whom the lottery selected.

Expected: beneficiaries selected / unique beneficiaries registered, FY2026, from data/since_h1b.csv.
"""

from teachkit import answers
from widgets import data

prompt = (
    "the share of the people registered in the FY2026 H-1B lottery who were selected, as a number between "
    "0 and 1 (to within 0.005)"
)
form = answers.number(0, 1, within=0.005, what="a share between 0 and 1")


def expected():
    h1b = data.load("since_h1b").query("fiscal_year == 2026")
    people = h1b.query("count == 'unique beneficiaries registered'")["value"].item()
    chosen = h1b.query("count == 'beneficiaries selected'")["value"].item()
    return float(chosen / people)
