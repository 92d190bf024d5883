"""Checks for ex-22-odds (chapter 22): the share of FY2009 cap-season petitions that could be selected."""

from numbers import Real

from otter.test_files import test_case

from widgets import data

OK_FORMAT = False
name = "ex-22-odds"
points = 1
prompt = (
    "the share of the FY2009 cap-season petitions that the 65,000 cap plus the 20,000 advanced-degree "
    "exemption could accommodate, as a number between 0 and 1"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_share(answer_ex_22_odds):
    assert answer_ex_22_odds is not ..., "replace the ... with your answer"
    assert isinstance(answer_ex_22_odds, Real) and 0 < answer_ex_22_odds <= 1, "give a share between 0 and 1"


@test_case(hidden=True)
def places_over_petitions(answer_ex_22_odds):
    h1b = data.load("since_h1b")
    received = h1b.query("fiscal_year == 2009 and count == 'cap-season petitions received'")["value"].item()
    cap = data.load("h1b_record").set_index("key").loc["cap_fy2004", "value"]
    places = cap + data.outside("h1b_advanced_degree_exemption")
    assert abs(answer_ex_22_odds - places / received) < 0.0051
