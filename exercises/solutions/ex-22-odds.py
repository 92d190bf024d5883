"""Reference solution of ex-22-odds."""

from widgets import data

h1b = data.load("since_h1b")
received = h1b.query("fiscal_year == 2009 and count == 'cap-season petitions received'")["value"].item()
cap = data.load("h1b_record").set_index("key").loc["cap_fy2004", "value"]
answer_ex_22_odds = (cap + data.outside("h1b_advanced_degree_exemption")) / received
