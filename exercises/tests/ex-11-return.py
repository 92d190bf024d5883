"""Checks for ex-11-return (chapter 11): the return rate below which the cyclical village is half empty."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-11-return"
points = 1
prompt = (
    "the return rate of lone migrants (to within 0.01) below which fewer than half the adults are "
    "at home after 40 years, starting from the village model's cyclical preset"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_return_rate(answer_ex_11_return):
    assert answer_ex_11_return is not ..., "replace the ... with your answer"
    rate = get("village").param("return_rate")
    assert isinstance(answer_ex_11_return, Real) and rate.min <= answer_ex_11_return <= rate.max, (
        f"give a return rate in the model's range {rate.range_text}"
    )


@test_case(hidden=True)
def half_at_home_crossed_within_0_01(answer_ex_11_return):
    village = get("village")

    def at_home(rate):
        run = village.run(**{**village.presets["cyclical"], "return_rate": rate})
        return run.query("year == 40 and series == 'population at home'")["value"].item()

    assert at_home(answer_ex_11_return - 0.01) < 50 <= at_home(answer_ex_11_return + 0.01)
