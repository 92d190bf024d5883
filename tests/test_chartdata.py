"""Each chart's data, one click away (widgets/chartdata.py), as a reader meets it.

test_rows_of_one_and_of_several_datasets  the rows of a spec's dataset, or of several with their part
test_csv_states_source_and_licence        the CSV's first lines give the title, source and licences
test_beside_escapes_and_captions          a captioned, escaped table with column headers; nothing for no rows
test_explorer_view_shows_the_opening_rows an explorer's table holds the rows at its sliders' opening setting,
                                          its link the whole grid's CSV
test_every_chart_has_its_data             every chart of the built book (static and explorer) has its table
                                          and CSV; an explorer's CSV file is its whole grid
test_reader_opens_table_and_downloads     at 390 px, by keyboard: the table opens and fits, the CSV's
                                          rows are the table's rows and hold what the chart's marks draw
test_reader_gets_an_explorers_grid        at 390 px, by keyboard: an explorer's table opens and fits, the
                                          CSV is the grid the explorer draws, and the table follows a slider
"""

import csv
import io
import re

import browser_report as br
import pytest
from conftest import HTML, ROOT

from bookbuild import lean
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
    # parts are numbered in the order the layers use them, whatever the order of the datasets' keys
    used = {"layer": [{"data": {"name": "z"}}, {"data": {"name": "a"}}], "datasets": {"a": [{"v": 2}], "z": [{"v": 1}]}}
    assert chartdata.rows(used) == [{"part": 1, "v": 1}, {"part": 2, "v": 2}]


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


EXPLORER = {
    "description": "Runs. Model: m.",
    "params": [
        {"name": "k", "value": 1.0, "bind": {"input": "range", "min": 0, "max": 2, "step": 0.5, "name": "Ties (k) "}},
        {"name": "fit_y", "value": False, "bind": {"input": "checkbox"}},
    ],
    "datasets": {"d": "k,year,v\n0.5,1,2\n1,1,3\n1,2,4\n1.5,1,5\n"},
}


def test_explorer_view_shows_the_opening_rows():
    out = chartdata.beside_explorer(EXPLORER, "vg-3", "Runs")
    assert "<tbody><tr><td>1</td><td>1</td><td>3</td></tr><tr><td>1</td><td>2</td><td>4</td></tr></tbody>" in out
    assert '<span class="chart-data-count">2</span>' in out and '<span class="chart-data-at">Ties (k) 1</span>' in out
    assert "all 4 rows" in out and f'href="{chartdata.GRID_DIR}/vg-3.csv"' in out
    lines = chartdata.grid_csv(EXPLORER).splitlines()
    assert lines[0] == "# Runs. Model: m." and lines[2:] == EXPLORER["datasets"]["d"].splitlines()
    layered = chartdata.beside_explorer(
        {**EXPLORER, "datasets": {**EXPLORER["datasets"], "r": [{"x": 0.0}]}}, "vg-5", "L"
    )
    assert 'data-parts="d r"' in layered and '<span class="chart-data-count">3</span>' in layered  # the rule: always
    assert "<tr><td>2</td><td></td><td></td><td></td><td>0</td></tr>" in layered  # part, k, year, v, x
    no_grid = chartdata.beside_explorer({**EXPLORER, "params": []}, "vg-4", "Runs")
    assert no_grid == chartdata.beside({**EXPLORER, "params": []}, "vg-4", "Runs") and "all 4 rows" not in no_grid


def _charts(page: str) -> tuple[int, int, int]:
    """(static charts, explorers, data views) of a built page."""
    path = HTML / page
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    static, explorers = text.count('<div class="vega-chart" id='), text.count('<div class="vega-chart vega-explorer"')
    return static, explorers, text.count('<details class="chart-data"')


