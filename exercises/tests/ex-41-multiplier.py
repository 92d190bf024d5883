"""Checks for ex-41-multiplier (chapter 41): the low-wage share above which high-income consumption polarises."""

from numbers import Real

from otter.test_files import test_case

from widgets.parts import cities

OK_FORMAT = False
name = "ex-41-multiplier"
points = 1
prompt = (
    "the low-wage share of local jobs, to the nearest 0.05, above which a multiplier of 2.5 raises "
    "polarisation in year 30 rather than lowering it: the smallest value in steps of 0.05 at which "
    "polarisation with the multiplier at 2.5 is higher than with it at 0"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_share(answer_ex_41_multiplier):
    assert answer_ex_41_multiplier is not ..., "replace the ... with your answer"
    assert isinstance(answer_ex_41_multiplier, Real) and 0 <= answer_ex_41_multiplier <= 1, (
        "give a share between 0 and 1"
    )


def _multiplier_raises_polarisation(low_wage_share):
    assert abs(low_wage_share / 0.05 - round(low_wage_share / 0.05)) < 1e-6, f"{low_wage_share} is not a step of 0.05"
    if low_wage_share < 0:
        return False
    with_multiplier = cities.polarisation_ends(multiplier=2.5, low_wage_share=low_wage_share)[1]
    without = cities.polarisation_ends(multiplier=0, low_wage_share=low_wage_share)[1]
    return with_multiplier > without


@test_case(hidden=True)
def first_step_where_the_multiplier_polarises(answer_ex_41_multiplier):
    assert _multiplier_raises_polarisation(answer_ex_41_multiplier)
    assert not _multiplier_raises_polarisation(answer_ex_41_multiplier - 0.05)
