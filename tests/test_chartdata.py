"""Each static chart's data, one click away (widgets/chartdata.py), as a reader meets it.

test_rows_of_one_and_of_several_datasets  the rows of a spec's dataset, or of several with their part
test_csv_states_source_and_licence        the CSV's first lines give the title, source and licences
test_beside_escapes_and_captions          a captioned, escaped table with column headers; nothing for no rows
test_every_static_chart_has_its_data      every static chart of the built book has its table and CSV
test_reader_opens_table_and_downloads     at 390 px, by keyboard: the table opens and fits, the CSV's
                                          rows are the table's rows and hold what the chart's marks draw
"""

import csv
import io
import re

import browser_report as br
import pytest
from conftest import HTML, ROOT

from widgets import chartdata

PAGES = br.toc_pages(ROOT)
SPEC = {
    "description": "Wages. Source: a table.",
    "datasets": {"d1": [{"year": 1990, "wage": 1.5}, {"year": 2000, "wage": None}]},
    "mark": "line",
}


def test_rows_of_one_and_of_several_datasets():
    assert chartdata.rows(SPEC) == SPEC["datasets"]["d1"]
    layered = {"layer": [{"data": {"values": [{"a": 1}]}}, {"data": {"values": [{"b": "<x>"}]}}]}
    assert chartdata.rows(layered) == [{"part": 1, "a": 1}, {"part": 2, "b": "<x>"}]
    assert chartdata.rows({"mark": "rule"}) == []
    assert chartdata.rows({"datasets": {"d": "a,b\n1,x\n"}}) == [{"a": "1", "b": "x"}]


def test_csv_states_source_and_licence():
    text = chartdata.as_csv(chartdata.rows(SPEC), SPEC["description"])
    lines = text.splitlines()
    assert lines[0] == "# Wages. Source: a table." and "CC BY 4.0" in lines[1]
    assert list(csv.reader(lines[2:])) == [["year", "wage"], ["1990", "1.5"], ["2000", ""]]


def test_beside_escapes_and_captions():
    out = chartdata.beside({"datasets": {"d": [{"a<b": "<i>"}]}}, "vg-1", "A & B")
    assert "<caption>The 1 rows the chart draws: A &amp; B</caption>" in out
    assert '<th scope="col">a&lt;b</th>' in out and "<td>&lt;i&gt;</td>" in out
    assert 'download="a-b.csv"' in out
    assert chartdata.beside({"mark": "rule"}, "vg-2", "none") == ""


def _static_charts(page: str) -> tuple[int, int]:
    path = HTML / page
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return text.count('<div class="vega-chart" id='), text.count('<details class="chart-data"')


def test_every_static_chart_has_its_data():
    if not (HTML / "index.html").exists():
        pytest.fail(f"no built book in {HTML}: run the README's build command first", pytrace=False)
    counts = {page: _static_charts(page) for page in PAGES}
    missing = {page: c for page, c in counts.items() if c[0] != c[1]}
    assert sum(c[0] for c in counts.values()) > 0
    assert not missing, f"(charts, data views) per page where they differ: {missing}"


SAMPLE = [p for p in PAGES if _static_charts(p)[1]][:3] if (HTML / "index.html").exists() else []


@pytest.mark.parametrize("page", SAMPLE)
def test_reader_opens_table_and_downloads(browser, page, tmp_path):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, accept_downloads=True
    )
    try:
        tab = context.new_page()
        tab.goto((HTML / page).as_uri(), wait_until="load")
        summary = tab.locator("details.chart-data > summary").first
        summary.focus()
        tab.keyboard.press("Enter")
        box = tab.locator("details.chart-data[open]").first
        assert box.locator("table").is_visible(), f"{page}: Enter on the summary did not open the table"
        width = box.evaluate("el => el.getBoundingClientRect().right")
        assert width <= 390, f"{page}: the table view is {width:.0f} px wide on a 390 px phone"
        table_rows = box.evaluate(
            "el => [...el.querySelectorAll('tbody tr')].map(tr => [...tr.cells].map(td => td.textContent))"
        )
        with tab.expect_download() as download:
            box.locator("a[download]").click()
        path = tmp_path / download.value.suggested_filename
        download.value.save_as(path)
        marks = box.evaluate(  # one label per datum drawn (lines and areas label a whole series)
            "el => [...el.previousElementSibling.querySelectorAll('svg [role=graphics-symbol][aria-label]')]"
            ".filter(m => ['bar', 'circle', 'point', 'square', 'tick'].includes(m.getAttribute('aria-roledescription')))"
            ".map(m => m.getAttribute('aria-label'))"
        )
    finally:
        context.close()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and "CC BY 4.0" in lines[1]
    csv_rows = list(csv.reader(io.StringIO("\n".join(lines[2:]))))[1:]
    assert csv_rows == table_rows, f"{page}: the CSV's rows differ from the table's"
    cells = {cell.replace(",", "") for row in csv_rows for cell in row}
    for label in marks:
        values = [v.split(": ", 1)[1].replace(",", "") for v in re.split(r"; (?=[^:;]+: )", label) if ": " in v]
        assert any(v in cells for v in values), f"{page}: a mark draws {label!r}, which is in no CSV row"
