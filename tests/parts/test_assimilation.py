"""Tests of widgets.parts.assimilation (Part III): the enforcement calibration, the pathways, the
text's claims about Tables 3 and 4, census against CILS, and Portes's conclusion across models."""

import math

import pytest
import vl_convert

from widgets import claims
from widgets.parts import assimilation as a


def test_table3_disagreements_are_the_known_four():
    frame = claims.check_claims(a.table3_claims())
    wrong = frame.loc[frame["verdict"] == claims.DISAGREES, "seed_line"].tolist()
    assert wrong == [1013, 1032, 1036, 1038], f"Table 3 disagreements at seed lines {wrong}"
    values = " ".join(frame.loc[frame["verdict"] == claims.DISAGREES, "table_values"])
    for text in ("22.3 / 5.9 = 3.78", "Filipino 7.3", "Indian 1.0", "Filipino 1.2", "Mexican 5.8"):
        assert text in values, f"{text!r} missing from the disagreements: {values}"


def test_comparable_is_marked_a_reading_not_a_computation():
    frame = claims.check_claims(a.table3_claims()).set_index("seed_line")
    assert not frame.loc[1030, "computed"] and frame["computed"].sum() == len(frame) - 1
    html = claims.show_claims(a.table3_claims()).to_html()
    assert html.count("(the book&#39;s reading)") + html.count("(the book's reading)") == 1


def test_table4_claims_all_hold():
    verdicts = set(claims.check_claims(a.table4_claims())["verdict"])
    assert verdicts <= {claims.AGREES, claims.ROUNDED}


def test_calibration_reaches_12_million():
    cal = a.calibration()
    assert cal["model_1986"] == cal["outside_1986"] == 3
    assert math.isclose(cal["model_2008"], cal["outside_2008"], abs_tol=0.01)
    assert a.calibration("no build-up of enforcement")["model_2008"] < cal["model_2008"]


def test_pathway_shares_sum_to_one_and_differ_by_context():
    hostile = a.pathway_shares(preset="unauthorised labour migrants, hostile context")
    protected = a.pathway_shares(preset="legal, protected reception")
    assert hostile.sum(axis=1).to_numpy() == pytest.approx(1.0)
    assert hostile.loc[0.0, "downward"] > protected.loc[0.0, "downward"]


def test_spreads_are_wider_in_cils_except_school():
    table = a.spreads()
    census, cils = table.columns
    assert (table.iloc[1:][cils] > table.iloc[1:][census]).all()


def test_synthesis_table_has_every_setting_and_a_styled_view():
    frame = a.synthesis_table()
    assert len(frame) == 3 * 2 + 2 * 2 + 2 + 2 and frame["value"].notna().all()
    assert "T_synthesis" in a.show_synthesis().to_html()


@pytest.mark.parametrize("chart", [a.census_vs_cils_chart], ids=lambda f: f.__name__)
def test_every_chart_compiles_to_vega(chart):
    vl_convert.vegalite_to_vega(chart().to_dict())
