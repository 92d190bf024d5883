"""Tests of widgets.parts.professionals (Part II): recomputations of Table 1 and 2, the text's
claims about Table 2, and the charts of chapters 20-21.

The verdicts must list exactly the disagreements that tests/test_data.py asserts, so a change in
the data or in a claim's check that hides or invents one fails here.
"""

import pytest
import vl_convert

from widgets import claims
from widgets.models import get
from widgets.parts import professionals as p


def test_table2_text_claims():
    v = claims.check_claims(p.table2_claims())["verdict"].tolist()
    assert v == [claims.AGREES, claims.DISAGREES, claims.DISAGREES, claims.ROUNDED, claims.WORDING], v


def test_table2_claims_are_all_computed():
    assert claims.check_claims(p.table2_claims())["computed"].all()


def test_table2_percent_column_recomputed():
    check = p.table2_percent_check().set_index("predictor")
    assert len(check) == 7
    assert check.loc["Sex (male)", "recomputed"] == 235.0
    assert check.loc["Sex (male)", "verdict"] == "outside rounding"
    assert (check.drop("Sex (male)")["verdict"] != "outside rounding").all()
    assert check.loc["High school graduate", "recomputed"] == 172.6


def test_downward_mobility_sign_conflict():
    econ = p.economic_effects().set_index("predictor")
    assert econ["same_sign"].sum() == 5 and not econ.loc["Downward mobility", "same_sign"]
    low, high = p.logit_sign(econ.loc["Downward mobility", "coefficient"])
    assert 0 < low < high


def test_h1b_and_table1_key_numbers():
    h1b = p.h1b_numbers()
    assert h1b["cap_ratio"] == 3.0 and round(h1b["source_shares"]["India"], 1) == 21.1
    assert h1b["max_stay"] == h1b["permit_years"] + h1b["renewal_years"] == 6
    assert p.table1_shares()["agrees"].all()


def test_combined_effects_multiply():
    both = p.combined_percent(["High school graduate", "College graduate"])
    assert round(both["joint"], 1) == 277.0 and both["sum_of_printed"] == 211.0


def test_decision_summary_applies_values_on_top_of_the_preset():
    preset = "modernization for emigration"
    values = get("professional_decision").presets[preset]
    key = next(iter(values))
    other = get("professional_decision").param(key)
    changed = other.min if values[key] != other.min else other.max
    assert p.decision_summary(preset) != p.decision_summary(preset, **{key: changed})


def test_circulation_compare_keeps_the_callers_override():
    """The bug this replaced merged {**values, **preset}, so institutional_capacity=0 was dropped."""
    names = ["India-like (strong institutions)", "Mexico after NAFTA (weakened institutions)"]
    plain, overridden = p.circulation_compare(names), p.circulation_compare(names, institutional_capacity=0.0)
    assert not plain.equals(overridden)
    one = get("brain_circulation").run(names[0], institutional_capacity=0.0)
    last = one[one["year"] == one["year"].max()].set_index("series")["professionals"]
    assert overridden.loc[names[0]].to_dict() == pytest.approx(last.to_dict())


def test_table2_wide_keeps_printed_decimals():
    html = p.table2_wide().to_html()
    assert "T_table2-wide" in html and "1.209" in html and "<caption>" in html


CHARTS = [
    p.h1b_caps_chart,
    p.h1b_sources_chart,
    p.table1_income_education,
    p.percent_curve_chart,
    p.logit_explorer,
]


@pytest.mark.parametrize("chart", CHARTS, ids=lambda f: f.__name__)
def test_every_chart_compiles_to_vega(chart):
    spec = chart().to_dict()
    assert spec["title"]["text"] and spec["description"]
    vl_convert.vegalite_to_vega(spec)
