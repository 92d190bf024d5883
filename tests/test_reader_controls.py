"""Every control the theme and the book put on a page, worked as a reader works it (issue 23).

On a 390 px phone (touch: taps) and a 1280 px laptop (mouse: clicks), in light and dark mode, with the
book opened as files (``file://``) and served (a local HTTP server):

  test_drawers_open_and_close   the menu and contents drawers come on screen from their toggles and go
                                with Escape and a tap on the backdrop; on a laptop the menu folds away
  test_search_lists_results     search.html?q=... lists pages and shows the query; the search button of
                                a chapter leads there
  test_theme_switch             the switch changes the mode; with no choice made, the system's setting rules
  test_dark_charts_and_tables   in dark mode no chart or table sits on a light card, and chart text is light
  test_header_menus             the download and launch menus open and close; launch links only go to hosts
                                the configuration sets (no placeholder); the full-screen button works
  test_solution_toggle          "Show solution" shows it
  test_term_opens_in_place      a glossary term link opens its definition over the page (tap, Enter),
                                with a link to the full entry; Escape closes it
  test_glossary_letters         the glossary runs A to Z; a letter jumps to its section, which links back
  test_timeline_links_named     every timeline link names a chapter or section; the list fits 360 px
  test_page_links_lead_somewhere  every local link of every page reaches a file and its #anchor
  test_phone_screenshots        every page at 390 px, light and dark, saved to _build/screenshots/390/

Needs a built book and Chromium, like test_browser.py. ``BOOK_HTML`` points the tests at another build
(to measure a build before a change).
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import browser_report as br
import pytest
import yaml
from conftest import HTML as BUILT
from conftest import ROOT

HTML = Path(os.environ.get("BOOK_HTML", BUILT))
PAGES = br.toc_pages(ROOT)
CHAPTER = "chapters/11_networks_and_the_village.html"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LAPTOP = {"viewport": {"width": 1280, "height": 800}}
DEVICES = {"phone": PHONE, "laptop": LAPTOP}
SCREENSHOTS = ROOT / "_build" / "screenshots" / "390"

# A box that is drawn and lies (at least mostly) inside the viewport.
ON_SCREEN = """el => { if (!el || !el.checkVisibility()) return false; const r = el.getBoundingClientRect();
  return r.width > 100 && r.height > 100 && r.left >= -1 && r.right <= innerWidth + 1 && r.top < innerHeight; }"""


@pytest.fixture(scope="module")
def server():
    with br.serve(HTML) as (base, _log):
        yield base


@pytest.fixture(params=["file", "server"])
def origin(request, server):
    return HTML.as_uri() if request.param == "file" else server


def open_tab(browser, device: str, mode: str | None = None, scheme: str = "light"):
    """A fresh page; ``mode`` is the reader's stored choice (None: never chose), ``scheme`` the system's."""
    context = browser.new_context(**DEVICES[device], color_scheme=scheme, reduced_motion="reduce")
    if mode:
        context.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")
    errors = []
    tab = context.new_page()
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("console", lambda m: m.type == "error" and errors.append(m.text))
    return context, tab, errors


def press(tab, device: str, locator) -> None:
    """A tap on a phone, a click on a laptop."""
    if device == "phone":
        locator.tap()
    else:
        locator.click()


def visible(tab, selector: str):
    return tab.locator(selector).filter(visible=True).first


# --------------------------------------------------------------------------- drawers


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("device", ["phone", "laptop"])
def test_drawers_open_and_close(browser, origin, device, mode):
    context, tab, errors = open_tab(browser, device, mode)
    try:
        tab.goto(f"{origin}/{CHAPTER}", wait_until="load")
        if device == "laptop":
            sidebar = tab.locator("#pst-primary-sidebar")
            assert sidebar.evaluate(ON_SCREEN), "the menu is not beside the page at 1280 px"
            press(tab, device, visible(tab, ".primary-toggle"))
            tab.wait_for_timeout(400)
            assert not sidebar.evaluate(ON_SCREEN), "the menu button did not fold the menu away"
            press(tab, device, visible(tab, ".primary-toggle"))
            tab.wait_for_timeout(400)
            assert sidebar.evaluate(ON_SCREEN), "the menu button did not bring the menu back"
            assert tab.locator("#pst-secondary-sidebar").evaluate(ON_SCREEN), "no page contents beside the page"
            return
        for toggle, drawer in (
            (".primary-toggle", "#pst-primary-sidebar-modal"),
            (".secondary-toggle", "#pst-secondary-sidebar-modal"),
        ):
            dialog = tab.locator(drawer)
            for close in ("Escape", "backdrop"):
                press(tab, device, visible(tab, toggle))
                tab.wait_for_timeout(300)
                assert dialog.evaluate(ON_SCREEN), f"tapping {toggle} left its drawer off screen"
                assert dialog.locator("a[href]").count() > 3, f"the drawer of {toggle} holds no links"
                if close == "Escape":
                    tab.keyboard.press("Escape")
                else:  # the backdrop: the strip of page beside the drawer
                    box = dialog.bounding_box()
                    x = box["x"] + box["width"] + 20 if box["x"] < 50 else box["x"] - 20
                    tab.touchscreen.tap(x, 400)
                tab.wait_for_timeout(300)
                assert not dialog.evaluate("d => d.open"), f"{close} left the drawer of {toggle} open"
    finally:
        context.close()
    assert not errors, errors


# --------------------------------------------------------------------------- search


@pytest.mark.parametrize("device", ["phone", "laptop"])
def test_search_lists_results(browser, origin, device):
    context, tab, errors = open_tab(browser, device, "light")
    try:
        tab.goto(f"{origin}/search.html?q=remittances", wait_until="load")
        results = tab.locator("#search-results li")
        # Sphinx lists results one every 5 ms, then writes its summary: count after the summary
        tab.locator("#search-results .search-summary", has_text="Search finished").wait_for(timeout=10_000)
        found = results.count()
        query = tab.locator("input[name=q]").filter(visible=True).first.input_value()
        first = results.first.locator("a").first.get_attribute("href")
        tab.goto(f"{origin}/{CHAPTER}", wait_until="load")
        press(tab, device, visible(tab, ".search-button__button"))
        field = tab.locator("#pst-search-dialog input[name=q]")
        field.wait_for(state="visible", timeout=3000)
        field.fill("brain drain")
        field.press("Enter")
        tab.wait_for_url(re.compile(r"search\.html\?q=brain"), timeout=10_000)
        tab.locator("#search-results li").first.wait_for(timeout=10_000)
    finally:
        context.close()
    assert found >= 5, f"search for 'remittances' listed {found} pages"
    assert query == "remittances", f"the search field shows {query!r}, not the query"
    assert first and not first.startswith("http") or "127.0.0.1" in first, first
    if origin.startswith("file:"):  # Chromium refuses fetch() on file://: results come without their summaries
        errors = [e for e in errors if not re.search("Access to fetch|ERR_FAILED|Failed to fetch", e)]
    assert not errors, errors


# --------------------------------------------------------------------------- colour mode


@pytest.mark.parametrize("device", ["phone", "laptop"])
def test_theme_switch(browser, origin, device):
    context, tab, _ = open_tab(browser, device, scheme="dark")
    try:
        tab.goto(f"{origin}/{CHAPTER}", wait_until="load")
        theme = "() => document.documentElement.dataset.theme"
        at_load = tab.evaluate(theme)
        seen = []
        for _ in range(3):
            press(tab, device, visible(tab, ".theme-switch-button"))
            tab.wait_for_timeout(100)
            seen.append(tab.evaluate(theme))
    finally:
        context.close()
    assert at_load == "dark", f"with no choice made and a dark system setting, the page is {at_load}"
    assert "light" in seen and "dark" in seen, f"three presses of the switch gave {seen}"


def test_light_system_setting_gives_light(browser, server):
    context, tab, _ = open_tab(browser, "phone", scheme="light")
    try:
        tab.goto(f"{server}/{CHAPTER}", wait_until="load")
        assert tab.evaluate("document.documentElement.dataset.theme") == "light"
    finally:
        context.close()


# The background a box is seen on (its svg's, its own, or its nearest ancestor's that is not transparent) and the
# lightness of its chart text, both as relative lightness 0 (black) to 1 (white).
LIGHTNESS = """el => { const parse = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  let box = el.querySelector('svg') || el, bg = parse(getComputedStyle(box).backgroundColor);
  while (box && bg.length === 4 && bg[3] === 0) { box = box.parentElement; bg = box ? parse(getComputedStyle(box).backgroundColor) : [255, 255, 255]; }
  const text = el.querySelector('svg text');
  return {background: lum(bg), text: text ? lum(parse(getComputedStyle(text).fill)) : null}; }"""


@pytest.mark.parametrize("page", ["chapters/20_brain_drain.html", "chapters/41_global_city.html"])
def test_dark_charts_and_tables(browser, server, page):
    context, tab, _ = open_tab(browser, "phone", "dark")
    try:
        tab.goto(f"{server}/{page}", wait_until="load")
        tab.evaluate(br.SCROLL_PAST_EXPLORERS)  # explorers go live (vega-embed draws them again)
        tab.wait_for_function(br.ALL_DRAWN, timeout=15_000)
        tab.evaluate(br.RENDER_ALL)
        charts = [c.evaluate(LIGHTNESS) for c in tab.locator(".bd-article .vega-chart").all()]
        tables = [t.evaluate(LIGHTNESS) for t in tab.locator(".bd-article table").all()]
    finally:
        context.close()
    assert charts and tables, (charts, tables)
    light_cards = [c for c in charts + tables if c["background"] > 0.4]
    assert not light_cards, f"{len(light_cards)} charts or tables on a light card in dark mode"
    dark_text = [c for c in charts if c["text"] is not None and c["text"] < 0.6]
    assert not dark_text, f"{len(dark_text)} charts with dark text in dark mode: {dark_text[:3]}"


# --------------------------------------------------------------------------- header menus and buttons


def configured_hosts() -> set[str]:
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    urls = [v for k, v in config["launch_buttons"].items() if k.endswith("_url") and v]
    return {urlsplit(u).hostname for u in urls}


def test_no_placeholder_launch_host():
    assert not [h for h in configured_hosts() if "example" in h], configured_hosts()


@pytest.mark.parametrize("device", ["phone", "laptop"])
def test_header_menus(browser, origin, device):
    context, tab, errors = open_tab(browser, device, "light")
    hosts = configured_hosts()
    try:
        tab.goto(f"{origin}/{CHAPTER}", wait_until="load")
        opened = {}
        for menu in (".dropdown-launch-buttons", ".dropdown-download-buttons"):
            toggle, items = tab.locator(f"{menu} > button"), tab.locator(f"{menu} .dropdown-menu .dropdown-item")
            press(tab, device, toggle)
            tab.wait_for_timeout(200)
            opened[menu] = [i.is_visible() for i in items.all()]
            press(tab, device, tab.locator(".bd-article h1"))  # elsewhere on the page
            tab.wait_for_timeout(200)
            opened[menu + " after a press elsewhere"] = items.first.is_visible()
            toggle.focus()  # and from the keyboard
            tab.keyboard.press("Enter")
            tab.wait_for_timeout(200)
            opened[menu + " by Enter"] = items.first.is_visible()
            tab.keyboard.press("Escape")
            tab.wait_for_timeout(200)
            opened[menu + " after Escape"] = items.first.is_visible()
        launch = [
            urlsplit(a).hostname
            for a in tab.locator(".dropdown-launch-buttons a").evaluate_all("a => a.map(x => x.href)")
        ]
        source = tab.locator(".btn-download-source-button").get_attribute("href")
        press(tab, device, visible(tab, ".btn-fullscreen-button"))
        tab.wait_for_timeout(300)
        full = tab.evaluate("() => !!document.fullscreenElement")
    finally:
        context.close()
    for menu in (".dropdown-launch-buttons", ".dropdown-download-buttons"):
        assert opened[menu] and all(opened[menu]), f"{menu}: items shown after a press: {opened[menu]}"
        assert not opened[menu + " after a press elsewhere"], f"{menu} stayed open after a press elsewhere"
        assert opened[menu + " by Enter"] and not opened[menu + " after Escape"], f"{menu} from the keyboard: {opened}"
    assert launch and set(launch) <= hosts, f"launch links go to {launch}; the configuration sets {hosts}"
    assert (HTML / "chapters" / source).resolve().exists(), f"the download link {source} leads nowhere"
    assert full, "the full-screen button did not enter full screen"
    assert not errors, errors


def test_solution_toggle(browser, server):
    context, tab, _ = open_tab(browser, "phone", "light")
    try:
        tab.goto(f"{server}/{CHAPTER}", wait_until="load")
        solution = tab.locator(".bd-article .solution").first
        solution.scroll_into_view_if_needed()
        hidden = solution.locator(".toggle-hidden, section, p").last
        before = hidden.is_visible()
        solution.locator("button.toggle-button").first.tap()
        tab.wait_for_timeout(300)
        after = hidden.is_visible()
    finally:
        context.close()
    assert not before and after, f"the solution's content visible before/after its toggle: {before}/{after}"


# --------------------------------------------------------------------------- glossary and timeline

POPOVER_OPEN = "() => [...document.querySelectorAll('.glossary-pop')].filter(p => p.matches(':popover-open'))"


@pytest.mark.parametrize("device", ["phone", "laptop"])
def test_term_opens_in_place(browser, origin, device):
    context, tab, errors = open_tab(browser, device, "dark")
    try:
        tab.goto(f"{origin}/{CHAPTER}", wait_until="load")
        # the first term a reader sees in the running text (the learning goals above it start folded)
        term = tab.locator("a.glossary-term:not(details:not([open]) *)").first
        term.scroll_into_view_if_needed()
        press(tab, device, term)
        tab.wait_for_timeout(200)
        url = tab.url
        pop = tab.locator(".glossary-pop:popover-open")
        shown = pop.count() == 1 and pop.evaluate(ON_SCREEN.replace("r.height > 100", "r.height > 40"))
        text, full = pop.inner_text(), pop.locator("a").get_attribute("href")
        expanded = term.get_attribute("aria-expanded")
        tab.keyboard.press("Escape")
        closed = tab.evaluate(POPOVER_OPEN + ".length") == 0
        term.focus()
        tab.keyboard.press("Enter")
        by_keyboard = tab.evaluate(POPOVER_OPEN + ".length") == 1
        tab.keyboard.press("Escape")
    finally:
        context.close()
    assert url.endswith(CHAPTER), f"the term link left the chapter for {url}"
    assert shown and len(text) > 60, f"the definition did not open on screen: {text!r}"
    assert full and "glossary.html#term-" in full and expanded == "true"
    assert closed, "Escape left the definition open"
    assert by_keyboard, "Enter on the term link did not open its definition"
    assert not errors, errors


def test_glossary_letters(browser, server):
    context, tab, _ = open_tab(browser, "phone", "light")
    try:
        tab.goto(f"{server}/glossary.html", wait_until="load")
        terms = tab.locator("dl.glossary dt").all_text_contents()  # off-screen sections have no inner text
        letters = tab.locator("#glossary-letters a").all_inner_texts()
        press(tab, "phone", tab.locator("#glossary-letters a", has_text="M"))
        tab.wait_for_timeout(300)
        section = tab.locator("#glossary-m")
        jumped = section.evaluate("el => Math.abs(el.getBoundingClientRect().top) < 200")
        section.locator(".glossary-back a").tap()
        tab.wait_for_timeout(300)
        back = tab.locator("#glossary-letters").evaluate("el => el.getBoundingClientRect().top < 200")
    finally:
        context.close()
    names = [t.strip().rstrip("#¶").strip().casefold() for t in terms]  # without the permalink sign
    assert len(names) > 50 and names == sorted(names), "the glossary is not in A-Z order"
    assert "A" in letters and "M" in letters and len(letters) > 10, letters
    assert jumped and back, f"letter M jumped to its section: {jumped}; the way back: {back}"


def test_timeline_links_named(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True)
    try:
        tab = context.new_page()
        tab.goto(f"{server}/reference/timeline.html", wait_until="load")
        tab.evaluate(br.RENDER_ALL)
        texts = tab.locator(".bd-article li a.reference.internal").all_inner_texts()
        wide = tab.evaluate(
            "() => [...document.querySelectorAll('.bd-article li')].filter(li => li.getBoundingClientRect().right > innerWidth + 1).length"
        )
    finally:
        context.close()
    assert len(texts) > 20
    vague = [t for t in texts if t.strip().lower() in ("chapter", "section")]
    assert not vague, f"{len(vague)} timeline links say only 'chapter' or 'section'"
    assert wide == 0, f"{wide} timeline entries run past a 360 px screen"


# --------------------------------------------------------------------------- screenshots


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_phone_screenshots(browser, server, mode):
    """Every page at 390 px as a reader scrolls it (skipped boxes drawn), for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context, tab, _ = open_tab(browser, "phone", mode)
    saved = []
    try:
        for page in [*PAGES, "search.html?q=remittances"]:
            tab.goto(f"{server}/{page}", wait_until="load")
            tab.evaluate(br.RENDER_ALL)
            if page.startswith("search"):
                tab.locator("#search-results li").first.wait_for(timeout=10_000)
            path = SCREENSHOTS / f"{br.screenshot_name(page.partition('?')[0])[:-4]}-{mode}.jpg"
            tab.screenshot(path=str(path), full_page=True, type="jpeg", quality=60)
            saved.append(path)
    finally:
        context.close()
    assert all(p.stat().st_size > 5000 for p in saved), [p.name for p in saved if p.stat().st_size <= 5000]


HREF = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"')


def test_page_links_lead_somewhere():
    """Every local link of every page (the theme's, the book's, the term definitions') reaches a file,
    and its #anchor an element of that file."""
    ids: dict[Path, set[str]] = {}

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8", errors="ignore")))
        return ids[path]

    broken = []
    for page in [*PAGES, "search.html", "genindex.html"]:
        source = HTML / page
        for href in HREF.findall(source.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", href) or href.startswith("//"):
                continue  # another host, mailto: and the like
            path, _, anchor = href.partition("#")
            target = (source.parent / path.partition("?")[0]).resolve() if path else source
            if not target.exists():
                broken.append(f"{page}: {href} (no file)")
            elif anchor and target.suffix == ".html" and anchor not in anchors(target):
                broken.append(f"{page}: {href} (no #{anchor})")
    assert not broken, f"{len(broken)} links lead nowhere: {broken[:10]}"
