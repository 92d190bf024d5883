"""The built book as a reader's browser sees it: every page in _toc.yml, served locally.

One headless Chromium (Debian's, never a downloaded one) visits each page listed in
``_toc.yml`` in a fresh context, once, and records what happened (``browser_report.visit``);
the tests below each judge one part of that record, so a failure names the page and the
check. The rules (what counts as a dead control, a page's own bytes, ...) are in the
docstring of ``browser_report.py``. A report (pages, charts, sliders, blocked requests, axe
violations by impact, heaviest pages, wall times) is printed at the end of the pytest run.

Per page:
  test_loads_offline_without_errors   no console error, no failed request, nothing asked of another host
  test_charts_draw                    every Vega chart is an svg with drawn marks (chapters have one at least)
  test_explorers_respond              every slider, moved to min and max with Home/End, redraws its chart
  test_explorers_go_live_from_file    opened as a file (no server), a chapter's explorers get live sliders
  test_runtime_waits                  a page runs no Vega at load; one without explorers prefetches it afterwards
  test_no_dead_controls               every input/select/button in the content changes something
  test_accessible                     axe-core: no violation at any impact; every chart has a text alternative
  test_keyboard_reaches_everything    Tab reaches every focusable element of the content, with no trap
  test_page_weight                    the page's own bytes are under 1.5 MB
  test_screenshot_saved               _build/screenshots/<page>.jpg exists and is not empty
  test_fits_a_phone                   at 360 and 390 px: no sideways page scroll, charts fit, wide boxes scroll with a cue
  test_touch_targets                  controls in the content are at least 24 x 24 px
  test_contrast_in_dark_mode          axe colour-contrast (4.5:1) in dark mode at 390 px (light: test_accessible)
  test_prints_without_controls_or_answers  print media: no controls, code toggles or solutions; every chart shows
Proof that the checks can fail (a tiny page written to tmp_path, charts drawn by the book's
renderer, loader and Vega bundle): a working explorer, button and CSS-only tabs pass; a slider bound to a parameter nothing
uses, a slider that empties its chart, a button that does nothing and a request to another
host are each caught.

Needs a built book (the README's build command) and Chromium at /usr/bin/chromium. Without
either, every test here fails and says why: a browser suite that skips would hide failures.
"""

import os
import time

import altair as alt
import browser_report as br
import pandas as pd
import pytest
from conftest import HTML, ROOT

PAGES = br.toc_pages(ROOT)
SCREENSHOTS = ROOT / "_build" / "screenshots"


@pytest.fixture(scope="module")
def browser():
    br.SESSION.root, br.SESSION.html_dir, br.SESSION.started = ROOT, HTML, time.perf_counter()
    message = br.chromium_missing_message()
    if message:
        br.SESSION.missing = message
        pytest.fail(message, pytrace=False)
    with br.launch() as b:
        yield b
    br.SESSION.finished = time.perf_counter()


@pytest.fixture(scope="module")
def book(browser):
    """Every page of the table of contents, visited once: page -> PageResult, and each page's own assets."""
    if not (HTML / "index.html").exists():
        br.SESSION.missing = (
            f"no built book in {HTML}: run the README's build command "
            "(jupyter-book build --all -W -n --keep-going .) first"
        )
        pytest.fail(br.SESSION.missing, pytrace=False)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in [*SCREENSHOTS.glob("*.png"), *SCREENSHOTS.glob("*.jpg")]:
        old.unlink()
    started = time.perf_counter()
    with br.serve(HTML) as (base, log):
        results = [br.visit(browser, base, page, HTML, log, SCREENSHOTS) for page in PAGES]
    br.SESSION.results = results
    br.SESSION.crawl_seconds = time.perf_counter() - started
    return {r.page: r for r in results}, br.own_assets(results, HTML)


