"""Check of ex-13-net (chapter 13): the departures to Mexico in 2009-2014 implied by arrivals and a net figure.

Expected: arrivals minus the net flow Time reported, both from data/since_mexico_migration.csv.
"""

from teachkit import answers
from widgets import data

prompt = (
    "the departures of Mexicans from the United States to Mexico in 2009-2014 implied by Pew's arrivals and "
    "the net flow Time reported (arrivals minus net), as a whole number of people (to within 1000 people)"
)
form = answers.number(0, 10_000_000, within=1000, what="a number of people (not millions)")


def expected():
    flows = data.load("since_mexico_migration").query("period == '2009-2014'").set_index("measure")["value"]
    return float(flows["arrivals from Mexico"] - flows["net flow to the US"])
