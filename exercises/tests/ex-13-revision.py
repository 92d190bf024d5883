"""Checks for ex-13-revision (chapter 13): the upward revision of Mexico's 2007 remittances."""

from numbers import Real

from otter.test_files import test_case

from widgets import data

OK_FORMAT = False
name = "ex-13-revision"
points = 1
prompt = (
    "the upward revision of Mexico's 2007 remittances, from the New York Times first report to the later "
    "revision, as a share of the first report (0.05 for 5 percent)"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_share(answer_ex_13_revision):
    assert answer_ex_13_revision is not ..., "replace the ... with your answer"
    assert isinstance(answer_ex_13_revision, Real) and 0 <= answer_ex_13_revision < 1, (
        "give a share between 0 and 1 (0.05, not 5)"
    )


@test_case(hidden=True)
def revised_over_first(answer_ex_13_revision):
    rem = data.load("since_remittances").query("recipient == 'Mexico' and year == 2007")
    first = rem.query("bibkey == 'malkin2008'")["value_musd"].item()
    revised = rem.query("release == 'later revision'")["value_musd"].item()
    assert abs(answer_ex_13_revision - (revised - first) / first) < 0.0015
