"""Checks for ex-31-quadruple (chapter 31): the strongest multiple true of both Latin American groups."""

from numbers import Real

from otter.test_files import test_case

from widgets import data

OK_FORMAT = False
name = "ex-31-quadruple"
points = 1
prompt = (
    "the strongest multiple (to two decimals) that is true of both the Mexican and the Central "
    "American second generations' dropout rates against every Asian group's"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_multiple(answer_ex_31_quadruple):
    assert answer_ex_31_quadruple is not ..., "replace the ... with your answer"
    assert isinstance(answer_ex_31_quadruple, Real) and answer_ex_31_quadruple > 0, "give a positive number"


@test_case(hidden=True)
def smallest_ratio_over_all_pairs(answer_ex_31_quadruple):
    dropouts = data.load("portes_table3_census2000").set_index("group")["dropouts_25_39_pct"].astype(float)
    latin = dropouts[["Mexican", "Guatemalan, Salvadoran"]]
    asian = dropouts[["Chinese", "Indian", "Korean", "Filipino"]]
    assert abs(answer_ex_31_quadruple - latin.min() / asian.max()) <= 0.006
