"""Checks for ex-40-poor-senders (chapter 40): the strength of ties at which country 1 outsends country 8."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-40-poor-senders"
points = 1
prompt = (
    "the smallest strength of ties $\\gamma$ on the slider (steps of 0.25) at which country 1 sends "
    "more than country 8, with the pull of the wage gap at its default"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_strength_of_ties(answer_ex_40_poor_senders):
    assert answer_ex_40_poor_senders is not ..., "replace the ... with your answer"
    ties = get("bridges").param("tie_strength")
    assert isinstance(answer_ex_40_poor_senders, Real) and ties.min <= answer_ex_40_poor_senders <= ties.max, (
        f"give a strength of ties in the model's range {ties.range_text}"
    )


def _country_1_sends_more(tie_strength):
    if tie_strength < 0:
        return False
    share = get("bridges").run(tie_strength=tie_strength).set_index("country")["share"]
    return share.iloc[0] > share.iloc[7]


@test_case(hidden=True)
def first_slider_step_where_country_1_sends_more(answer_ex_40_poor_senders):
    step = get("bridges").param("tie_strength").step
    assert abs(answer_ex_40_poor_senders / step - round(answer_ex_40_poor_senders / step)) < 1e-6, "not on the slider"
    assert _country_1_sends_more(answer_ex_40_poor_senders)
    assert not _country_1_sends_more(answer_ex_40_poor_senders - step)