def _fail_on(problems):
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_toc_lists_pages():
    assert PAGES and PAGES[0] == "intro.html", f"_toc.yml's root must come first: {PAGES}"
    assert any(p.startswith("chapters/") for p in PAGES), f"no chapter in _toc.yml: {PAGES}"
    missing = [p for p in PAGES if not any((ROOT / p).with_suffix(suffix).exists() for suffix in br.SOURCE_SUFFIXES)]
    assert not missing, f"_toc.yml names pages with no source file: {missing}"


def test_off_screen_boxes_wait_until_scrolled_to(browser):
    """A long chapter's last chart is skipped at load (content-visibility) and drawn once scrolled to;
    a box that scrolls sideways, reached the same way, takes focus (the theme's rewritten tab stops).
    Chapter 31: two of its tables keep their columns and scroll on a phone (the others are stacked)."""
    page = "chapters/31_evidence_of_downward_assimilation.html"
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True)
    skipped = "el => !el.checkVisibility({contentVisibilityAuto: true})"
    try:
        tab = context.new_page()
        tab.goto((HTML / page).as_uri(), wait_until="load")
        # the last chart's drawing on screen (not the laptop layout it carries for print)
        last = tab.locator(
            ".bd-article .vega-chart:not(:is(details, .solution, .toggle-hidden) *) svg:not(.vega-print svg)"
        ).last
        at_load = last.evaluate(skipped)
        last.evaluate("el => el.scrollIntoView({block: 'center'})")  # as a reader scrolls (see RENDER_ALL)
        tab.wait_for_timeout(300)
        after = last.evaluate(skipped), last.bounding_box()
        boxes = tab.locator(".bd-article .pst-scrollable-table-container, .bd-article .cell_output > .output")
        stops = []
        for box in boxes.all():  # each read while on screen: off screen a box is skipped again
            box.evaluate("el => el.scrollIntoView({block: 'center'})")
            tab.wait_for_timeout(100)
            stops.append(box.evaluate("e => [e.scrollWidth > e.clientWidth + 1, e.tabIndex]"))
    finally:
        context.close()
    assert at_load, "the last chart was laid out at load: content-visibility is not in effect"
    assert not after[0] and after[1]["height"] > 100, f"scrolled to, the last chart was not drawn: {after}"
    assert any(scrolls for scrolls, _ in stops), "no box scrolls sideways at 390 px: the tab-stop check checks nothing"
    assert all(index == (0 if scrolls else -1) for scrolls, index in stops), f"tab stops (scrolls, tabIndex): {stops}"


@pytest.mark.parametrize("page", PAGES)
def test_loads_offline_without_errors(book, page):
    _fail_on(br.network_problems(book[0][page]))


@pytest.mark.parametrize("page", PAGES)
def test_charts_draw(book, page):
    result = book[0][page]
    _fail_on(br.chart_problems(result))
    if page.startswith("chapters/"):
        assert result.charts, f"{page}: a chapter page with no chart"


@pytest.mark.parametrize("page", PAGES)
def test_explorers_respond(book, page):
    _fail_on(br.explorer_problems(book[0][page]))


def test_explorers_go_live_from_file(browser):
    """A reader who opens the downloaded book from disk: Chromium refuses fetch() on file://, scripts load."""
    page = next(p for p in PAGES if "vega-explorer" in (HTML / p).read_text(encoding="utf-8"))
    context = browser.new_context(viewport=br.VIEWPORT)
    errors = []
    try:
        tab = context.new_page()
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        tab.goto((HTML / page).as_uri(), wait_until="load")
        tab.evaluate(br.SCROLL_PAST_EXPLORERS)
        tab.wait_for_function(
            "() => [...document.querySelectorAll('.vega-explorer')]"
            ".every(e => e.dataset.live && e.querySelector('.vega-bindings input'))",
            timeout=30_000,
        )
    finally:
        context.close()
    assert not errors, f"{page} from file://: {errors}"


