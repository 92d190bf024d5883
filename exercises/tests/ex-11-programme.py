"""Checks for ex-11-programme (chapter 11): the family-settlement village with the full jobs programme."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-11-programme"
points = 1
prompt = (
    "a pair `(adults, income)`: the adults at home and the local income in year 40 under the "
    "family-settlement preset with the jobs programme at its maximum (each to one decimal)"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_pair_of_numbers(answer_ex_11_programme):
    assert answer_ex_11_programme is not ..., "replace the ... with your answer"
    assert len(answer_ex_11_programme) == 2, "give a pair (adults at home, local income)"
    assert all(isinstance(x, Real) and x >= 0 for x in answer_ex_11_programme), "give two numbers"


@test_case(hidden=True)
def year_40_of_the_model(answer_ex_11_programme):
    village = get("village")
    values = {**village.presets["family settlement"], "jobs_programme": village.param("jobs_programme").max}
    year40 = village.run(**values).query("year == 40").set_index("series")["value"]
    adults, income = answer_ex_11_programme
    assert abs(adults - year40["population at home"]) <= 0.051
    assert abs(income - year40["local income"]) <= 0.051
