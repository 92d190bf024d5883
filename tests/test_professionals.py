"""Tests of widgets.professionals (Parts II and III): recomputations and the text-against-table verdicts.

The verdicts must list exactly the disagreements that tests/test_data.py asserts, so a change in
the data or in a claim's check that hides or invents one fails here.
"""

import math

import pytest

from widgets import explorer
from widgets import professionals as p


def verdicts(claims):
    frame = p.check_claims(claims)
    return dict(zip(frame["claim"], frame["verdict"]))


def test_table3_disagreements_are_the_known_four():
    frame = p.check_claims(p.TABLE3_CLAIMS)
    wrong = frame.loc[frame["verdict"] == p.DISAGREES, "seed_line"].tolist()
    assert wrong == [1013, 1032, 1036, 1038], f"Table 3 disagreements at seed lines {wrong}"
    values = " ".join(frame.loc[frame["verdict"] == p.DISAGREES, "table_values"])
    for text in ("22.3 / 5.9 = 3.78", "Filipino 7.3", "Indian 1.0", "Filipino 1.2", "Mexican 5.8"):
        assert text in values, f"{text!r} missing from the disagreements: {values}"


def test_table4_claims_all_hold():
    assert set(verdicts(p.TABLE4_CLAIMS).values()) <= {p.AGREES, p.ROUNDED}


def test_table2_text_claims():
    v = list(verdicts(p.TABLE2_CLAIMS).values())
    assert v == [p.AGREES, p.DISAGREES, p.DISAGREES, p.ROUNDED, p.WORDING], v


@pytest.mark.parametrize(
    "actual, stated, verdict",
    [
        (5.0, 5, p.AGREES),
        (25.2, 25, p.ROUNDED),
        (16.5, 16, p.ROUNDED),
        (5.8, 5, p.DISAGREES),
        (172.7, 172, p.DISAGREES),
        (38.3, 38, p.ROUNDED),
    ],
)
def test_whole_percent_verdict(actual, stated, verdict):
    assert p.whole_percent_verdict(actual, stated) == verdict


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


def test_calibration_reaches_12_million():
    cal = p.calibration()
    assert cal["model_1986"] == cal["outside_1986"] == 3
    assert math.isclose(cal["model_2008"], cal["outside_2008"], abs_tol=0.01)


def test_combined_effects_multiply():
    both = p.combined_percent(["High school graduate", "College graduate"])
    assert round(both["joint"], 1) == 277.0 and both["sum_of_printed"] == 211.0


def test_explorer_on_chosen_values_checks_its_grid():
    with pytest.raises(ValueError):
        explorer.explorer("brain_circulation", {"visa_limit": [3, 6, 10]})
    with pytest.raises(ValueError):
        explorer.explorer("brain_circulation", {"visa_limit": [6, 13]})
    chart = explorer.explorer("brain_circulation", {"visa_limit": p.steps(3, 12, 3)})
    assert chart.to_dict()["params"][0]["value"] == 6
