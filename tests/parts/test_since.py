"""Tests of widgets.parts.since: every chart of the four 'Since the essays' chapters and the timeline
compiles, names its sources, and draws from the data it says it does."""

import pytest
import vl_convert

from widgets import data
from widgets.parts import since

FIGURES = [
    since.remittances,
    since.flows,
    since.mexican_born,
    since.three_for_one_budget,
    since.h1b_after_ac21,
    since.h1b_profile_chart,
    since.cils_bounds_chart,
    since.multipliers,
    since.japan,
    since.timeline,
]


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.__name__)
def test_every_figure_has_its_sources_and_compiles_to_vega(figure):
    spec = figure().to_dict()
    assert spec["title"]["text"] and spec["title"]["subtitle"][0].startswith(("Source", "Sources"))
    assert spec["description"].startswith(spec["title"]["text"])
    vl_convert.vegalite_to_vega(spec)  # raises on a spec Vega-Lite cannot compile


def test_authors_name_each_work_once():
    line = since.authors(data.load("since_remittances"))
    assert line.count("BBVA Research") == 1 and line.startswith("Sources (outside the two essays): ")


def test_outside_table_gives_work_and_locator():
    table = since.outside_table(["clemens_median_place_premium"])
    assert table.loc["clemens_median_place_premium", "work"].endswith("(2008)")
    assert table.loc["clemens_median_place_premium", "value"] == data.outside("clemens_median_place_premium")


def test_bounds_contain_the_printed_rate_and_span_the_share_lost():
    bounds = since.cils_bounds()
    lost = 100 * (1 - data.number("cils_third_survey_retention"))
    assert ((bounds["upper"] - bounds["lower"] - lost).abs() < 1e-9).all()
    assert (bounds["lower"] <= bounds["incarcerated_m_age24_pct"]).all()


def test_caps_come_from_the_record_with_a_year_each():
    caps, counted = since.h1b_record_caps()
    assert list(caps["fiscal_year"]) == sorted(caps["fiscal_year"]) and caps["value"].notna().all()
    assert set(counted["fiscal_year"]) == {2002, 2003}


def test_profiles_compare_the_essay_with_uscis():
    profiles = since.h1b_profiles().set_index(["measure", "year"])["percent"]
    assert profiles["master's degree or higher", "FY2019 (USCIS)"] == pytest.approx(
        100 * since.masters_or_higher_fy2019()
    )


def test_timeline_list_links_every_event():
    text = since.timeline_list()
    assert text.count("{doc}") == text.count("{ref}") == len(data.load("timeline"))
    assert since.timeline_disagreements().count("- **") == data.load("timeline")["note"].notna().sum()


def test_outside_figures_show_as_a_captioned_book_table():
    html = since.show_outside(["clemens_median_place_premium", "clemens_max_place_premium"]).to_html()
    assert "<caption>" in html and "T_outside-clemens-clemens" in html and "outside_numbers.csv" in html
