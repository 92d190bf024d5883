"""Tests of widgets.data: the loader's validation, and the data against the essays.

The data tests check each transcribed table against its own arithmetic and
against what the essay's text says about it.  Where the essay and its tables
disagree, a test with an explicit name asserts the disagreement, so a
"correction" of the data that hides it fails.
"""

import csv
import json
import os
import re
import shutil
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest
from test_outside_sources import carried_by

from widgets import data
from widgets.data import DataError
from widgets.models.transnational_effects import rounding_interval

ROOT = Path(data.__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
PACKAGE = json.loads((data.DATA / "datapackage.json").read_text(encoding="utf-8"))
ALL_H1B_2002 = 197537


def rows(name: str, column: str) -> pd.DataFrame:
    """A resource indexed by one column (the table's row label)."""
    return data.load(name).set_index(column)


T1 = rows("portes_table1_h1b_2002", "industry")
T3 = rows("portes_table3_census2000", "group")
T4 = rows("portes_table4_cils", "group")
ASIAN_2ND_GEN = ["Chinese", "Indian", "Korean", "Filipino"]
MEXICAN, CENTRAL_AMERICAN, WHITES = "Mexican", "Guatemalan, Salvadoran", "Non-Hispanic whites"


def table2(model: str) -> pd.DataFrame:
    """Table 2 rows of one regression, indexed by predictor."""
    frame = data.load("portes_table2_transnationalism")
    return frame[frame["model"] == model].set_index("predictor")


# --- the loader -------------------------------------------------------------


@pytest.mark.parametrize("name", data.resources())
def test_every_resource_loads_with_schema_columns_and_dtypes(name):
    frame = data.load(name)
    fields = data.schema(name)["fields"]
    assert list(frame.columns) == [f["name"] for f in fields], f"{name}: columns not in schema order"
    expected = {"integer": "Int64", "number": "Float64", "string": "string", "boolean": "boolean"}
    for f in fields:
        assert str(frame[f["name"]].dtype) == expected[f["type"]], f"{name}.{f['name']}: wrong dtype"
    assert len(frame) > 0, f"{name} is empty"


OUTSIDE_RESOURCES = [n for n in data.resources() if data.source(n).startswith("Source (outside the two essays)")]
ESSAY_RESOURCES = [n for n in data.resources() if n not in OUTSIDE_RESOURCES]


@pytest.mark.parametrize("name", ESSAY_RESOURCES)
def test_every_source_names_an_essay(name):
    line = data.source(name)
    authors = [f"{e['author'].split()[-1]}, " for e in PACKAGE["essays"].values()]  # one essay per author
    assert line.startswith("Source: "), f"{name}: {line!r} is not a source line"
    assert any(a in line for a in authors), f"{name}: {line!r} names no essay"
    assert "seed line" not in line, f"{name}: {line!r} shows the book's working locators to readers"
    assert "\n" not in line and line.endswith("."), f"{name}: {line!r} is not one sentence"


def test_source_of_table1_cites_table_and_original():
    assert data.source("portes_table1_h1b_2002") == (
        "Source: Portes, Table 1; the essay cites, in its own words: "
        "U.S. Department of Homeland Security, 2002 Yearbook of Immigration Statistics, Table L."
    ), "Table 1's source line changed"


@pytest.mark.parametrize(
    "name, count",
    [
        ("portes_table1_h1b_2002", 7),
        ("portes_table2_transnationalism", 39),
        ("portes_table3_census2000", 8),
        ("portes_table4_cils", 7),
        ("h1b_sources_2003", 5),
        ("h1b_caps", 3),
        ("portes_propositions", 11),
        ("debate_positions", 3),
    ],
)
def test_row_counts(name, count):
    assert len(data.load(name)) == count, f"{name} should have {count} rows"


def test_table2_is_13_predictors_by_3_models():
    frame = data.load("portes_table2_transnationalism")
    assert frame["predictor"].nunique() == 13, "Table 2 has 13 predictors"
    assert frame.groupby("model").size().to_dict() == {"economic": 13, "political": 13, "sociocultural": 13}, (
        "every predictor should appear once in each of the 3 models"
    )


def test_propositions_count_4_agreed_4_counterpoints_3_less_recognised():
    kinds = data.load("portes_propositions")["kind"].value_counts().to_dict()
    assert kinds == {"agreed": 4, "counterpoint": 4, "less recognised": 3}, f"kinds are {kinds}"


def test_blank_cells_stay_missing_not_zero():
    economic = table2("economic")
    assert pd.isna(economic.loc["Age squared", "coefficient"]), "a hyphen in Table 2 must load as missing"
    assert pd.isna(economic.loc["Age", "reported_effect"]), "an omitted effect must load as missing"


def test_load_returns_a_fresh_copy():
    first = data.load("h1b_caps")
    first.loc[0, "cap"] = 0
    assert data.load("h1b_caps").loc[0, "cap"] == 65000, "load() handed out the cached frame"


def test_notes_and_resources():
    assert "numbers" in data.resources(), "resources() should list the numbers registry"
    assert len(data.notes("portes_table2_transnationalism")) == 7, "Table 2 has seven footnotes"
    assert data.notes("h1b_caps") == [], "a resource without notes gives an empty list"


def test_number_lookup_returns_int_or_float():
    assert data.number("h1b_permits_2003") == 360498, "the 2003 H-1B total"
    assert isinstance(data.number("h1b_permits_2003"), int), "whole numbers come back as int"
    assert data.number("migradollar_gnp") == pytest.approx(2.90), "the $2.90 migradollar multiplier"
    assert data.numbers().loc["census_year", "value"] == 2000, "numbers() is indexed by key"


def test_unknown_number_key_suggests_close_matches():
    with pytest.raises(KeyError, match="h1b_permits_2003") as info:
        data.number("h1b_permit_2003")
    assert "h1b_permit_2003" in str(info.value), "the message should name the unknown key"


def test_the_data_is_read_one_way_through_the_package():
    """A checkout, an editable install and a wheel (the grader's sandbox, the student edition:
    tests/teachkit/test_library.py) all read the data that the package carries as widgets._data."""
    assert data.DATA == resources.files("widgets._data")
    assert data.DATA.joinpath("datapackage.json").is_file()


# --- malformed files ---------------------------------------------------------


@pytest.fixture
def folder(tmp_path):
    """A copy of the data folder that a test may corrupt."""
    copy = tmp_path / "data"
    shutil.copytree(data.DATA, copy)
    return copy


def rewrite(folder: Path, file: str, change) -> None:
    """Apply `change` to the list of CSV rows (header first) of `file` in `folder`."""
    path = folder / file
    with open(path, newline="", encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    change(table)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(table)


def set_cell(folder: Path, file: str, row: int, column: str, value: str) -> None:
    """Set one cell; `row` is the 1-based data row."""

    def change(table):
        table[row][table[0].index(column)] = value

    rewrite(folder, file, change)


def test_an_unchanged_copy_loads_like_the_original(folder):
    for name in data.resources():
        pd.testing.assert_frame_equal(data.load(name, folder=folder), data.load(name), obj=name)


@pytest.mark.parametrize(
    "file, name, row, column, value, problem",
    [
        ("portes_table1_h1b_2002.csv", "portes_table1_h1b_2002", 3, "number", "abc", "'abc' is not an integer"),
        ("portes_table1_h1b_2002.csv", "portes_table1_h1b_2002", 2, "number", "1.5", "'1.5' is not an integer"),
        (
            "portes_table3_census2000.csv",
            "portes_table3_census2000",
            4,
            "dropouts_25_39_pct",
            "n/a",
            "'n/a' is not a number",
        ),
        ("numbers.csv", "numbers", 2, "as_written", "", "a value is required"),
        ("h1b_sources_2003.csv", "h1b_sources_2003", 5, "country", "", "a value is required"),
        (
            "portes_table3_census2000.csv",
            "portes_table3_census2000",
            6,
            "childbearing_f20_24_pct",
            "120",
            "above the maximum 100",
        ),
        ("h1b_caps.csv", "h1b_caps", 1, "seed_line", "0", "below the minimum 1"),
        ("debate_positions.csv", "debate_positions", 2, "camp", "neutral", "is not one of"),
        ("portes_propositions.csv", "portes_propositions", 7, "id", "X7", "does not match the pattern"),
    ],
)
def test_a_bad_cell_names_file_row_line_and_column(folder, file, name, row, column, value, problem):
    set_cell(folder, file, row, column, value)
    with pytest.raises(DataError) as info:
        data.load(name, folder=folder)
    message = str(info.value)
    for part in (file, f"row {row} (line {row + 1})", f"column {column!r}", problem):
        assert part in message, f"{part!r} missing from the error: {message}"


def test_missing_column_is_named(folder):
    rewrite(folder, "portes_table1_h1b_2002.csv", lambda table: [r.pop(3) for r in table])
    with pytest.raises(DataError) as info:
        data.load("portes_table1_h1b_2002", folder=folder)
    message = str(info.value)
    for part in ("portes_table1_h1b_2002.csv", "line 1", "'percent_of_total'", "missing"):
        assert part in message, f"{part!r} missing from the error: {message}"


def test_unexpected_column_is_named(folder):
    rewrite(folder, "h1b_caps.csv", lambda table: [r.append("x") for r in table])
    with pytest.raises(DataError) as info:
        data.load("h1b_caps", folder=folder)
    message = str(info.value)
    for part in ("h1b_caps.csv", "line 1", "column 'x'", "unexpected"):
        assert part in message, f"{part!r} missing from the error: {message}"


def test_row_with_wrong_number_of_cells(folder):
    rewrite(folder, "h1b_caps.csv", lambda table: table[2].pop())
    with pytest.raises(DataError, match=r"h1b_caps\.csv, row 2 \(line 3\): 3 cells"):
        data.load("h1b_caps", folder=folder)


def test_duplicate_primary_key_names_both_rows(folder):
    set_cell(folder, "h1b_sources_2003.csv", 4, "country", "India")
    with pytest.raises(DataError) as info:
        data.load("h1b_sources_2003", folder=folder)
    message = str(info.value)
    for part in ("h1b_sources_2003.csv", "row 4 (line 5)", "'country'", "duplicate", "row 1 (line 2)"):
        assert part in message, f"{part!r} missing from the error: {message}"


def test_duplicate_compound_key_names_both_rows(folder):
    set_cell(folder, "portes_table2_transnationalism.csv", 2, "predictor", "Age")
    with pytest.raises(DataError) as info:
        data.load("portes_table2_transnationalism", folder=folder)
    message = str(info.value)
    for part in ("row 2 (line 3)", "'predictor', 'model'", "row 1 (line 2)"):
        assert part in message, f"{part!r} missing from the error: {message}"


def test_unknown_resource_lists_known_names():
    with pytest.raises(DataError) as info:
        data.load("table_99")
    message = str(info.value)
    assert "'table_99'" in message, f"the unknown name is not in: {message}"
    assert all(name in message for name in data.resources()), f"known names not listed: {message}"
    assert isinstance(info.value, ValueError), "DataError should be a ValueError"


# --- Table 1: H-1B workers, 2002 ----------------------------------------------


@pytest.mark.parametrize("industry", T1.index)
def test_table1_percent_is_number_over_all(industry):
    number, percent = T1.loc[industry, "number"], T1.loc[industry, "percent_of_total"]
    assert percent == round(100 * number / ALL_H1B_2002, 1), f"{industry}: {percent} != 100 * {number} / 197,537"


def test_table1_all_row_and_top_six_sum():
    assert T1.loc["All industries", "number"] == ALL_H1B_2002, "All: 197,537"
    assert T1.loc["All industries", "percent_of_total"] == 100, "All: 100 percent"
    top = T1[T1["row_type"] == "top six"]
    assert len(top) == 6, "six leading industries"
    assert top["number"].sum() == 96650, "the top six sum to 96,650"


# --- Table 2: determinants of transnationalism ---------------------------------

PRINTED_PERCENT_DISAGREES = "Sex (male)"


POLITICAL = table2("political")
POLITICAL_EFFECTS = POLITICAL.dropna(subset=["coefficient", "reported_effect"])


def test_table2_political_effects_are_present():
    assert len(POLITICAL_EFFECTS) == 7, "seven political predictors have a coefficient and a percent change"


@pytest.mark.parametrize("predictor", [p for p in POLITICAL_EFFECTS.index if p != PRINTED_PERCENT_DISAGREES])
def test_table2_percent_change_follows_from_coefficient(predictor):
    b, printed = POLITICAL_EFFECTS.loc[predictor, ["coefficient", "reported_effect"]]
    low, high = rounding_interval(b)
    assert low <= printed <= high, f"{predictor}: b = {b} implies {low:.2f} to {high:.2f}, table prints {printed}"


def test_table2_sex_percent_change_disagrees_with_coefficient():
    b, printed = POLITICAL.loc[PRINTED_PERCENT_DISAGREES, ["coefficient", "reported_effect"]]
    assert (b, printed) == (1.209, 235.3), "Table 2 prints 1.209 and 235.3 for Sex (male)"
    low, high = rounding_interval(b)
    assert 234.7 < low < high < 235.3, f"1.209 implies {low:.2f} to {high:.2f}"
    assert not low <= printed <= high, "the printed 235.3 is outside what 1.209 allows (the source's own slip)"


def test_table2_downward_mobility_sign_disagrees_in_economic_logit():
    b, effect = table2("economic").loc["Downward mobility", ["coefficient", "reported_effect"]]
    assert (b, effect) == (0.402, -0.03), "Table 2 prints .402** and -.03"
    assert b > 0 > effect, "a positive logit coefficient with a negative change in net probability"


@pytest.mark.parametrize(
    "predictor, key",
    [
        ("High school graduate", "high_school_political_pct"),
        ("College graduate", "college_political_pct"),
    ],
)
def test_table2_text_drops_the_decimal(predictor, key):
    table, text = POLITICAL.loc[predictor, "reported_effect"], data.number(key)
    assert int(table) == text, f"the text's {text} percent should be the table's {table} truncated"


def test_table2_text_172_truncates_rather_than_rounds():
    table = POLITICAL.loc["High school graduate", "reported_effect"]
    assert round(table) == 173 != data.number("high_school_political_pct"), (
        f"{table} rounds to 173; the text's 172 truncates it"
    )


# --- Table 3: census 2000 --------------------------------------------------------


def test_table3_dropouts_close_to_one_fourth_and_more_than_double_whites():
    whites = T3.loc[WHITES, "dropouts_25_39_pct"]
    assert whites == 9.1, "native whites 9.1"
    for group, value in [(MEXICAN, 24.1), (CENTRAL_AMERICAN, 22.3)]:
        rate = T3.loc[group, "dropouts_25_39_pct"]
        assert rate == value, f"{group}: {value}"
        assert 20 <= rate <= 25, f"{group}: {rate} is not 'close to one-fourth'"
        assert rate > 2 * whites, f"{group}: {rate} does not 'more than double' whites' {whites}"


@pytest.mark.parametrize("asian", ASIAN_2ND_GEN)
def test_table3_mexican_dropouts_quadruple_every_asian_group(asian):
    mexican, other = T3.loc[MEXICAN, "dropouts_25_39_pct"], T3.loc[asian, "dropouts_25_39_pct"]
    assert mexican >= 4 * other, f"Mexican {mexican} is not 4 times {asian} {other}"


def test_table3_central_american_dropouts_do_not_quadruple_indians_and_filipinos():
    central = T3.loc[CENTRAL_AMERICAN, "dropouts_25_39_pct"]
    short = [g for g in ASIAN_2ND_GEN if central < 4 * T3.loc[g, "dropouts_25_39_pct"]]
    assert short == ["Indian", "Filipino"], f"the text's 'quadruples' fails for {short}"
    assert round(central / T3.loc["Indian", "dropouts_25_39_pct"], 2) == 3.78, "22.3 / 5.9 is only 3.78"


def test_table3_male_dropouts_approach_and_pass_half_and_quintuple_whites():
    mexican, central = T3.loc[MEXICAN, "male_dropouts_25_39_pct"], T3.loc[CENTRAL_AMERICAN, "male_dropouts_25_39_pct"]
    whites = T3.loc[WHITES, "male_dropouts_25_39_pct"]
    assert (mexican, central, whites) == (43.0, 52.8, 10.5), "male dropouts 43.0, 52.8 and 10.5"
    assert 40 <= mexican < 50, f"Mexican {mexican} is not 'approaching half'"
    assert central > 50, f"Central American {central} is not 'surpassing half'"
    assert central >= 5 * whites, f"{central} does not quintuple whites' {whites}"


def test_table3_teen_childbearing_as_the_text_gives_it():
    teen = T3["childbearing_f15_19_pct"]
    assert (teen[MEXICAN], teen["Chinese"], teen["Korean"]) == (5.0, 0.4, 0.2), "5, 0.4 and 0.2 percent"


def test_table3_young_women_childbearing_as_the_text_gives_it():
    young = T3["childbearing_f20_24_pct"]
    assert int(young[CENTRAL_AMERICAN]) == 16, "'16 percent' of Salvadorans and Guatemalans (16.5)"
    assert round(young[MEXICAN]) == 25, "'25 percent' of Mexicans (25.2)"


def test_table3_filipinas_contradict_less_than_3_percent_of_asian_mothers():
    young = T3.loc[ASIAN_2ND_GEN, "childbearing_f20_24_pct"]
    above = young[young >= 3].to_dict()
    assert above == {"Filipino": 7.3}, f"'less than 3 percent' of Asian-American women 20-24 fails for {above}"


def test_table3_native_white_incarceration_below_2_percent():
    assert T3.loc[WHITES, "incarcerated_m18_39_pct"] == 1.7, "native white males 1.7 ('less than 2 percent')"


def test_table3_asian_incarceration_not_all_below_1_percent():
    rates = T3.loc[ASIAN_2ND_GEN, "incarcerated_m18_39_pct"]
    not_below = rates[rates >= 1].to_dict()
    assert not_below == {"Indian": 1.0, "Filipino": 1.2}, f"'less than 1 percent' fails for {not_below}"


def test_table3_central_american_incarceration_is_3_percent():
    assert T3.loc[CENTRAL_AMERICAN, "incarcerated_m18_39_pct"] == 3.0, "'3 percent among Central Americans'"


def test_table3_mexican_incarceration_text_rounds_down_5_8_to_5():
    rate = T3.loc[MEXICAN, "incarcerated_m18_39_pct"]
    assert rate == 5.8, "Table 3 prints 5.8 for Mexican-American males"
    assert int(rate) == 5 and round(rate) == 6, "the text's '5 percent' truncates 5.8, which rounds to 6"


@pytest.mark.parametrize("group", T3.index)
def test_table3_dropouts_are_incarcerated_more(group):
    overall, dropouts = T3.loc[group, ["incarcerated_m18_39_pct", "incarcerated_male_dropouts_18_39_pct"]]
    assert dropouts > overall, f"{group}: dropouts {dropouts} not above all males {overall}"


def test_table3_only_black_dropouts_worse_than_mexican():
    dropouts = T3["incarcerated_male_dropouts_18_39_pct"]
    assert (dropouts[WHITES], dropouts[MEXICAN]) == (4.8, 10.0), "'almost 5 percent' and '10 percent'"
    assert dropouts[dropouts > dropouts[MEXICAN]].index.tolist() == ["Non-Hispanic blacks"], (
        "only native African-American dropouts are in a worse situation"
    )


# --- Table 4: CILS ------------------------------------------------------------------


def test_table4_mexico_as_the_text_gives_it():
    mexico = T4.loc["Mexico"]
    assert (mexico["had_child_f_age24_pct"], mexico["incarcerated_m_age24_pct"]) == (47.5, 20.2), "47.5 and 20.2"
    assert int(mexico["had_child_f_age24_pct"]) == 47, "'47 percent' of Mexican-American females"
    assert int(mexico["incarcerated_m_age24_pct"]) == 20, "'20 percent' of males"
    assert mexico["inactive_hs_age17_pct"] > 25, "inactivity 'surpassing one-fourth'"


def test_table4_chinese_exactly_zero():
    china = T4.loc["China, Taiwan"]
    assert china["had_child_f_age24_pct"] == 0 and china["incarcerated_m_age24_pct"] == 0, "'exactly zero'"
    assert T4["inactive_hs_age17_pct"].idxmin() == "China, Taiwan", "'very low rates among Chinese'"


@pytest.mark.parametrize("group", ["Philippines", "Vietnam"])
def test_table4_inactivity_in_the_teens(group):
    rate = T4.loc[group, "inactive_hs_age17_pct"]
    assert 13 <= rate < 20, f"{group}: {rate} is not 'in the teens'"


@pytest.mark.parametrize("column", ["inactive_hs_age17_pct", "had_child_f_age24_pct", "incarcerated_m_age24_pct"])
def test_table4_total_lies_within_the_groups(column):
    groups, total = T4.loc[T4["row_type"] == "group", column], T4.loc["Totals", column]
    assert groups.min() <= total <= groups.max(), f"{column}: total {total} outside the groups' range"


# --- H-1B numbers in the text ----------------------------------------------------------


def test_h1b_cap_tripled():
    caps = rows("h1b_caps", "year")["cap"]
    assert caps[1990] == 65000 and caps[2002] == 195000, "caps 65,000 (1990) and 195,000 (2002)"
    assert caps[2002] == 3 * caps[1990], "the cap tripled"
    assert caps.is_monotonic_increasing, "each change raised the cap"
    assert data.number("h1b_created") == caps.index.min(), "the programme starts with its first cap"


def test_the_essays_2002_stands_beside_the_record_of_ac21():
    """The essay dates the 195,000 ceiling to 2002; the record has AC21 (October 2000) for fiscal 2001-2003.

    The essay's statement stays in h1b_caps as written; h1b_record holds what the law set, so a
    "correction" of either that hides the difference fails here.
    """
    essay = rows("h1b_caps", "year")["cap"]
    record = rows("h1b_record", "key")
    assert essay[2002] == 195000, "the essay's statement (195,000 in 2002) is kept as written"
    assert (
        record.loc["cap_fy2001_2003", "value"] == 195000
        and record.loc["cap_fy2001_2003", "fiscal_years"] == "2001-2003"
    )
    assert record.loc["cap_fy2004", "value"] == 65000, "the ceiling fell back to 65,000 in fiscal 2004"
    assert record.loc["cap_fy1999_2000", "value"] == essay[1998], "ACWIA's 115,000, for fiscal 1999-2000"
    days = {record.loc[k, "value"] for k in ("ac21_signed_day", "ac21_signed_day_mondaq")}
    assert days == {17, 18}, "the two sources disagree on the day AC21 was signed: both are kept"


def test_h1b_admissions_are_entries_not_people():
    """360,498 is of the size of the year's H-1B admissions (entries), far above the people counted under the cap."""
    record = rows("h1b_record", "key")
    implied_2003 = record.loc["admissions_2004", "value"] - record.loc["admissions_rise_2004", "value"]
    assert abs(implied_2003 - data.number("h1b_permits_2003")) <= 2, (
        "the essay's 360,498 matches 2003 entries (within 2)"
    )
    assert record.loc["counted_against_cap_fy2003", "value"] < data.number("h1b_permits_2003") / 4
    assert "not unique individuals" in record.loc["admissions_count_arrivals", "quote"]


def written_forms(value: float) -> set[str]:
    """Ways a source may write a number: 386,821 / 386821, 3 million, 2.5, one, fivefold."""
    forms = {f"{value:,.0f}", f"{value:.0f}", f"{value:g}"}
    if value >= 1e6 and value % 1e6 == 0:
        forms.add(f"{value / 1e6:g} million")
    forms |= {"1": {"one"}, "5": {"fivefold"}}.get(f"{value:g}", set())
    return forms


def test_every_outside_figure_quotes_its_source_and_names_a_locator():
    # Keyed tables of single figures; the series files (no key or unit) and the timeline (dates, no
    # locator) are checked the same way in tests/test_outside_sources.py, which also reads "73%" as 0.73.
    for name in [n for n in OUTSIDE_RESOURCES if {"key", "unit"} <= set(data.load(n).columns)]:
        for row in data.load(name).itertuples():
            assert len(row.quote) > 30 and len(row.locator) > 3, f"{name}.{row.key}: quote or locator missing"
            if pd.notna(row.value) and row.unit != "day of October 2000":
                forms = written_forms(float(row.value))
                assert any(form in row.quote for form in forms) or carried_by(float(row.value), row.quote), (
                    f"{name}.{row.key}: none of {forms} in the quote"
                )


def test_h1b_sources_less_than_total():
    sources, total = data.load("h1b_sources_2003"), data.number("h1b_permits_2003")
    assert total == 360498, "360,498 permits in 2003"
    assert sources["permits"].sum() < total, "five sources cannot exceed all permits"


def test_india_share_of_2003_permits():
    india = rows("h1b_sources_2003", "country").loc["India", "permits"]
    assert india == 75964, "India 75,964"
    assert round(100 * india / data.number("h1b_permits_2003"), 1) == 21.1, "India's share is 21.1 percent"


def test_h1b_sources_ranked_by_permits():
    sources = data.load("h1b_sources_2003")
    assert sources["rank"].tolist() == [1, 2, 3, 4, 5], "ranks 1 to 5 in order"
    assert sources["permits"].is_monotonic_decreasing and sources["permits"].is_unique, (
        "permits fall strictly with rank"
    )


# --- the numbers registry ----------------------------------------------------------------

NUMBERS = data.load("numbers")


def seed(essay: str) -> list[str]:
    """Lines of an essay's seed text."""
    return (SEEDS / PACKAGE["essays"][essay]["seed"]).read_text(encoding="utf-8").splitlines()


def test_number_keys_unique():
    assert NUMBERS["key"].is_unique, "duplicate keys in numbers.csv"


# The essays sit in shared/seeds beside a checkout of this repository; CI always has them.
@pytest.mark.skipif(not SEEDS.is_dir() and not os.environ.get("CI"), reason=f"seed texts not found at {SEEDS}")
@pytest.mark.parametrize("key", NUMBERS["key"])
def test_number_is_found_at_its_seed_line(key):
    row = NUMBERS.set_index("key").loc[key]
    lines = seed(row["essay"])
    assert 1 <= row["seed_line"] <= len(lines), f"{key}: line {row['seed_line']} beyond the seed's {len(lines)}"
    window = " ".join(lines[row["seed_line"] - 1 : row["seed_line"] + 2])
    digits = re.findall(r"\d[\d,]*(?:\.\d+)?", row["as_written"])
    if digits:
        for number in digits:
            number = number.rstrip(",").replace(",", "")
            assert number in window.replace(",", ""), f"{key}: {number} not at seed line {row['seed_line']}"
    else:
        words = [w.strip(".,;:") for w in row["as_written"].split()]
        words = [w for w in words if len(w) >= 2]
        assert any(w.lower() in window.lower() for w in words), (
            f"{key}: none of {words} at seed line {row['seed_line']}"
        )


def test_outside_figures_are_labelled_and_cited():
    line = data.source("outside_numbers")
    assert line.startswith("Source (outside the two essays): "), line
    assert "Moretti" in line and "Massey, Douglas S., Jorge Durand and Karen A. Pren" in line
    assert data.outside("moretti_skilled_jobs") == 2.5
    assert data.outside("mdp_undocumented_2008") == 12_000_000
    assert "American Journal of Sociology 121(5)" in data.citation("mdp_undocumented_1986")
    with pytest.raises(KeyError, match="moretti_skilled_jobs"):
        data.outside("moretti_skiled_jobs")


def test_outside_bibkeys_are_in_references_bib():
    bib = (ROOT / "references.bib").read_text()
    keys = [k for name in OUTSIDE_RESOURCES if "bibkey" in data.load(name) for k in data.load(name)["bibkey"]]
    missing = [k for k in keys if "{" + k + "," not in bib]
    assert not missing, f"outside figures cite keys missing from references.bib: {missing}"