def test_runtime_waits(browser):
    """The Vega runtime is the heaviest script: no page runs it at load, and a page without an explorer
    only prefetches it (for the next chapter) once it has loaded."""
    plain = next(p for p in PAGES if "vega-explorer" not in (HTML / p).read_text(encoding="utf-8"))
    context = browser.new_context(viewport=br.VIEWPORT)
    try:
        tab = context.new_page()
        tab.goto((HTML / plain).as_uri(), wait_until="load")
        at_load = tab.evaluate("() => document.querySelectorAll('link[rel=prefetch], script[src*=vega-bundle]').length")
        tab.wait_for_selector("link[rel=prefetch][href$='_static/vega-bundle.js']", state="attached", timeout=5000)
        ran = tab.evaluate("() => typeof window.vegaEmbed")
    finally:
        context.close()
    assert at_load == 0, f"{plain}: the runtime was asked for before the page had loaded"
    assert ran == "undefined", f"{plain}: the Vega runtime ran on a page with no explorer"


@pytest.mark.parametrize("page", PAGES)
def test_no_dead_controls(book, page):
    _fail_on(br.control_problems(book[0][page]))


@pytest.mark.parametrize("page", PAGES)
def test_accessible(book, page):
    _fail_on(br.a11y_problems(book[0][page]))


@pytest.mark.parametrize("page", PAGES)
def test_keyboard_reaches_everything(book, page):
    _fail_on(br.keyboard_problems(book[0][page]))


@pytest.mark.parametrize("page", PAGES)
def test_page_weight(book, page):
    results, own = book
    _fail_on(br.weight_problems(results[page], own))


@pytest.fixture(scope="module")
def phones(browser, book):
    """Every page at 360 px in light mode and 390 px in dark mode, each then printed: (page, width) -> result."""
    with br.serve(HTML) as (base, _log):
        return {
            (page, width): br.visit_phone(browser, base, page, width, mode)
            for page in PAGES
            for width, mode in zip(br.PHONE_WIDTHS, ("light", "dark"))
        }


@pytest.mark.parametrize("width", br.PHONE_WIDTHS)
@pytest.mark.parametrize("page", PAGES)
def test_fits_a_phone(phones, page, width):
    _fail_on(br.phone_problems(phones[page, width]))


@pytest.mark.parametrize("width", br.PHONE_WIDTHS)
@pytest.mark.parametrize("page", PAGES)
def test_touch_targets(phones, page, width):
    _fail_on(br.touch_problems(phones[page, width]))


@pytest.mark.parametrize("page", PAGES)
def test_contrast_in_dark_mode(phones, page):
    """Light mode's contrast is axe's colour-contrast rule in test_accessible; this is dark mode's."""
    _fail_on(br.contrast_problems(phones[page, br.PHONE_WIDTHS[1]]))


@pytest.mark.parametrize("page", PAGES)
def test_prints_without_controls_or_answers(phones, page):
    _fail_on(br.print_problems(phones[page, br.PHONE_WIDTHS[0]]))


@pytest.mark.parametrize("page", PAGES)
def test_screenshot_saved(book, page):
    path = SCREENSHOTS / br.screenshot_name(page)
    assert path.exists() and path.stat().st_size > 1000, f"no screenshot of {page} at {path}"


# --------------------------------------------------------------------------- the checks can fail


def _explorer_html(y: str, filter_: str | None = None) -> str:
    """A real Vega-Lite chart with a slider bound to param ``k``, drawn by the book's own renderer."""
    from widgets import charts

    charts.use()  # the book's theme, as a chapter's import cell sets it
    k = alt.param(name="k", value=2, bind=alt.binding_range(min=1, max=5, step=1, name="scale "))
    chart = (
        alt.Chart(pd.DataFrame({"x": list("abc"), "v": [1, 2, 3]}))
        .mark_bar()
        .encode(x="x:N", y=alt.Y("y:Q", scale=alt.Scale(domain=[0, 20])))
        .transform_calculate(y=y)
        .add_params(k)
        .properties(description="Test bars that scale with k")
    )
    if filter_:
        chart = chart.transform_filter(filter_)
    return charts.offline_html(chart.to_dict())["text/html"]


