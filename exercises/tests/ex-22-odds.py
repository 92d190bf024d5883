"""Check of ex-22-odds (chapter 22): the share of FY2009 cap-season petitions the places could take.

Expected: (the FY2004 cap + the advanced-degree exemption) / the petitions received.
"""

from teachkit import answers
from widgets import data

prompt = (
    "the share of the FY2009 cap-season petitions that the 65,000 cap plus the 20,000 advanced-degree "
    "exemption could accommodate, as a number between 0 and 1 (to within 0.005)"
)
form = answers.number(0, 1, within=0.005, what="a share between 0 and 1")


def expected():
    h1b = data.load("since_h1b")
    received = h1b.query("fiscal_year == 2009 and count == 'cap-season petitions received'")["value"].item()
    cap = data.load("h1b_record").set_index("key").loc["cap_fy2004", "value"]
    return float((cap + data.outside("h1b_advanced_degree_exemption")) / received)
