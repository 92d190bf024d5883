"""Tests of widgets.controls: a live panel's sliders, preset menu and redraw (run without a front end)."""

import json

import ipywidgets as w
import pytest

from widgets import controls, explorer, live
from widgets.models import REGISTRY, get


def sliders(box: w.VBox) -> dict[str, w.ValueWidget]:
    """A panel's sliders by label text."""
    return {
        row.children[0].value: row.children[1]
        for row in box.children
        if isinstance(row, w.HBox) and isinstance(row.children[1], w.IntSlider | w.FloatSlider)
    }


def menu(box: w.VBox) -> w.Dropdown:
    (found,) = [
        row.children[1] for row in box.children if isinstance(row, w.HBox) and isinstance(row.children[1], w.Dropdown)
    ]
    return found


@pytest.fixture
def drawn(monkeypatch):
    """Every chart the panels draw (a Vega-Lite spec with its data), in order; the drawing is a stand-in
    (a hash), for speed."""
    specs = []

    class Recording:
        def __init__(self, spec):
            self.spec = spec

        def svg(self, text=None, **values):
            spec = self.spec if text is None else live.with_csv(self.spec, text)
            specs.append(spec)
            return f"<svg>{hash(json.dumps(spec, sort_keys=True))}</svg>"

    monkeypatch.setattr(live, "Drawing", Recording)
    return specs


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_panel_labels_show_units_and_every_slider_changes_the_drawing(name, drawn):
    model = get(name)
    box = controls.panel(name)
    shown = [p for p in model.params if controls.moves_the_chart(model, model.defaults(), p.name)]
    assert list(sliders(box)) == [f"{p.label} ({p.unit})" for p in shown]
    picture = box.children[-1]
    for label, s in sliders(box).items():
        count, before, opening = len(drawn), picture.value, s.value
        s.value = s.max if s.value != s.max else s.min
        assert len(drawn) == count + 1, f"{name}: moving {label!r} redrew {len(drawn) - count} times"
        assert picture.value != before, f"{name}: moving {label!r} changed nothing drawn"
        s.value = opening


def test_a_parameter_the_chart_does_not_show_gets_no_slider():
    box = controls.panel("transnational_effects")
    assert [label.split(" (")[0] for label in sliders(box)] == ["Units of increase"]


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_the_y_axis_stays_put_while_sliders_move(name, drawn):
    box = controls.panel(name)
    domains = [drawn[-1]["encoding"]["y"]["scale"]["domain"]]
    for s in sliders(box).values():
        for value in (s.min, s.max, s.value):
            s.value = value
            domains.append(drawn[-1]["encoding"]["y"]["scale"]["domain"])
    assert all(d == domains[0] for d in domains), f"{name}: y domain moved: {domains}"


@pytest.mark.parametrize("name", sorted(n for n in REGISTRY if get(n).presets))
def test_a_preset_applies_on_top_of_the_defaults_with_one_redraw(name, drawn):
    model = get(name)
    box = controls.panel(name)
    shown = [p for p in model.params if controls.moves_the_chart(model, model.defaults(), p.name)]
    found = {p.name: s for p, s in zip(shown, sliders(box).values())}
    for s in found.values():  # move every slider away from its default first
        s.value = s.max if s.value != s.max else s.min
    for preset, values in model.presets.items():
        count = len(drawn)
        menu(box).value = preset
        assert len(drawn) == count + 1, f"{name}: preset {preset!r} redrew {len(drawn) - count} times"
        wanted = {key: {**model.defaults(), **values}[key] for key in found}
        shown = {key: s.value for key, s in found.items()}
        assert shown == pytest.approx(wanted), f"{name}: preset {preset!r} shows {shown}, not {wanted}"
        first = found[model.params[0].name]
        first.value = first.max if first.value != first.max else first.min
        assert menu(box).value == controls.PLACEHOLDER, "a moved slider must clear the preset menu"


def test_years_print_without_a_thousands_separator():
    box = controls.panel("enforcement_stock_flow")
    picture = box.children[-1].value
    assert ">1990<" in picture and "1,990" not in picture


def test_a_panel_opens_on_the_values_it_is_given():
    box = controls.panel("network_diffusion", network_effect=0.45, return_rate=0.2)
    shown = {label.split(" (")[0]: s.value for label, s in sliders(box).items()}
    assert shown["Network effect"] == 0.45 and shown["Return rate"] == 0.2


def test_a_panel_given_an_explorers_opening_opens_where_the_explorer_opens():
    vary = ["network_effect", "return_rate"]
    opened = explorer.opening("network_diffusion", vary, network_effect=0.4, pioneers=0.05)
    spec = explorer.explorer("network_diffusion", vary=vary, network_effect=0.4, pioneers=0.05).to_dict()
    assert {p["name"]: p["value"] for p in live.bound_params(spec)} == {k: opened[k] for k in vary}
    box = controls.panel("network_diffusion", **opened)
    shown = {key: s.value for key, s in zip([p.name for p in get("network_diffusion").params], sliders(box).values())}
    assert shown == pytest.approx({**get("network_diffusion").defaults(), **opened}), (shown, opened)
    assert opened["pioneers"] == 0.05 and opened["network_effect"] != 0.4, "the explorer snaps to its grid"


def test_a_panel_given_nothing_opens_on_the_defaults_whatever_was_drawn_before():
    explorer.explorer("network_diffusion", vary=["network_effect", "return_rate"], network_effect=0.8)
    box = controls.panel("network_diffusion")
    shown = {key: s.value for key, s in zip([p.name for p in get("network_diffusion").params], sliders(box).values())}
    assert shown == pytest.approx(get("network_diffusion").defaults())


def test_bad_opening_values_raise_naming_the_parameter():
    with pytest.raises(ValueError, match="return_rate"):
        controls.panel("network_diffusion", return_rate=7)


def test_fixed_values_are_checked():
    with pytest.raises(ValueError, match="outside the allowed range"):
        controls.panel("village", fixed={"years": 10_000})
