"""Explorers as a reader uses them, and reading text free of build details (issue 23, items 4, 5, 10).

Reads the built book (``_build/html``; build it first). In headless Chromium at 390 px, for every
explorer of every chapter: move each slider as far as it goes from where it opens, and check that the
chart changed, the outcome number beside it moved, the y-axis kept its range (a "fit the y-axis" checkbox,
where there is one, changes it and gives it back), the page's address holds
the state; then load that address again and check the explorer opens in that state, and that *Reset*
brings back the opening state and clears the address. The theme's "Back to top" pill must not cover a
slider on a phone.

Without a browser: the chapters' reading text (visible text and chart descriptions, leaving out code,
code output shown as code, and the "How this was made" notes) has no seed-line locators, no module
paths of the book's code, no "precomputed over", no printed Python dict or list, and no "cell below"
(the HTML book leaves the live-notebook cells out).
"""

import html
import re
from urllib.parse import parse_qs, urlsplit

import browser_report as br
import pytest
from conftest import HTML

PAGES = sorted(p for p in HTML.glob("chapters/*.html") if 'class="vega-chart vega-explorer"' in p.read_text("utf-8"))
PHONE = {"width": 390, "height": 844}

# --------------------------------------------------------------------------- reading text

BUILD_DETAILS = {
    "a seed-line locator": re.compile(r"\bseed[ _-]?lines?\b\s*\[?\d", re.I),
    "a module path of the book's code": re.compile(r"\bwidgets\.(?:models|parts|explorer|charts|tables|data|claims)\b"),
    "'precomputed over'": re.compile(r"precomputed over", re.I),
    "a pointer to a cell the HTML book leaves out": re.compile(r"\b(?:cell|cells|code) below\b", re.I),
}
PRINTED_STRUCTURE = re.compile(r"\{'[^'\n]{1,60}': |\[\(|\[\d+(?:\.\d+)?, \d+(?:\.\d+)?(?:, \d+(?:\.\d+)?)+\]")
LEFT_OUT = re.compile(
    r'<details class="how-made">.*?</details>|<script\b.*?</script>|<style\b.*?</style>'
    r'|<div class="cell_input.*?</div>\s*</div>|<pre\b.*?</pre>|<code\b.*?</code>',
    re.S,
)
OUTPUT = re.compile(r'<div class="cell_output docutils container">(.*?)</div>\s*</div>\s*</div>', re.S)
ATTRIBUTE = re.compile(r'\b(?:aria-label|title|alt)="([^"]*)"')


def reading_text(page: str) -> str:
    """What a reader reads or hears on a page: its text and text attributes, without code or the notes."""
    body = page.split('<main id="main-content"', 1)[-1]
    kept = LEFT_OUT.sub(" ", body)
    attributes = " ".join(ATTRIBUTE.findall(kept))
    return html.unescape(re.sub(r"<[^>]+>", " ", kept) + " " + attributes)


def printed_outputs(page: str) -> list[str]:
    """The text of the code outputs a page shows."""
    return [html.unescape(re.sub(r"<[^>]+>", "", m)) for m in OUTPUT.findall(page)]


def build_details(page: str) -> list[str]:
    """Each build detail found in a page's reading text or its printed outputs, with its context."""
    found = []
    text = reading_text(page)
    for what, pattern in BUILD_DETAILS.items():
        found += [f"{what}: ...{text[max(0, m.start() - 60) : m.end() + 30]!r}..." for m in pattern.finditer(text)]
    for out in printed_outputs(page):
        found += [f"a printed data structure: {out[:120]!r}" for _ in PRINTED_STRUCTURE.finditer(out)][:1]
    return found


READING_PAGES = sorted(HTML.glob("chapters/*.html"))


def test_the_reading_check_finds_pages():
    assert len(READING_PAGES) >= 10, f"no built chapters in {HTML}: build the book first"


@pytest.mark.parametrize("path", READING_PAGES, ids=lambda p: p.stem)
def test_reading_text_has_no_build_details(path):
    found = build_details(path.read_text("utf-8"))
    assert not found, f"{path.name}: build details in the reading text:\n" + "\n".join(found[:12])


