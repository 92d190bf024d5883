"""Tests of widgets.parts.labour, the helpers of Part I (Portes: labour migrants, networks and remittances)."""

import math

import pytest
import vl_convert

from widgets import data
from widgets.models import get
from widgets.parts import labour


def test_calibrated_multiplier_reproduces_the_essay():
    assert round(labour.calibrated_multiplier(), 2) == data.number("migradollar_gnp")


def test_multiplier_erodes_towards_one_as_the_village_empties():
    values = [labour.calibrated_multiplier(p) for p in (1.0, 0.75, 0.5, 0.25, 0.0)]
    assert values == sorted(values, reverse=True)
    assert values[-1] == pytest.approx(1.0)


def test_dollar_rounds_conserve_the_migradollar():
    rounds = labour.dollar_rounds(5).set_index("round")
    total = rounds.loc["all rounds"]
    assert total["saved"] + total["spent on imports"] == pytest.approx(1.0)
    assert total["income received"] == pytest.approx(labour.calibrated_multiplier())
    assert rounds.loc["5 and later", "income so far"] == pytest.approx(labour.calibrated_multiplier())


def test_gap_alone_gives_every_region_the_same_flow():
    spread = labour.regional_spread(30)
    assert spread["gap alone"].nunique() == 1
    assert spread["gap with social context"].is_monotonic_decreasing


def test_remittances_rise_while_the_village_dies():
    """The model author's note: at year 40 family settlement brings in more remittances than
    cyclical migration while its local income is lower; the programme leads only from year 2."""
    t = labour.village_compare(years=(1, 2, 40))
    cyc, fam, prog = (t.loc[p] for p in labour.PRESETS)
    assert fam.loc[40, "Remittances"] > cyc.loc[40, "Remittances"]
    assert fam.loc[40, "Local income"] < cyc.loc[40, "Local income"]
    assert fam.loc[1, "Local income"] > prog.loc[1, "Local income"]
    assert prog.loc[2, "Local income"] > fam.loc[2, "Local income"]


def test_enforcement_empties_a_cyclical_village():
    shocks = labour.village_shock_table()
    assert shocks["Adults at home"].is_monotonic_decreasing


def test_networks_sustain_but_do_not_start_a_flow():
    assert labour.first_year_below("living at home", 50) is not None
    assert labour.first_year_below("living at home", 99.99, pioneers=0, base_propensity=0) is None


def test_three_for_one_turns_one_dollar_into_four():
    assert labour.project_dollars_per_migrant_dollar() == pytest.approx(1 + data.number("three_for_one_match"))
    totals = labour.project_totals()
    assert totals["total"] == pytest.approx(4 * totals["migrant club"])


def test_residence_effect_matches_table_2():
    political = labour.residence_effects().set_index("model").loc["political"]
    assert round(political["percent per year (recomputed)"], 1) == political["reported_effect"]
    assert math.isnan(labour.residence_effects().set_index("model").loc["economic", "percent per year (recomputed)"])


CHARTS = [
    labour.multiplier_curve,
    labour.village_small_multiples,
    lambda: labour.village_explorer(["outmigration_rate"], "A village"),
]


@pytest.mark.parametrize("chart", CHARTS)
def test_charts_have_titles_sources_and_compile(chart):
    spec = chart().to_dict()
    assert spec["title"]["text"] and spec["title"]["subtitle"]
    vl_convert.vegalite_to_vega(spec)


def test_village_explorer_has_a_short_y_title_and_the_units_below():
    spec = labour.village_explorer(["outmigration_rate"], "A village").to_dict()
    assert spec["encoding"]["y"]["title"] == labour.VILLAGE_Y_TITLE
    assert spec["title"]["subtitle"][-1].startswith("People per 100 adults")


def test_styled_tables_carry_their_caption_and_ids():
    rounds = labour.show_dollar_rounds().to_html()
    assert "T_dollar-rounds" in rounds and "<caption>" in rounds and "1.000" in rounds
    assert "T_village-presets" in labour.show_village_compare().to_html()
    residence = labour.show_residence_effects().to_html()
    assert "T_residence-effects" in residence and "0.036" in residence


def test_shock_table_applies_each_shock_on_top_of_the_preset():
    model = get("village")
    shocks = labour.village_shock_table(year=40)
    run = model.run("cyclical", enforcement=0.8, years=40)
    at_home = run[(run["year"] == 40) & (run["series"] == "population at home")]["value"].iloc[0]
    assert shocks.loc["enforcement 0.8", "Adults at home"] == pytest.approx(at_home)
