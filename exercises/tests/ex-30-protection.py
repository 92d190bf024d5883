"""Check of ex-30-protection (chapter 30): the human capital that keeps the downward path under 10 percent."""

from teachkit import answers
from widgets.models import get

HOSTILE = "unauthorised labour migrants, hostile context"
LEVEL = answers.number(0, 1, within=0.001, what="a level of human capital on the model's index, between 0 and 1")

prompt = (
    "a pair `(hostile, legal)`: the lowest parental human capital at which fewer than 10 percent of "
    f'children follow the downward path, in the preset "{HOSTILE}" '
    "and in the same preset with `authorised_share = 1` (each to within 0.001)"
)
form = answers.sequence(LEVEL, LEVEL, what="a pair (hostile preset, with legal status)")


def expected():
    model = get("pathways")

    def lowest_protected(**values):
        run = model.run(**{**model.presets[HOSTILE], **values})
        down = run[run["path"] == "downward"]
        return down.loc[down["share"] < 0.10, "human_capital"].min()

    return [lowest_protected(), lowest_protected(authorised_share=1)]
