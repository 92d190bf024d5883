"""Tests of widgets.explorer beyond the generic model tests: chosen slider values and chart options."""

import json

import pytest

from widgets import explorer
from widgets.models import get


def test_steps_are_clean_and_inclusive():
    assert explorer.steps(0, 1, 0.25) == [0, 0.25, 0.5, 0.75, 1]
    assert explorer.steps(3, 12, 3) == [3, 6, 9, 12]


def test_explorer_on_chosen_values_checks_its_grid():
    with pytest.raises(ValueError, match="evenly spaced"):
        explorer.explorer("brain_circulation", {"visa_limit": [3, 6, 10]})
    with pytest.raises(ValueError, match="outside the allowed range"):
        explorer.explorer("brain_circulation", {"visa_limit": [6, 13]})
    with pytest.raises(ValueError, match="one or two parameters"):
        explorer.grids(get("village"), ["outmigration_rate", "enforcement", "years"])
    chart = explorer.explorer("brain_circulation", {"visa_limit": explorer.steps(3, 12, 3)})
    assert chart.to_dict()["params"][0]["value"] == 6


def test_y_title_and_note_change_only_the_title_and_subtitle():
    plain = explorer.explorer("village", ["outmigration_rate"]).to_dict()
    short = explorer.explorer("village", ["outmigration_rate"], y_title="Index", note="Units.").to_dict()
    assert short["encoding"]["y"]["title"] == "Index" and short["title"]["subtitle"][-1] == "Units."
    assert short["title"]["subtitle"][:-1] == plain["title"]["subtitle"]
    assert short["data"] == plain["data"]


def test_stacked_explorer_keeps_its_axis_and_tells_its_outcome():
    """Chapter 41's stack: the scale reaches the tallest stack of any setting (it once rescaled from
    0-110 to 0-600 as a slider moved), a checkbox may fit it, and the outcome is worded per setting."""
    spec = explorer.explorer("global_city", ["services_growth", "multiplier"]).to_dict()
    scale = spec["encoding"]["y"]["scale"]
    assert scale["domainMin"] == 0 and scale["domainMax"]["expr"].startswith("fit_y ? null : 75")
    assert [p["bind"]["input"] for p in spec["params"]] == ["range", "range", "checkbox"]
    told = spec["usermeta"]["explorer"]["outcome"]
    assert told["params"] == ["services_growth", "multiplier"]
    assert len(told["values"]) == told["sizes"][0] * told["sizes"][1] and len(set(told["values"])) > 10
    assert "widgets." not in spec["title"]["subtitle"][0] and "precomputed" not in spec["description"]


def test_a_dwarfed_outcome_is_drawn_alone():
    """Chapter 20: emigrants were a thin band on a stack of 1,000; the explorer draws them alone."""
    spec = explorer.explorer("professional_decision", ["training_mismatch", "home_positions"], n=11).to_dict()
    assert "stay," not in json.dumps(spec.get("datasets", spec.get("data"))) and "emigrate" in json.dumps(spec)
    assert spec["encoding"]["y"]["scale"]["domain"][1] < 100, "the scale is still the whole cohort's"
    assert all("per 1,000 trained" in v for v in spec["usermeta"]["explorer"]["outcome"]["values"])
