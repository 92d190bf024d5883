"""Tests of widgets.parts.cities (Part IV): Sassen's migration systems, the bridges model's summaries
and the global city's decomposition (whose equations live in widgets.models.global_city)."""

import pytest
import vl_convert

from widgets import data
from widgets.models import get
from widgets.models import global_city as gc
from widgets.parts import cities


def test_systems_label_every_pair_and_know_every_receiver():
    frame = cities.systems()
    assert len(frame) == len(data.load(cities.SYSTEMS)) and frame["label"].is_unique
    assert list(frame["order"]) == sorted(frame["order"])


def test_tie_counts_count_each_kind_of_a_pair_once():
    counts = cities.tie_counts()
    long = cities.ties_long()
    assert counts.loc["all", cities.TIE_KINDS].sum() == len(long)
    assert counts.loc["all", "pairs"] == len(cities.systems())
    assert "United States" in cities.tie_counts_text()


def test_bridges_correlations_one_per_preset_in_range():
    rho = cities.bridges_correlations()
    assert list(rho.index) == list(get("bridges").presets)
    assert ((-1 <= rho) & (rho <= 1)).all()


def test_correlation_falls_as_ties_matter_more():
    curve = cities.correlation_curve(elasticities=(1.0,), n=5)
    assert curve["correlation"].iloc[0] > curve["correlation"].iloc[-1]


def test_low_wage_sources_are_the_models_decomposition():
    frame = cities.low_wage_sources().set_index("source")["jobs"]
    parts = gc.low_wage_sources(**get("global_city").defaults())
    assert frame[cities.SOURCES["all"]] == pytest.approx(parts["all"])
    assert frame.iloc[:3].sum() == pytest.approx(parts["all"])


def test_induced_per_skilled_reads_back_the_multiplier_it_was_given():
    assert cities.induced_per_skilled() == pytest.approx(get("global_city").param("multiplier").default)
    assert cities.induced_per_skilled(multiplier=1.0) == pytest.approx(1.0)


def test_polarisation_rises_under_the_default_run():
    start, end = cities.polarisation_ends()
    assert 0 < start < end < 1
    assert set(cities.polarisation_by_preset()["preset"]) == set(get("global_city").presets)


def test_systems_table_is_styled_from_the_data_package():
    assert "T_sassen_migration_systems" in cities.systems_table().to_html()


CHARTS = [cities.systems_chart, cities.correlation_chart, cities.low_wage_sources_chart, cities.polarisation_chart]


@pytest.mark.parametrize("chart", CHARTS, ids=lambda f: f.__name__)
def test_every_chart_compiles_to_vega(chart):
    spec = chart().to_dict()
    assert spec["title"]["text"] and spec["description"]
    vl_convert.vegalite_to_vega(spec)