def test_the_reading_check_can_fail():
    page = (
        '<main id="main-content"><p>Source: Portes (seed lines 488-500).</p>'
        '<div class="vega-chart" aria-label="Model (widgets.models, \'x\'), precomputed over 30 settings"></div>'
        "<p>In a live notebook the cell below gives sliders.</p>"
        '<div class="cell_output docutils container"><div class="output stream highlight-myst-ansi notranslate">'
        "<div class=\"highlight\"><pre>{'agrees': 14, 'disagrees': 4}</pre></div></div></div>"
        '<details class="how-made"><summary>How this was made</summary><p>widgets.models</p></details>'
        "<pre>from widgets.models import REGISTRY</pre></main>"
    )
    found = build_details(page)
    kinds = sorted({f.split(":")[0] for f in found})
    assert kinds == sorted([*BUILD_DETAILS, "a printed data structure"]), found
    assert sum("module path" in f for f in found) == 1, "code and the how-made note are not reading text"


# --------------------------------------------------------------------------- explorers in a browser

LIVE = "el => !!(el.dataset.live && el.querySelector('.vega-bindings input[type=range]'))"
STATE = """el => {
  const axis = [...el.querySelectorAll('[aria-roledescription="axis"]')]
    .map(a => a.getAttribute('aria-label')).filter(l => /^Y-axis/.test(l));
  const marks = [...el.querySelectorAll('.role-mark path, .role-mark line, .role-mark rect')]
    .map(m => m.getAttribute('d') || m.getAttribute('transform') || '').join('|');
  const out = el.querySelector('.explorer-outcome output');
  return {axis, marks, outcome: out ? out.value : null,
          sliders: [...el.querySelectorAll('.vega-bindings input[type=range]')].map(i => ({
            value: +i.value, min: +i.min, max: +i.max, step: +i.step}))};
}"""
MOVE = """(el, [i, value]) => {
  const input = el.querySelectorAll('.vega-bindings input[type=range]')[i];
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true}));
}"""


def _live(tab, index: int):
    el = tab.locator(".vega-explorer").nth(index)
    for _ in range(20):  # boxes above are laid out as they near the screen (content-visibility) and move it
        el.evaluate("e => e.scrollIntoView({block: 'center'})")
        tab.wait_for_timeout(100)
        box = el.bounding_box()
        if box and box["y"] < tab.viewport_size["height"] and box["y"] + box["height"] > 0:
            break
    tab.wait_for_function(f"([el]) => ({LIVE})(el)", arg=[el.element_handle()], timeout=30_000)
    tab.wait_for_timeout(100)
    return el


def _state(tab, el) -> dict:
    return el.evaluate(STATE)


def _far(slider: dict) -> float:
    """The end of a slider's range farther from its value."""
    value, low, high = slider["value"], slider["min"], slider["max"]
    return high if high - value >= value - low else low


@pytest.fixture(scope="module")
def phone():
    message = br.chromium_missing_message()
    if message:
        pytest.fail(message)
    from playwright.sync_api import sync_playwright

    with br.serve(HTML) as (base, _log), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=br.CHROMIUM, args=br.FLAGS)
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=1)
        yield base, context
        browser.close()


