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
import yaml
from conftest import HTML, ROOT

PAGES = rm.pages(ROOT)
CHAPTERS = [p for p in PAGES if p.startswith("chapters/")]


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


def test_a_chapter_names_its_place_and_folds_its_goals():
    """The build step behind the first screen (bookbuild/reader.py), on a page body as docutils writes it."""
    from types import SimpleNamespace

    from bookbuild import reader

    app = SimpleNamespace(
        config=SimpleNamespace(book_places=reader.places(yaml.safe_load((ROOT / "_toc.yml").read_text())))
    )
    body = (
        '<section><h1>Why professionals leave</h1><div class="tip admonition">\n'
        '<p class="admonition-title">Learning goals</p>\n<ol><li><p>say what</p></li></ol>\n</div><p>Text.</p></section>'
    )
    context = {"body": body}
    reader._first_screen(app, "chapters/20_brain_drain", "page.html", context, None)
    assert '<p class="chapter-place">Part II: Portes: professional migration · Chapter 20</p>\n<h1>' in context["body"]
    assert (
        '<details class="admonition tip learning-goals"><summary class="admonition-title">Learning goals</summary>'
        in (context["body"])
    )
    assert "<li><p>say what</p></li>" in context["body"] and "</details><p>Text.</p>" in context["body"]
    other = {"body": body}
    reader._first_screen(app, "glossary", "page.html", other, None)
    assert other["body"] == body, "pages other than chapters are left as they are"


# --------------------------------------------------------------------------- the checks can fail


def test_the_checks_catch_a_desktop_chart_and_a_wide_table(browser, tmp_path):
    """A chart drawn 700 px wide (as before the phone layout) measures under 11 px, and a wide table
    scrolling in a plain box (no book styles) is caught with its caption; the book's renderer, table
    styling and book.css pass on the same chart and table."""
    import vl_convert

    from widgets import charts, tables

    charts.use()  # the book's theme, as a chapter's import cell sets it
    frame = pd.DataFrame({"category": [f"a fairly long category name {i}" for i in range(6)], "value": range(6)})
    chart = alt.Chart(frame).mark_bar().encode(x="value:Q", y="category:N").properties(width=700)
    wide = pd.DataFrame({f"header_{i}_in_US_dollars": ["an_unbreakable_value"] for i in range(6)})
    caption = "A caption long enough to need the screen's whole width."
    plain = wide.style.hide(axis="index").set_caption(caption).to_html()
    head = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
    head += '<meta name="viewport" content="width=device-width, initial-scale=1">'
    bare = '<style>.vega-chart svg { max-width: 100%; height: auto; }</style></head><body><main><article class="bd-article">'
    (tmp_path / "bare.html").write_text(
        head + bare + f'<div class="vega-chart" id="desktop">{vl_convert.vegalite_to_svg(chart.to_dict())}</div>'
        f'<div style="overflow-x: auto">{plain}</div></article></main></body></html>'
    )
    css = (ROOT / "_static" / "book.css").read_text()
    (tmp_path / "book.html").write_text(
        head + f'<style>{css}</style></head><body><main><article class="bd-article">'
        f"{charts.offline_html(chart.to_dict())['text/html']}"
        f'<div class="output text_html">{tables.styled(wide, caption, "t").to_html()}</div>'
        "</article></main></body></html>"
    )
    with br.serve(tmp_path) as (base, _):
        before, after = rm.measure(browser, base, "bare.html"), rm.measure(browser, base, "book.html")
    assert small_charts(before), "a chart scaled down to the phone must be caught"
    caught = unfit_tables(before)
    assert any("neither stacked nor sticky" in p for p in caught) and any("caption" in p for p in caught), caught
    assert not small_charts(after) and not unfit_tables(after), (after["charts"], after["tables"])
    # the last table: the chart's own data view (widgets/chartdata.py) comes first
    assert after["tables"][-1]["stacked"], "the book's wide table is stacked on a phone"