def _grid(page: str, chart_id: str) -> list[list[str]]:
    """The rows of the grid an explorer draws: the datasets its data view names, from its compiled spec as
    the page loads it (one dataset of CSV text, as written; several, numbered by part)."""
    spec = lean.read_spec(HTML / lean.EXPLORER_DIR / f"{chart_id}.js")
    names = re.search(rf'id="{chart_id}-data" data-parts="([^"]+)"', (HTML / page).read_text(encoding="utf-8"))
    assert names, f"{page}: explorer {chart_id}'s data view names no dataset to follow its sliders"
    data = {d["name"]: d["values"] for d in spec["data"] if "values" in d}
    parts = {name: data[name] for name in names.group(1).split()}
    if len(parts) == 1 and isinstance(next(iter(parts.values())), str):
        return list(csv.reader(io.StringIO(next(iter(parts.values())))))
    layers = {"layer": [{"data": {"name": name}} for name in parts], "datasets": parts}  # in data-parts' order
    return _csv_rows(chartdata.as_csv(chartdata.rows(layers), "the grid"))


def _csv_rows(text: str) -> list[list[str]]:
    lines = text.splitlines()
    assert lines[0].startswith("# ") and "CC BY 4.0" in lines[1], "the CSV does not start with its source and licence"
    return list(csv.reader(io.StringIO("\n".join(lines[2:]))))


def test_every_chart_has_its_data():
    if not (HTML / "index.html").exists():
        pytest.fail(f"no built book in {HTML}: run the README's build command first", pytrace=False)
    counts = {page: _charts(page) for page in PAGES}
    missing = {page: c for page, c in counts.items() if c[0] + c[1] != c[2]}
    assert sum(c[0] for c in counts.values()) > 0 and sum(c[1] for c in counts.values()) > 0
    assert not missing, f"(static charts, explorers, data views) per page where they differ: {missing}"
    for page in (p for p, c in counts.items() if c[1]):
        text = (HTML / page).read_text(encoding="utf-8")
        for chart_id in re.findall(r'<div class="vega-chart vega-explorer" id="(vg-[0-9a-f]+)"', text):
            view = re.search(rf'<details class="chart-data" id="{chart_id}-data"[^>]*>(.*?)</details>', text, re.S)
            href = re.search(r'<a download="[^"]+" href="([^"]+\.csv)"', view.group(1) if view else "")
            assert href, f"{page}: explorer {chart_id} has no link to its grid"
            href = href.group(1)
            grid = (HTML / page).parent / href
            assert grid.exists(), f"{page}: {chart_id}'s data view links to {href}, which is not there"
            assert _csv_rows(grid.read_text(encoding="utf-8")) == _grid(page, chart_id), (
                f"{page}: {href} is not the grid"
            )


BUILT = (HTML / "index.html").exists()
SAMPLE = [p for p in PAGES if _charts(p)[0]][:3] if BUILT else []
EXPLORER_SAMPLE = [p for p in PAGES if _charts(p)[1]][::4] if BUILT else []  # spread over the book


STATIC_VIEW = "div.vega-chart:not(.vega-explorer) + details.chart-data"  # a static chart's data view
TABLE_ROWS = "el => [...el.querySelectorAll('tbody tr')].map(tr => [...tr.cells].map(td => td.textContent))"


