"""Checks for ex-20-ceiling (chapter 20): the new H-1B permits of 2003 implied by the share of renewals."""

from numbers import Real

from otter.test_files import test_case

from widgets import data

OK_FORMAT = False
name = "ex-20-ceiling"
points = 1
prompt = "the number of new (not renewed) H-1B permits in 2003 implied by the essay's remark on renewals"


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_count(answer_ex_20_ceiling):
    assert answer_ex_20_ceiling is not ..., "replace the ... with your answer"
    assert isinstance(answer_ex_20_ceiling, Real) and answer_ex_20_ceiling > 0, "give a number of permits"


@test_case(hidden=True)
def permits_less_renewals(answer_ex_20_ceiling):
    new = data.number("h1b_permits_2003") * (1 - data.number("h1b_renewal_share_2003"))
    assert abs(answer_ex_20_ceiling / new - 1) < 0.01
