"""Check of ex-20-india (chapter 20): the shares of 2003 H-1B permits of the four sources after India."""

from teachkit import answers
from widgets import data

COUNTRIES = sorted(data.load("h1b_sources_2003")["country"])

prompt = (
    "a dict mapping each of the four countries after India (named as in the table) to its share of "
    "all 2003 H-1B permits, in percent (5.0 for 5 percent), to one decimal (within 0.05)"
)
form = answers.mapping(
    answers.number(0, 100, within=0.05, what="a share in percent"),
    count=4,
    allowed=COUNTRIES,
    what="a dict of four countries and their shares in percent",
)


def expected():
    sources = data.load("h1b_sources_2003").sort_values("permits", ascending=False).set_index("country")
    return (100 * sources["permits"].iloc[1:5] / data.number("h1b_permits_2003")).to_dict()
