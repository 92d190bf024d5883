"""The 'Since the essays' pages: every outside figure is sourced to the letter, and the timeline, the
limits page and the four since- chapters link to what they say they link to.

The strongest check here is the first: each outside figure's value must be a number written in the
source's own words (`quote`), up to a power of ten (so "$23.98 billion" carries 23,980 million
and "73%" carries 0.73). A typo in a value, or words copied from the wrong row, fails it.
"""

import json
import math
import re

import pandas as pd
import pytest
from conftest import ROOT

from widgets import data

PACKAGE = json.loads((ROOT / "data" / "datapackage.json").read_text())
OUTSIDE = [r["name"] for r in PACKAGE["resources"] if all(s["essay"] == "outside" for s in r["sources"])]
SERIES = {  # resource -> the column holding its figure
    "outside_numbers": "value",
    "h1b_record": "value",
    "since_remittances": "value_musd",
    "since_mexico_migration": "value",
    "since_h1b": "value",
    "since_three_for_one": "value_pesos",
}
# Figures the source writes in words, not digits: the word and the value it stands for.
WORDS = {"one-third": 1 / 3, "two-thirds": 2 / 3, "fivefold": 5, "five-fold": 5, "six": 6, "is one": 1, "fifteen": 15}
SINCE = ["since-I", "since-II", "since-III", "since-IV"]


SPANISH = re.compile(r"(\d+) millones (\d{1,3})(?: mil |, )(\d{3})")  # "39 millones 363 mil 644"
SPANISH_THOUSANDS = re.compile(r"(?<![\d,.])(\d{1,3}) mil (\d{3})\b")  # "140 mil 982"


def numbers_in(text):
    """Every number written in a text, read with a comma or a point as the thousands separator."""
    found = [int(a) * 10**6 + int(b) * 10**3 + int(c) for a, b, c in SPANISH.findall(text)]
    found += [int(a) * 10**3 + int(b) for a, b in SPANISH_THOUSANDS.findall(text)]
    for token in re.findall(r"\d[\d,.]*\d|\d", text):
        for reading in {token.replace(",", ""), token.replace(",", "").replace(".", "")}:
            found.append(float(reading))
    found += [value for word, value in WORDS.items() if word in text]
    return found


def carried_by(value, text):
    """Whether `value` is one of the numbers written in `text`, up to a power of ten (or a rounded third).

    The sign is the book's convention (a net outflow is negative; the source writes "a net loss of"), so
    only the size is compared."""
    value = abs(value)
    for number in numbers_in(text):
        for power in range(-3, 10):
            if math.isclose(number * 10**power, value, rel_tol=1e-9) or (
                number == 1 / 3 and math.isclose(round(number, 3) * 10**power, value)
            ):
                return True
    return False


def test_every_outside_resource_is_checked_here():
    assert set(OUTSIDE) == set(SERIES) | {"timeline"}, f"outside resources not covered: {set(OUTSIDE) - set(SERIES)}"


@pytest.mark.parametrize("name", sorted(SERIES))
def test_every_outside_figure_is_in_its_sources_words(name):
    table = data.load(name)
    wrong = [
        (i, row[SERIES[name]], row["quote"])
        for i, row in table.iterrows()
        if pd.notna(row[SERIES[name]]) and not carried_by(float(row[SERIES[name]]), row["quote"])
    ]
    assert not wrong, f"{name}: values not written in the source's words: {wrong}"


@pytest.mark.parametrize("name", OUTSIDE)
def test_every_outside_row_has_citation_locator_words_and_an_address(name):
    table = data.load(name)
    for column in ("citation", "quote"):
        assert table[column].str.len().min() >= 5, f"{name}: an empty {column}"
    if "link" not in table:  # h1b_record (issue 16) puts the address in its citation
        return
    address = table["link"].fillna("")
    if "read_at" in table:
        address = address + table["read_at"].fillna("")
    if name != "timeline":
        assert table["locator"].str.len().min() >= 3, f"{name}: a row without a locator"
        assert (address.str.len() > 0).all(), f"{name}: a row with neither a link nor the copy it was read in"


