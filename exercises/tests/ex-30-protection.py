"""Checks for ex-30-protection (chapter 30): the human capital that keeps the downward path under 10 percent."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-30-protection"
points = 1
prompt = (
    "a pair `(hostile, legal)`: the lowest parental human capital at which fewer than 10 percent of "
    'children follow the downward path, in the preset "unauthorised labour migrants, hostile context" '
    "and in the same preset with `authorised_share = 1`"
)

HOSTILE = "unauthorised labour migrants, hostile context"


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def two_levels_of_human_capital(answer_ex_30_protection):
    assert answer_ex_30_protection is not ..., "replace the ... with your answer"
    assert len(answer_ex_30_protection) == 2, "give a pair (hostile preset, with legal status)"
    assert all(isinstance(x, Real) and 0 <= x <= 1 for x in answer_ex_30_protection), (
        "give levels of human capital on the model's index, between 0 and 1"
    )


def _lowest_protected(**values):
    model = get("pathways")
    run = model.run(**{**model.presets[HOSTILE], **values})
    down = run[run["path"] == "downward"]
    return down.loc[down["share"] < 0.10, "human_capital"].min()


@test_case(hidden=True)
def hostile_context(answer_ex_30_protection):
    assert abs(answer_ex_30_protection[0] - _lowest_protected()) < 0.001


@test_case(hidden=True)
def with_legal_status(answer_ex_30_protection):
    assert abs(answer_ex_30_protection[1] - _lowest_protected(authorised_share=1)) < 0.001
