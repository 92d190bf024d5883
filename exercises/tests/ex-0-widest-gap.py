"""Check of ex-0-widest-gap (chapter 00): the indicator of Table 3 with the widest Mexican/white gap."""

from teachkit import answers
from widgets import data

COLUMNS = list(data.load("portes_table3_census2000").select_dtypes("number").columns)

prompt = (
    "the name of the Table 3 column of the indicator on which the gap is widest, as a string "
    '(one of the numeric columns of `data.load("portes_table3_census2000")`)'
)
form = answers.one_of(COLUMNS, what=f"one of the column names {COLUMNS}")


def expected():
    t3 = data.load("portes_table3_census2000").set_index("group").select_dtypes("number")
    return (t3.loc["Mexican"] / t3.loc["Non-Hispanic whites"]).astype(float).idxmax()
