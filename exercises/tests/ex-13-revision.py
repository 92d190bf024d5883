"""Check of ex-13-revision (chapter 13): how much the later revision raised Mexico's 2007 remittances.

Expected: (revised - first report) / first report, both from data/since_remittances.csv.
"""

from teachkit import answers
from widgets import data

prompt = (
    "the upward revision of Mexico's 2007 remittances, from the New York Times first report to the later "
    "revision, as a share of the first report (0.05 for 5 percent; to within 0.0015)"
)
form = answers.number(0, 1, within=0.0015, what="a share between 0 and 1 (0.05, not 5)")


def expected():
    rem = data.load("since_remittances").query("recipient == 'Mexico' and year == 2007")
    first = rem.query("bibkey == 'malkin2008'")["value_musd"].item()
    revised = rem.query("release == 'later revision'")["value_musd"].item()
    return (revised - first) / first
