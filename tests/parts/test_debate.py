"""Tests of widgets.parts.debate: the propositions chart and the tour of Tables 1-4 (chapter 00)."""

import pytest
import vl_convert

from widgets.parts import debate

FIGURES = [
    debate.propositions,
    debate.h1b_industries,
    debate.transnationalism_coefficients,
    debate.census_indicators,
    debate.cils_indicators,
]


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.__name__)
def test_every_figure_has_its_source_and_compiles_to_vega(figure):
    spec = figure().to_dict()
    assert spec["title"]["text"] and spec["title"]["subtitle"][0].startswith("Source:")
    assert spec["description"].startswith(spec["title"]["text"])
    vl_convert.vegalite_to_vega(spec)  # raises on a spec Vega-Lite cannot compile


def test_indicators_keep_every_group_and_measure():
    long = debate._indicators(
        debate.data.load("portes_table3_census2000"), ["group", "parentage"], debate.CENSUS_MEASURES
    )
    assert set(long["indicator"]) == set(debate.CENSUS_MEASURES.values())
    assert long["percent"].notna().all()
