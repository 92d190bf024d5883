"""Checks for ex-13-net (chapter 13): net migration from Mexico in 2009-2014 from its parts."""

from numbers import Real

from otter.test_files import test_case

from widgets import data

OK_FORMAT = False
name = "ex-13-net"
points = 1
prompt = (
    "the net flow of Mexicans to the United States in 2009-2014, arrivals minus departures, as a whole "
    "number of people (negative when more left than came)"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_count(answer_ex_13_net):
    assert answer_ex_13_net is not ..., "replace the ... with your answer"
    assert isinstance(answer_ex_13_net, Real), "give a number of people"
    assert abs(answer_ex_13_net) < 10_000_000, "give the number of people, not millions of people times a million"


@test_case(hidden=True)
def arrivals_minus_departures(answer_ex_13_net):
    flows = data.load("since_mexico_migration").query("period == '2009-2014'").set_index("measure")["value"]
    net = flows["arrivals from Mexico"] - flows["departures to Mexico"]
    assert abs(answer_ex_13_net - net) < 1_000
