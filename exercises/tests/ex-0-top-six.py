"""Checks for ex-0-top-six (chapter 00): the six leading industries' share of H-1B workers in 2002."""

from numbers import Real

from otter.test_files import test_case

from widgets import data

OK_FORMAT = False
name = "ex-0-top-six"
points = 1
prompt = (
    "the share of all H-1B workers of 2002 who worked in the six leading industries together, "
    "as a number between 0 and 1 (0.25 for 25 percent)"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_share(answer_ex_0_top_six):
    assert answer_ex_0_top_six is not ..., "replace the ... with your answer"
    assert isinstance(answer_ex_0_top_six, Real) and 0 <= answer_ex_0_top_six <= 1, (
        "give a share between 0 and 1 (0.25, not 25)"
    )


@test_case(hidden=True)
def matches_table_1(answer_ex_0_top_six):
    t1 = data.load("portes_table1_h1b_2002")
    everyone = t1.loc[t1["row_type"] == "all", "number"].item()
    top_six = t1.loc[t1["row_type"] == "top six", "number"].sum()
    assert abs(answer_ex_0_top_six - top_six / everyone) < 0.005
