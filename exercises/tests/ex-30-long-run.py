"""Checks for ex-30-long-run (chapter 30): where the unauthorised population heads, and where it is by 2026."""

from numbers import Real

from otter.test_files import test_case

from widgets import data
from widgets.models import get

OK_FORMAT = False
name = "ex-30-long-run"
points = 1
prompt = (
    "a pair `(long_run, in_2026)`: the long-run level of the unauthorised population in the calibrated "
    "setting, and the model's level in 2026 (a 40-year run from 1986), both in millions"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def two_populations_in_millions(answer_ex_30_long_run):
    assert answer_ex_30_long_run is not ..., "replace the ... with your answer"
    assert len(answer_ex_30_long_run) == 2, "give a pair (long-run level, level in 2026)"
    assert all(isinstance(x, Real) and 0 < x < 1000 for x in answer_ex_30_long_run), "give both in millions"


@test_case(hidden=True)
def long_run_level(answer_ex_30_long_run):
    v = get("enforcement_stock_flow").defaults()
    level = (
        data.outside("mdp_undocumented_1986")
        / 1e6
        * v["enforcement_growth"] ** (v["return_sensitivity"] - v["entry_sensitivity"])
    )
    assert abs(answer_ex_30_long_run[0] / level - 1) < 0.01


@test_case(hidden=True)
def level_in_2026(answer_ex_30_long_run):
    run = get("enforcement_stock_flow").run(years=40)
    level = run.query("series == 'unauthorised population' and year == 2026")["millions"].item()
    assert abs(answer_ex_30_long_run[1] / level - 1) < 0.01
