"""Checks for ex-22-masters (chapter 22): the rise in the share of H-1B workers with a master's or more."""

from numbers import Real

from otter.test_files import test_case

from widgets import data

OK_FORMAT = False
name = "ex-22-masters"
points = 1
prompt = (
    "the rise, from Table 1 (2002) to USCIS's FY2019 report, in the share of H-1B workers with a master's "
    "degree or higher, as a share (0.05 for 5 percentage points)"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_share(answer_ex_22_masters):
    assert answer_ex_22_masters is not ..., "replace the ... with your answer"
    assert isinstance(answer_ex_22_masters, Real) and -1 < answer_ex_22_masters < 1, (
        "give a difference of shares between -1 and 1 (0.05, not 5)"
    )


@test_case(hidden=True)
def fy2019_minus_2002(answer_ex_22_masters):
    t1 = data.load("portes_table1_h1b_2002").query("row_type == 'all'")
    before = t1["masters_or_higher_pct"].item() / 100
    keys = ("uscis_fy2019_masters_share", "uscis_fy2019_doctorate_share", "uscis_fy2019_professional_share")
    assert abs(answer_ex_22_masters - (sum(data.outside(k) for k in keys) - before)) < 0.0051
