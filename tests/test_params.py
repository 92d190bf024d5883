"""Tests of widgets.params: a Param checks values and lays out the explorer's grid."""

import math

import pytest

from widgets.params import Param


def param(**changes):
    fields = dict(name="rate", label="Rate", unit="share", min=0, max=1, step=0.05, default=0.3, meaning="a rate")
    return Param(**{**fields, **changes})


def test_a_param_refuses_a_default_outside_or_a_step_too_large():
    with pytest.raises(ValueError, match="default 2"):
        param(default=2)
    with pytest.raises(ValueError, match="step 2"):
        param(step=2)


@pytest.mark.parametrize("value", [True, "0.5", None, math.nan, math.inf, -0.1, 1.5])
def test_check_refuses_bad_values_naming_the_range(value):
    with pytest.raises(ValueError, match=r"rate = .*\[0, 1\]"):
        param().check(value)


def test_integer_params_return_ints_and_refuse_fractions():
    years = param(name="years", min=5, max=40, step=1, default=30)
    assert years.integer and years.check(12.0) == 12 and isinstance(years.check(12.0), int)
    with pytest.raises(ValueError, match="whole number"):
        years.check(12.5)


def test_grid_opens_on_the_default_and_steps_evenly():
    grid = param().grid(9)
    assert 0.3 in grid and grid[0] >= 0 and grid[-1] <= 1
    gaps = {round(b - a, 9) for a, b in zip(grid, grid[1:])}
    assert len(gaps) == 1 and min(gaps) % 0.05 < 1e-9 or abs(min(gaps) % 0.05 - 0.05) < 1e-9