@pytest.fixture
def phone(browser, page):
    """The built page ``page`` open in a 390 px touch phone that accepts downloads."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, accept_downloads=True
    )
    tab = context.new_page()
    tab.goto((HTML / page).as_uri(), wait_until="load")
    yield tab
    context.close()


@pytest.mark.parametrize("page", SAMPLE)
def test_reader_opens_table_and_downloads(phone, page, tmp_path):
    summary = phone.locator(STATIC_VIEW + " > summary").first
    summary.focus()
    phone.keyboard.press("Enter")
    box = phone.locator(STATIC_VIEW + "[open]").first
    assert box.locator("table").is_visible(), f"{page}: Enter on the summary did not open the table"
    width = box.evaluate("el => el.getBoundingClientRect().right")
    assert width <= 390, f"{page}: the table view is {width:.0f} px wide on a 390 px phone"
    table_rows = box.evaluate(TABLE_ROWS)
    with phone.expect_download() as download:
        box.locator("a[download]").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    marks = box.evaluate(  # one label per datum drawn (lines and areas label a whole series)
        "el => [...el.previousElementSibling.querySelectorAll('svg [role=graphics-symbol][aria-label]')]"
        ".filter(m => ['bar', 'circle', 'point', 'square', 'tick'].includes(m.getAttribute('aria-roledescription')))"
        ".map(m => m.getAttribute('aria-label'))"
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and "CC BY 4.0" in lines[1]
    csv_rows = list(csv.reader(io.StringIO("\n".join(lines[2:]))))[1:]
    assert csv_rows == table_rows, f"{page}: the CSV's rows differ from the table's"
    cells = {cell.replace(",", "") for row in csv_rows for cell in row}
    for label in marks:
        values = [v.split(": ", 1)[1].replace(",", "") for v in re.split(r"; (?=[^:;]+: )", label) if ": " in v]
        assert any(v in cells for v in values), f"{page}: a mark draws {label!r}, which is in no CSV row"


LIVE = "el => !!(el.dataset.live && el.querySelector('.vega-bindings input[type=range]'))"


@pytest.mark.parametrize("page", EXPLORER_SAMPLE)
def test_reader_gets_an_explorers_grid(phone, page, tmp_path):
    explorer = phone.locator(".vega-explorer").first
    chart_id = explorer.get_attribute("id")
    explorer.scroll_into_view_if_needed()
    phone.wait_for_function(f"([el]) => ({LIVE})(el)", arg=[explorer.element_handle()], timeout=30_000)
    box = phone.locator(f"#{chart_id}-data")
    box.locator("summary").focus()
    phone.keyboard.press("Enter")
    assert box.locator("table").is_visible(), f"{page}: Enter on the explorer's summary did not open its table"
    right = box.evaluate("el => el.getBoundingClientRect().right")
    assert right <= 390, f"{page}: the explorer's table view is {right:.0f} px wide on a 390 px phone"
    header = box.evaluate("el => [...el.querySelectorAll('thead th')].map(th => th.textContent)")
    opening = box.evaluate(TABLE_ROWS)
    link = box.locator("a[download]")
    link.focus()
    with phone.expect_download() as download:
        phone.keyboard.press("Enter")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    slider = explorer.locator(".vega-bindings input[type=range]").first
    name = slider.evaluate("el => el.name")
    slider.focus()
    phone.keyboard.press("End" if slider.evaluate("el => +el.value < +el.max") else "Home")
    value = float(slider.evaluate("el => el.value"))
    step = float(slider.evaluate("el => el.step"))
    phone.wait_for_function(
        f"([el, old]) => ({TABLE_ROWS})(el).join() !== old",
        arg=[box.element_handle(), ",".join(",".join(r) for r in opening)],
    )
    moved = box.evaluate(TABLE_ROWS)
    caption = box.evaluate("el => el.querySelector('caption').textContent")
    grid = _grid(page, chart_id)
    assert _csv_rows(path.read_text(encoding="utf-8")) == grid, f"{page}: the CSV is not the grid the explorer draws"
    assert grid[0] == header, f"{page}: the table's columns {header} are not the grid's {grid[0]}"
    assert opening and all(row in grid[1:] for row in opening), f"{page}: the opening table holds rows not in the grid"
    column = header.index(name)  # a row with no value there (another layer's) is drawn at every setting
    at = [row for row in grid[1:] if row[column] == "" or abs(float(row[column]) - value) < step / 2]
    assert moved and all(row in at for row in moved), f"{page}: after the slider moved, the table is not its rows"
    assert f"{len(moved)} rows" in caption, f"{page}: the caption {caption!r} does not count the rows shown"
