"""Reference solution of ex-13-net."""

from widgets import data

flows = data.load("since_mexico_migration").query("period == '2009-2014'").set_index("measure")["value"]
answer_ex_13_net = int(flows["arrivals from Mexico"] - flows["net flow to the US"])
