"""Checks for ex-0-widest-gap (chapter 00): the indicator of Table 3 with the widest Mexican/white gap."""

from otter.test_files import test_case

from widgets import data

OK_FORMAT = False
name = "ex-0-widest-gap"
points = 1
prompt = (
    "the name of the Table 3 column of the indicator on which the gap is widest, as a string "
    '(one of the numeric columns of `data.load("portes_table3_census2000")`)'
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_column_of_table_3(answer_ex_0_widest_gap):
    assert answer_ex_0_widest_gap is not ..., "replace the ... with your answer"
    columns = data.load("portes_table3_census2000").select_dtypes("number").columns
    assert answer_ex_0_widest_gap in list(columns), f"give one of the column names {list(columns)}"


@test_case(hidden=True)
def widest_ratio(answer_ex_0_widest_gap):
    t3 = data.load("portes_table3_census2000").set_index("group").select_dtypes("number")
    ratio = t3.loc["Mexican"] / t3.loc["Non-Hispanic whites"]
    assert answer_ex_0_widest_gap == ratio.astype(float).idxmax()