def test_there_are_explorers():
    assert len(PAGES) >= 8, f"only {len(PAGES)} chapters with explorers in {HTML}: build the book first"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_every_slider_moves_chart_and_number_on_fixed_axes_and_the_link_keeps_it(phone, path):
    base, context = phone
    url = f"{base}/chapters/{path.name}"
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(url, wait_until="load")
    count = tab.locator(".vega-explorer").count()
    problems = []
    for index in range(count):
        el = _live(tab, index)
        key = el.get_attribute("data-key")
        opening = _state(tab, el)
        assert opening["outcome"], f"{path.name} explorer {key}: no outcome number beside the chart"
        assert opening["axis"], f"{path.name} explorer {key}: no y-axis found"
        fit = el.locator(".vega-bindings input[type=checkbox]")
        if fit.count():  # the scale changes only when the reader asks: the checkbox fits it, and unticked, it is back
            fit.first.check()
            tab.wait_for_timeout(150)
            fitted = _state(tab, el)["axis"]
            fit.first.uncheck()
            tab.wait_for_timeout(150)
            if fitted == opening["axis"] or _state(tab, el)["axis"] != opening["axis"]:
                problems.append(
                    f"{path.name} explorer {key}: the fit checkbox gave {fitted}, then not {opening['axis']}"
                )
        for i, slider in enumerate(opening["sliders"]):  # each from the opening state, the others left there
            el.evaluate(MOVE, [i, _far(slider)])
            tab.wait_for_timeout(150)
            moved = _state(tab, el)
            name = f"{path.name} explorer {key}, slider {i + 1}"
            if moved["marks"] == opening["marks"]:
                problems.append(f"{name}: the chart did not change")
            if moved["outcome"] == opening["outcome"]:
                problems.append(f"{name}: the number stayed at {opening['outcome']!r}")
            if moved["axis"] != opening["axis"]:
                problems.append(f"{name}: the y-axis changed from {opening['axis']} to {moved['axis']}")
            el.evaluate(MOVE, [i, slider["value"]])
        for i, slider in enumerate(opening["sliders"]):  # then all of them, for the link
            el.evaluate(MOVE, [i, _far(slider)])
        tab.wait_for_timeout(150)
        moved = _state(tab, el)
        tab.wait_for_timeout(400)  # the address is written 200 ms after the last move
        query = parse_qs(urlsplit(tab.url).query)
        mine = {k: v for k, v in query.items() if k.startswith(f"{key}.")}
        assert len(mine) == len(opening["sliders"]), f"{path.name} explorer {key}: address {tab.url} lacks its state"

        # the link, opened again, shows the same state
        link = tab.url
        again = context.new_page()
        again.goto(link, wait_until="load")
        el2 = _live(again, index)
        restored = _state(again, el2)
        assert [s["value"] for s in restored["sliders"]] == [s["value"] for s in moved["sliders"]], (
            f"{path.name} explorer {key}: the link {link} did not restore the sliders"
        )
        assert restored["outcome"] == moved["outcome"] and restored["marks"] == moved["marks"], (
            f"{path.name} explorer {key}: the link restored the sliders but not the chart or number"
        )
        again.close()

        # reset: the opening state, and the address no longer holds it
        el.get_by_role("button", name="Reset to the opening values").click()
        tab.wait_for_timeout(400)
        reset = _state(tab, el)
        assert reset == opening, f"{path.name} explorer {key}: Reset did not bring back the opening state"
        assert not any(k.startswith(f"{key}.") for k in parse_qs(urlsplit(tab.url).query)), (
            f"{path.name} explorer {key}: the address kept the state after Reset: {tab.url}"
        )
    tab.close()
    assert not errors, f"{path.name}: script errors: {errors}"
    assert not problems, "\n".join(problems)


def test_back_to_top_pill_never_covers_a_slider(phone):
    """The pill floats at 90% of the screen's height once a reader scrolls up: put a slider right there."""
    base, context = phone
    tab = context.new_page()
    tab.goto(f"{base}/chapters/41_global_city.html", wait_until="load")
    el = _live(tab, 0)
    slider = el.locator(".vega-bindings input[type=range]").first
    box = slider.bounding_box()
    tab.mouse.wheel(0, box["y"] + box["height"] / 2 - 0.9 * PHONE["height"] + 200)
    tab.wait_for_timeout(300)
    tab.mouse.wheel(0, -200)  # scrolling up is what shows the pill
    tab.wait_for_timeout(500)
    box = slider.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    on_top = tab.evaluate("([x, y]) => document.elementFromPoint(x, y)?.matches('input[type=range]')", [x, y])
    assert 0 < y < PHONE["height"], "the slider is not on screen"
    assert on_top, f"something covers the slider at ({x:.0f}, {y:.0f}) on a 390 px screen"
    tab.close()


def test_the_state_link_works_from_a_file(phone):
    """Opened from the disk (file://), a link with an explorer's state opens in that state."""
    _, context = phone
    tab = context.new_page()
    page = HTML / "chapters" / "11_networks_and_the_village.html"
    tab.goto(page.as_uri() + "?network_diffusion.network_effect=0.8&network_diffusion.return_rate=0", wait_until="load")
    el = _live(tab, 0)
    values = [s["value"] for s in _state(tab, el)["sliders"]]
    assert values == [0.8, 0], f"from file://, the link set the sliders to {values}"
    tab.close()