def _visit_test_page(browser, tmp_path, body: str) -> br.PageResult:
    """A page built the way the book's are: explorer specs moved out and loaded by the book's loader."""
    from bookbuild import lean

    static = tmp_path / "_static"
    static.mkdir()
    for name in ("vega-bundle.js", lean.EXPLORERS_JS):
        source = HTML / "_static" / name
        assert source.exists(), f"no {source}: build the book first (the test page uses the book's Vega bundle)"
        os.symlink(source, static / name)
    page = tmp_path / "page.html"
    text = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Explorer test</title>'
        f'<script defer src="_static/{lean.EXPLORERS_JS}"></script></head><body><main><article class="bd-article">'
        f"<h1>Explorer test</h1>{body}</article></main></body></html>"
    )
    page.write_text(lean.externalize(text, page, tmp_path))
    with br.serve(tmp_path) as (base, log):
        return br.visit(browser, base, "page.html", tmp_path, log)


def test_checks_pass_a_working_explorer(browser, tmp_path):
    button = (
        '<button type="button" onclick="this.nextElementSibling.hidden = !this.nextElementSibling.hidden">'
        "Show the answer</button><p hidden>42</p>"
    )
    tabs = (
        "<style>.tabs > input { opacity: 0; position: absolute } .tabs > input + label + div { display: none }"
        ' .tabs > input:checked + label + div { display: block }</style><div class="tabs">'
        '<input type="radio" name="t" id="t1" checked><label for="t1">One</label><div>first</div>'
        '<input type="radio" name="t" id="t2"><label for="t2">Two</label><div>second</div></div>'
    )
    result = _visit_test_page(browser, tmp_path, _explorer_html("datum.v * k") + button + tabs)
    assert len(result.sliders) == 1 and len(result.explorers) == 1, result.controls
    # the page's button, the explorer's Reset (bookbuild/static/explorers.js), two tabs and the slider
    assert sorted(c.kind for c in result.controls) == ["button", "button", "radio", "radio", "range"], result.controls
    for check in (
        br.network_problems,
        br.chart_problems,
        br.explorer_problems,
        br.control_problems,
        br.keyboard_problems,
    ):
        _fail_on(check(result))
    slider = result.sliders[0]
    assert slider.detail["marks_at_min"] == slider.detail["marks_at_max"] == 3
    assert not [v for v in result.axe if v["impact"] in br.FAILING_IMPACTS], result.axe


def test_checks_catch_a_dead_slider_a_dead_button_and_a_foreign_request(browser, tmp_path):
    body = (
        _explorer_html("datum.v * 2")  # k is bound to a slider but nothing uses it
        + '<button type="button">Does nothing</button>'
        + '<img alt="remote" src="http://example.invalid/pixel.png">'
    )
    result = _visit_test_page(browser, tmp_path, body)
    assert len(result.sliders) == 1, "Vega-Lite dropped the unused slider: the test proves nothing"
    explorer = br.explorer_problems(result)
    assert any("changed nothing in the chart" in p for p in explorer), explorer
    dead = br.control_problems(result)
    assert any("slider" not in p and "Does nothing" in p for p in dead), dead
    assert any("range" in p for p in dead), dead
    network = br.network_problems(result)
    assert any("example.invalid" in p for p in network), network


def test_checks_catch_a_slider_that_empties_its_chart(browser, tmp_path):
    result = _visit_test_page(browser, tmp_path, _explorer_html("datum.v * k", filter_="datum.v < k"))
    problems = br.explorer_problems(result)
    assert any("at its minimum (1) the chart draws no marks" in p for p in problems), problems
