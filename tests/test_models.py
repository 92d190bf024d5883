"""Every registered model, whatever it is: its contract, its input checks and its outputs.

Model-specific claims (identities, monotone effects, calibrations) sit in the
test_models_<part>.py files beside this one.
"""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets import controls, explorer
from widgets.models import REGISTRY, get

MODELS = sorted(REGISTRY)
SECTIONS = ["**Equations.**", "**Assumptions.**", "**Sources.**", "**Leaves out.**"]


def test_unknown_model_names_the_known_ones():
    with pytest.raises(ValueError, match="no model named 'nope'; known models: .*village"):
        get("nope")


@pytest.mark.parametrize("name", MODELS)
def test_model_documents_equations_assumptions_sources_and_omissions(name):
    doc = REGISTRY[name].doc
    missing = [s for s in SECTIONS if s not in doc]
    assert not missing, f"{name}: docstring lacks {missing}"


@pytest.mark.parametrize("name", MODELS)
def test_run_at_defaults_is_tidy_and_has_the_view_columns(name):
    model = REGISTRY[name]
    frame = model.run()
    assert isinstance(frame, pd.DataFrame) and len(frame) > 0
    view = model.view
    assert {c for c in (view.x, view.y, view.color) if c} <= set(frame.columns)
    assert len(frame) <= 2000, f"{name}: {len(frame)} rows at defaults is too many for a chart"


def values_of(model):
    """A hypothesis strategy for a full, valid set of a model's parameters."""

    def one(p):
        if p.integer:
            return st.integers(int(p.min), int(p.max))
        return st.floats(p.min, p.max, allow_nan=False, allow_infinity=False)

    return st.fixed_dictionaries({p.name: one(p) for p in model.params})


@pytest.mark.parametrize("name", MODELS)
def test_outputs_are_finite_and_stocks_non_negative_everywhere(name):
    model = REGISTRY[name]

    @settings(max_examples=200, deadline=None)
    @given(values_of(model))
    def check(values):
        frame = model.run(**values)
        numbers = frame.select_dtypes("number").to_numpy(dtype=float)
        assert np.isfinite(numbers).all(), f"{name} gave a non-finite output at {values}"
        if not model.view.signed:
            assert (frame[model.view.y] >= -1e-9).all(), f"{name}: negative {model.view.y} at {values}"

    check()


BAD = [
    (-math.inf, "not finite"),
    (math.nan, "not finite"),
    (True, "not a number"),
    ("1", "not a number"),
    (None, "not a number"),
]


@pytest.mark.parametrize("name,param", [(m, p.name) for m in MODELS for p in REGISTRY[m].params])
def test_every_parameter_rejects_bad_input_naming_itself_and_its_range(name, param):
    p = REGISTRY[name].param(param)
    span = p.max - p.min
    cases = BAD + [(p.min - max(span, 1), "outside"), (p.max + max(span, 1), "outside")]
    if p.integer:
        cases.append((p.min + 0.5, "whole number"))
    for value, words in cases:
        with pytest.raises(ValueError) as info:
            REGISTRY[name].run(**{param: value})
        message = str(info.value)
        assert param in message and words in message and p.range_text in message, message


@pytest.mark.parametrize("name", MODELS)
def test_unknown_parameter_is_refused(name):
    with pytest.raises(ValueError, match="has no parameter 'bogus'"):
        REGISTRY[name].run(bogus=1)


@pytest.mark.parametrize("name", MODELS)
def test_live_sliders_cannot_leave_the_model_range(name):
    for p in REGISTRY[name].params:
        s = controls.slider(p)
        assert (s.min, s.max, s.step, s.value) == (p.min, p.max, p.step, p.default), p.name
        s.value = p.max + 10 * p.step  # ipywidgets clamps to the slider's range
        REGISTRY[name].param(p.name).check(s.value)


@pytest.mark.parametrize("name", MODELS)
def test_explorer_grid_lies_inside_the_range_and_filters_to_one_run(name):
    model = REGISTRY[name]
    vary = [p.name for p in model.params[:2]]
    frame = explorer.grid_frame(REGISTRY[name], vary, n=5)
    for p in (model.param(v) for v in vary):
        assert frame[p.name].between(p.min, p.max).all()
    first = frame[(frame[vary] == frame[vary].iloc[0]).all(axis=1)]
    assert len(first) == len(model.run(**frame[vary].iloc[0].to_dict())), "a grid point must hold one whole run"


@pytest.mark.parametrize("name", MODELS)
def test_explorer_grids_include_the_default_and_stay_in_range(name):
    for p in REGISTRY[name].params:
        for n in (5, 9):
            grid = p.grid(n)
            assert p.default in grid, f"{name}.{p.name}: the explorer would not open on the default {p.default}: {grid}"
            assert p.min <= min(grid) and max(grid) <= p.max and 2 <= len(grid) <= n, f"{name}.{p.name}: {grid}"
            gaps = {round(b - a, 9) for a, b in zip(grid, grid[1:])}
            assert len(gaps) == 1, f"{name}.{p.name}: uneven grid {grid}: a slider could not reach every point"


@pytest.mark.parametrize("name", [m for m in MODELS if REGISTRY[m].presets])
def test_run_presets_stacks_one_run_per_preset(name):
    model = REGISTRY[name]
    stacked = model.run_presets()
    assert list(dict.fromkeys(stacked["preset"])) == list(model.presets)
    first = next(iter(model.presets))
    expected = model.run(**model.presets[first])
    got = stacked[stacked["preset"] == first].drop(columns="preset").reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected)


PRESETS = [(name, preset) for name in MODELS for preset in REGISTRY[name].presets]


@pytest.mark.parametrize("name,preset", PRESETS)
def test_a_callers_override_wins_over_the_preset(name, preset):
    """Model.run(preset, **overrides): the preset updates the defaults, the caller's value updates the preset."""
    model = REGISTRY[name]
    values = model.presets[preset]
    for p in model.params:
        changed = p.max if values.get(p.name, p.default) != p.max else p.min
        assert model.validate(preset, **{p.name: changed})[p.name] == changed
    assert model.validate(preset) == {**model.defaults(), **{k: model.param(k).check(v) for k, v in values.items()}}
    stacked = model.run_presets([preset])
    assert stacked.drop(columns="preset").equals(model.run(preset))


def test_unknown_preset_names_the_known_ones():
    with pytest.raises(ValueError, match="has no preset 'nope'"):
        REGISTRY["village"].run("nope")
