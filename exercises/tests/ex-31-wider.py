"""Check of ex-31-wider (chapter 31): the spread between groups in the census and in CILS, per indicator."""

from teachkit import answers
from widgets.parts import assimilation

POINTS = answers.number(0, 100, within=0.05, what="percentage points, 0 or more")

prompt = (
    'a dict mapping `"school"`, `"mothers"` and `"incarcerated"` to a pair `(census, cils)`: the '
    "distance between the highest and the lowest group in each source, in percentage points "
    "(each to one decimal: within 0.05)"
)
form = answers.mapping(
    answers.sequence(POINTS, POINTS, what="a pair (census, cils)"),
    keys=["incarcerated", "mothers", "school"],
    what="a dict with a pair (census, cils) per indicator",
)


def expected():
    frame = assimilation.census_vs_cils()
    frame["indicator"] = frame["indicator"].str.split(":").str[0]
    frame["source"] = frame["source"].str.startswith("CILS").map({False: 0, True: 1})
    spread = frame.groupby(["indicator", "source"])["percent"].agg(lambda s: s.max() - s.min())
    return {
        indicator: [spread[indicator, 0], spread[indicator, 1]] for indicator in ("incarcerated", "mothers", "school")
    }
