"""Charts, tables and a chapter's first screen as a reader sees them on a phone, measured in Chromium.

Per page of ``_toc.yml`` (measured once by ``reader_measure.measure``):
  test_chart_text_readable_at_360       every chart's smallest rendered text (font size times the scale
                                        the page draws it at) is at least 11 px at a 360 px viewport
  test_wide_tables_fit_a_phone          a table wider than its box at 360 px is stacked or keeps its
                                        first column in view, and its caption fits the screen
  test_first_paragraph_on_first_screen  a chapter's first paragraph starts within a 390 x 844 screen
Proof the checks can fail: a desktop-width chart drawn without the book's phone layout measures under
11 px; a wide table without the book's styling is caught.

Needs a built book (the README's build command) and Chromium at /usr/bin/chromium.
"""

import altair as alt
import browser_report as br
import pandas as pd
import pytest
import reader_measure as rm
from conftest import HTML, ROOT

PAGES = rm.pages(ROOT)
CHAPTERS = [p for p in PAGES if p.startswith("chapters/")]


@pytest.fixture(scope="module")
def browser():
    message = br.chromium_missing_message()
    if message:
        pytest.fail(message, pytrace=False)
    with br.launch() as b:
        yield b


@pytest.fixture(scope="module")
def measured(browser):
    if not (HTML / "index.html").exists():
        pytest.fail(f"no built book in {HTML}: run the README's build command first", pytrace=False)
    with br.serve(HTML) as (base, _):
        return {page: rm.measure(browser, base, page) for page in PAGES}


def small_charts(facts: dict) -> list[str]:
    return [
        f"#{c['id']}: text at {c['smallest']} px ({c['text']!r}), svg {c['width']} px wide"
        for c in facts["charts"]
        if c["smallest"] is not None and c["smallest"] < rm.MIN_CHART_TEXT
    ]


def unfit_tables(facts: dict) -> list[str]:
    problems = []
    for t in facts["tables"]:
        name = f"table {t['index'] + 1} ({t['id'] or 'no id'})"
        if t["width"] > t["box"] + 1 and not (t["stacked"] or t["sticky"]):
            problems.append(f"{name} is {t['width']} px wide in a {t['box']} px box, neither stacked nor sticky")
        if not t["caption_fits"]:
            problems.append(f"{name}: its caption runs off the screen (it scrolls with the table)")
    return problems


@pytest.mark.parametrize("page", PAGES)
def test_chart_text_readable_at_360(measured, page):
    problems = small_charts(measured[page])
    assert not problems, f"{page} at 360 px:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", PAGES)
def test_wide_tables_fit_a_phone(measured, page):
    problems = unfit_tables(measured[page])
    assert not problems, f"{page} at 360 px:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", CHAPTERS)
def test_first_paragraph_on_first_screen(measured, page):
    first = measured[page]["first"]
    assert first, f"{page}: no paragraph of text found"
    assert first["top"] < rm.FIRST_SCREEN["height"], (
        f"{page}: the first paragraph ({first['text']!r}) starts {first['top']} px down, "
        f"below the first {rm.FIRST_SCREEN['height']} px screen"
    )


# --------------------------------------------------------------------------- the checks can fail


def test_the_checks_catch_a_desktop_chart_and_a_wide_table(browser, tmp_path):
    """A chart drawn 700 px wide (as before the phone layout) measures under 11 px; the book's renderer
    draws the same chart readable; a wide unstyled table and its caption are caught, the book's is not."""
    import vl_convert

    from widgets import charts, tables

    frame = pd.DataFrame({"category": [f"a fairly long category name {i}" for i in range(6)], "value": range(6)})
    chart = alt.Chart(frame).mark_bar().encode(x="value:Q", y="category:N").properties(width=700)
    desktop = vl_convert.vegalite_to_svg(chart.to_dict())
    book = charts.offline_html(chart.to_dict())["text/html"]
    wide = pd.DataFrame({f"header_{i}_in_US_dollars": ["an_unbreakable_value"] for i in range(6)})
    plain = wide.style.hide(axis="index").set_caption("A caption long enough to need the screen's whole width.")
    styled = tables.styled(wide, "A caption long enough to need the screen's whole width.", "t")
    css = (ROOT / "_static" / "book.css").read_text()
    page = tmp_path / "page.html"
    page.write_text(
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>t</title><style>{css}</style></head>'
        '<body><main><article class="bd-article">'
        f'<div class="vega-chart" id="desktop">{desktop}</div>{book}'
        f'<div class="output text_html">{plain.to_html()}</div><div class="output text_html">{styled.to_html()}</div>'
        "</article></main></body></html>"
    )
    with br.serve(tmp_path) as (base, _):
        facts = rm.measure(browser, base, "page.html")
    by_id = {c["id"]: c for c in facts["charts"]}
    assert by_id["desktop"]["smallest"] < rm.MIN_CHART_TEXT, "a chart scaled down to the phone must be caught"
    assert not [c for c in facts["charts"] if c["id"] != "desktop" and c["smallest"] < rm.MIN_CHART_TEXT], facts
    problems = unfit_tables(facts)
    assert any("neither stacked nor sticky" in p or "caption" in p for p in problems), facts["tables"]
    assert facts["tables"][1]["stacked"] and facts["tables"][1]["caption_fits"], facts["tables"]
