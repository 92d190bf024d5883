"""Tests of widgets.explorer beyond the generic model tests: chosen slider values and chart options."""

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
