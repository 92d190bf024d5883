"""Check of ex-12-match (chapter 12): project money over ten years, with and without the municipal match."""

from teachkit import answers
from widgets.models import get

DOLLARS = answers.number(0, None, within=0.005, relative=True, what="a sum in dollars")

prompt = (
    "a pair `(full, without_municipality)`: the project money raised over years 0 to 10 with the "
    "full 3x1 programme and with no municipal match, in dollars (each to within 0.5 percent)"
)
form = answers.sequence(DOLLARS, DOLLARS, what="a pair (full programme, without the municipality)")


def expected():
    v = get("three_for_one").defaults()
    club = sum(v["club_dollars"] * (1 + v["participation_growth"]) ** t for t in range(v["years"] + 1))
    return [
        club * (1 + v["federal_match"] + v["state_match"] + v["municipal_match"]),
        club * (1 + v["federal_match"] + v["state_match"]),
    ]
