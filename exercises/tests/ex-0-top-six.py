"""Check of ex-0-top-six (chapter 00): the six leading industries' share of H-1B workers in 2002."""

from teachkit import answers
from widgets import data

prompt = (
    "the share of all H-1B workers of 2002 who worked in the six leading industries together, "
    "as a number between 0 and 1 (0.25 for 25 percent), to within 0.005"
)
form = answers.number(0, 1, within=0.005, what="a share between 0 and 1 (0.25, not 25)")


def expected():
    t1 = data.load("portes_table1_h1b_2002")
    everyone = t1.loc[t1["row_type"] == "all", "number"].item()
    return t1.loc[t1["row_type"] == "top six", "number"].sum() / everyone