@pytest.mark.parametrize("name", [n for n in OUTSIDE if n != "timeline"])
def test_outside_bibkeys_are_in_references_bib(name):
    bib = (ROOT / "references.bib").read_text()
    missing = sorted({k for k in data.load(name)["bibkey"] if "{" + k + "," not in bib})
    assert not missing, f"{name} cites keys missing from references.bib: {missing}"


def test_where_sources_disagree_both_figures_are_kept():
    rem = data.load("since_remittances")
    mexico_2007 = rem.query("recipient == 'Mexico' and year == 2007")
    assert set(mexico_2007["release"]) == {"first report", "later revision"}
    assert mexico_2007["value_musd"].nunique() >= 2
    net = data.load("since_mexico_migration").query("period == '2009-2014' and measure.str.startswith('net flow')")
    assert net["value"].nunique() == 2, "both reported net figures for 2009-2014 are kept"


def labels_in(path):
    """The (label)= targets a notebook's markdown cells or a markdown page defines."""
    if path.suffix == ".md":
        texts = [path.read_text()]
    else:
        texts = ["".join(c["source"]) for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "markdown"]
    return {label for text in texts for label in re.findall(r"^\(([\w-]+)\)=", text, re.M)}


def test_each_part_has_its_since_section_in_its_own_chapter():
    found = {}
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        for label in labels_in(path) & set(SINCE):
            found.setdefault(label, []).append(path.stem)
    assert sorted(found) == sorted(SINCE), f"since- sections missing: {sorted(set(SINCE) - set(found))}"
    assert all(len(chapters) == 1 for chapters in found.values()), found


def test_every_timeline_event_links_to_a_section_of_its_chapter():
    toc = (ROOT / "_toc.yml").read_text()
    for row in data.load("timeline").itertuples():
        path = ROOT / f"{row.chapter}.ipynb"
        assert path.exists(), f"{row.event}: no chapter {row.chapter}"
        assert row.chapter in toc, f"{row.event}: {row.chapter} is not in the table of contents"
        assert row.label in labels_in(path), f"{row.event}: {row.chapter} has no section ({row.label})="
        assert row.start <= row.end, row.event


def test_the_timeline_has_the_events_the_book_discusses():
    events = " ".join(data.load("timeline")["event"])
    for event in (
        "Bracero",
        "Immigration and Nationality Act",
        "IRCA",
        "Immigration Act of 1990",
        "Gatekeeper",
        "NAFTA",
        "ACWIA",
        "AC21",
        "3x1",
        "Institute for Mexicans Abroad",
        "Recession",
        "Table 1",
        "Table 2",
        "Table 3",
        "Table 4",
    ):
        assert event in events, f"the timeline has no {event}"


def test_limits_page_sections_are_linked_from_the_pages_they_affect():
    page = ROOT / "reference" / "data_limits.md"
    limits = {label for label in labels_in(page) if label.startswith("limit-")}
    assert len(limits) >= 8
    linked = set()
    for path in list((ROOT / "chapters").glob("*.ipynb")) + [ROOT / "reference" / "timeline.ipynb"]:
        linked |= set(re.findall(r"\{ref\}`(limit-[\w-]+)`", path.read_text()))
    unlinked = sorted(limits - linked)
    assert not unlinked, f"limits no table or chart links to: {unlinked}"


def test_figures_named_on_the_limits_page_are_in_the_data():
    text = (ROOT / "reference" / "data_limits.md").read_text()
    keys = set(data.load("outside_numbers")["key"])
    named = set(re.findall(r"(?<!\})`([a-z][a-z0-9_]+)`", text)) - {"data", "quote", "read_at"}
    unknown = sorted(k for k in named if "_" in k and k not in keys and not k.startswith("ex_"))
    assert not unknown, f"the limits page names figures that are not in data/outside_numbers.csv: {unknown}"
    for key in named & keys:
        value = data.outside(key)
        shown = [value, value / 1e6, 100 * value]
        assert any(f"{v:g}" in text.replace(",", "") for v in shown), f"{key}: its value {value} is not on the page"
