"""Tests of widgets.controls: a live panel's sliders, preset menu and redraw (run without a front end)."""

import pytest

from widgets import controls
from widgets.models import REGISTRY


def _parts(panel):
    menu = next((c for c in panel.children if c.description == "Preset"), None)
    sliders = {c.description: c for c in panel.children if hasattr(c, "step")}
    return menu, sliders, panel.children[-1]


def test_panel_has_a_slider_per_free_param_and_redraws_on_a_move(monkeypatch):
    drawn = []
    monkeypatch.setattr(controls, "display", lambda chart: drawn.append(chart.to_dict()))
    model = REGISTRY["village"]
    menu, sliders, _ = _parts(controls.panel("village", fixed={"years": 20}))
    assert len(sliders) == len(model.params) - 1 and menu is not None and len(drawn) == 1
    slider = sliders[model.param("outmigration_rate").label]
    slider.value = slider.max
    assert len(drawn) == 2 and drawn[1]["data"] != drawn[0]["data"], "moving a slider must redraw the chart"


def test_preset_menu_sets_the_sliders_to_the_preset():
    model = REGISTRY["village"]
    name, values = next(iter(model.presets.items()))
    menu, sliders, _ = _parts(controls.panel("village"))
    menu.value = name
    for key, value in values.items():
        assert sliders[model.param(key).label].value == pytest.approx(value)


def test_fixed_values_are_checked():
    with pytest.raises(ValueError, match="outside the allowed range"):
        controls.panel("village", fixed={"years": 10_000})
