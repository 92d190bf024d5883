"""Visit built pages in a real browser, record what a reader meets, and report it.

:func:`visit` loads one page from a local server in a fresh Chromium context and records
facts (a :class:`PageResult`); the ``*_problems`` functions turn those facts into failure
messages, so the tests in ``test_browser.py`` and the report printed at the end of the run
(:func:`format_report`, called by the ``pytest_terminal_summary`` hook in ``conftest.py``)
read the same record. Nothing here passes or fails by itself.

What is checked, and the rules behind the judgement calls:

Network
    Every request to a host other than the local server is aborted and recorded (the book
    must work offline). A failed request is a local request that did not complete, or a
    response with status 400 or more, seen by the page or in the server's log (which also
    catches requests the page's events miss).
    The browser's automatic ``/favicon.ico`` request is not made by the page: its 404 is
    reported, not failed. Requests made while axe runs are not counted: axe re-fetches
    ``@import``-ed style sheets against the page's URL instead of the sheet's (the theme's
    ``@import "../basic.css"`` becomes a bogus ``/basic.css``), a flaw of the tool.
Charts
    Every ``.vega-chart`` must hold an ``<svg>`` with drawn marks (children of Vega's
    ``.role-mark`` groups) and a text alternative: a non-empty ``aria-label`` on the chart
    container (the book's renderer writes the spec's ``description`` there) or on the svg, or
    an svg ``<title>``. Static charts are inline SVG drawn at build time; an explorer shows its
    build-time picture until the page's loader has made it live (``data-live``), and the visit
    waits for that.
Explorers and sliders
    An explorer is a chart with Vega bindings. Each ``input[type=range]`` is focused and
    moved with the keyboard: Home, then End. Each move must set the value to the slider's
    min / max (so the keyboard works), must change the chart's svg (unless the slider
    already sat at its minimum), and must leave drawn marks (a slider that empties the
    chart at an extreme is broken). Then it is put back at its starting value, so each slider
    is tried from the explorer's opening state.
Dead controls
    Controls are ``input``, ``select``, ``textarea`` and ``button`` elements inside the page's
    content, ``.bd-article``; the theme's header, sidebars, search and navigation lie
    outside it and are the theme's own business. Each is operated once, as a reader would:
    a slider as above; a select takes each of its other options; a checkbox or radio is
    clicked (on its label if the input itself is covered, as in CSS tabs; a checked radio
    after the rest of its group); a text field is filled and Enter pressed; a button is
    clicked. A control inside a chart must change that chart's svg. Any other control must
    change the document outside the theme's chrome -- a DOM mutation (a sphinx-togglebutton
    reveals its content, a copy button shows "Copied!") or a change in which content
    elements are visible (CSS-only widgets such as sphinx-design tabs mutate nothing).
    Mutations inside controls operated earlier are ignored (a copy button restores its own
    icon two seconds later). Closed ``<details>`` are opened first and controls are worked
    in rounds, so controls revealed by a toggle are checked too. A control that is disabled,
    or still hidden after every toggle was operated, is dead.
Keyboard
    Starting from the top of the page, Tab is pressed until every focusable, visible
    element of ``.bd-article`` has received focus (links, buttons, sliders, anything with
    ``tabindex >= 0``; one stop per radio group). Focus that stops moving is a keyboard
    trap; elements never reached are failures. Sliders are then moved with Home and End
    (above), which is the keyboard proof for them.
Accessibility
    axe-core (the copy shipped in the ``axe-playwright-python`` wheel) runs on the whole
    page, theme included, with its default rule set plus ``label-content-name-mismatch``
    (``AXE_RUN``), after the controls were operated (so revealed solutions are checked too).
    Any violation fails, whatever its impact (critical, serious, moderate or minor).
Weight
    A page's own bytes are its HTML file (inline chart specs and data live in it) plus
    every local file it loads that no other checked page loads, outside ``_static/``.
    ``_static/`` (theme, Vega and MathJax bundles) and files several pages load are shared
    and cached by the browser, so they are not charged to any page. Sizes are file sizes
    on disk (the test server does not compress). The limit is 1.5 MB = 1,500,000 bytes.
Phones, dark mode and print (:func:`visit_phone`)
    Each page is visited again at 360 px (light mode) and 390 px (dark mode). No page may be
    wider than the screen; no element of the content may stick out of it unless it sits in a box
    that scrolls sideways; a chart's svg must fit its box; a table, code block or display
    equation wider than its box must scroll in it, a table with a visible cue (a background
    shadow at the edge that has more). Inputs, selects, buttons and summaries in the content
    must be at least 24 x 24 px (WCAG 2.2 target size; links in running text are exempt).
    In dark mode, with every toggle opened, axe's colour-contrast rule (4.5:1) must find nothing
    (svg and MathML are left out: chart text sits on the chart's own card, and axe takes minutes
    on thousands of formula nodes). With print media emulated, no control, code toggle or
    solution may be visible in the content, and every chart's svg must be.
Screenshot
    A full-page JPEG of each page as first drawn (before any control is touched) goes to
    ``_build/screenshots/<page path with / as __>.jpg`` (JPEG: a long chapter is 35,000 px tall).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import http.server
import os
import re
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
VIEWPORT = {"width": 1280, "height": 800}
MAX_PAGE_BYTES = 1_500_000
IMPACTS = ("critical", "serious", "moderate", "minor")
FAILING_IMPACTS = IMPACTS  # any axe violation fails, whatever its impact
CONTENT = ".bd-article"
# Where the theme's own scripts write (scroll-spy, sidebars): mutations there prove nothing about a control.
THEME_CHROME = ".bd-header, .bd-header-article, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-footer, nav"
SOURCE_SUFFIXES = (".md", ".ipynb", ".rst", ".myst")
BROWSER_REQUESTS = {"/favicon.ico"}  # made by the browser itself, not by any page


# --------------------------------------------------------------------------- table of contents


def toc_pages(root: Path) -> list[str]:
    """Every page named in ``_toc.yml`` (root, files, globs, at any depth), as built ``.html`` paths."""
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    names: list[str] = []

    def strip(name: str) -> str:
        name = str(name)
        for suffix in SOURCE_SUFFIXES:
            if name.endswith(suffix):
                return name[: -len(suffix)]
        return name

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            if "root" in node:
                names.append(strip(node["root"]))
            if "file" in node:
                names.append(strip(node["file"]))
            if "glob" in node:
                for path in sorted(root.glob(node["glob"])):
                    if path.suffix in SOURCE_SUFFIXES:
                        names.append(path.relative_to(root).with_suffix("").as_posix())
            for key in ("parts", "chapters", "sections", "subtrees", "entries"):
                if key in node:
                    walk(node[key])

    walk(toc)
    return [f"{name}.html" for name in dict.fromkeys(names)]


# --------------------------------------------------------------------------- server and browser


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a directory and keeps a log of (path, status) instead of printing it."""

    log: list

    def log_request(self, code="-", size="-"):
        with contextlib.suppress(ValueError, TypeError):
            self.log.append((urlsplit(self.path).path, int(code)))

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """A threaded HTTP server on 127.0.0.1 for ``directory``; yields (base_url, request_log)."""
    log: list = []
    handler = functools.partial(type("Handler", (_Handler,), {"log": log}), directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", log
    finally:
        httpd.shutdown()
        httpd.server_close()


def chromium_missing_message() -> str | None:
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return None
    return (
        "Chromium is not installed, so the browser tests cannot run and the book is untested as "
        "readers see it. Install Debian's package: `apt-get install -y chromium` (.ci/run does "
        "this when it runs as root). Never run `playwright install`."
    )


@contextlib.contextmanager
def launch():
    """One headless Chromium (the system's) for the whole session."""
    message = chromium_missing_message()
    if message:
        raise RuntimeError(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


# --------------------------------------------------------------------------- records


@dataclasses.dataclass
class Chart:
    id: str
    has_svg: bool
    marks: int
    label: str
    hidden: bool
    explorer: bool
    sliders: int
    data: bool  # a table view and CSV of its rows follow it (widgets/chartdata.py)


@dataclasses.dataclass
class Control:
    """One control in the content and what operating it did."""

    kind: str  # 'range', 'select', 'checkbox', 'text', 'button', ...
    name: str  # its label, text or id, for messages
    in_chart: str  # id of the enclosing .vega-chart, or ''
    changed: bool  # operating it changed the chart (in_chart) or the document
    problems: list[str] = dataclasses.field(default_factory=list)
    detail: dict = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class PageResult:
    page: str
    url: str = ""
    crash: str = ""
    foreign: list[str] = dataclasses.field(default_factory=list)
    failed: list[str] = dataclasses.field(default_factory=list)
    errors: list[str] = dataclasses.field(default_factory=list)
    server_errors: list[str] = dataclasses.field(default_factory=list)
    browser_404s: list[str] = dataclasses.field(default_factory=list)
    loaded: list[str] = dataclasses.field(default_factory=list)  # local paths requested during the visit
    charts: list[Chart] = dataclasses.field(default_factory=list)
    controls: list[Control] = dataclasses.field(default_factory=list)
    tab_stops: int = 0
    keyboard_missing: list[str] = dataclasses.field(default_factory=list)
    keyboard_stuck: str = ""
    axe: list[dict] = dataclasses.field(default_factory=list)
    axe_error: str = ""
    html_bytes: int = 0
    screenshot: str = ""
    seconds: float = 0.0
    steps: dict = dataclasses.field(default_factory=dict)  # seconds spent in each step of the visit

    @property
    def sliders(self) -> list[Control]:
        return [c for c in self.controls if c.kind == "range"]

    @property
    def explorers(self) -> list[Chart]:
        return [c for c in self.charts if c.explorer]


# --------------------------------------------------------------------------- in-page scripts

CHART_FACTS = """() => [...document.querySelectorAll('.vega-chart')].map(c => {
  const svg = c.querySelector('svg');
  const title = svg && svg.querySelector(':scope > title');
  const byId = id => { const e = id && document.getElementById(id); return e ? e.textContent : ''; };
  const label = [c.getAttribute('aria-label'), byId(c.getAttribute('aria-labelledby')),
                 svg && svg.getAttribute('aria-label'), svg && byId(svg.getAttribute('aria-labelledby')),
                 title && title.textContent].find(t => t && t.trim()) || '';
  return {id: c.id, has_svg: !!svg, marks: svg ? svg.querySelectorAll('.role-mark > *').length : 0,
          label: label.trim(),
          hidden: !!c.closest('[aria-hidden="true"]') || (!!svg && svg.getAttribute('aria-hidden') === 'true'),
          explorer: !!c.querySelector('.vega-bindings input, .vega-bindings select'),
          sliders: c.querySelectorAll('input[type=range]').length,
          data: !!document.querySelector('#' + c.id + '-data table') && !!document.querySelector('#' + c.id + '-data a[download]')};
})"""

READY = """() => Promise.race([new Promise(done => setTimeout(done, 10000)), Promise.all([document.fonts.ready,
  window.MathJax && MathJax.startup && MathJax.startup.promise].filter(Boolean))]).then(() => true)"""

# Explorers are built when they near the screen (bookbuild/static/explorers.js): pass each one, as a reader scrolling would.
SCROLL_PAST_EXPLORERS = """async () => {
  for (const el of document.querySelectorAll('.vega-explorer')) {
    el.scrollIntoView({block: 'center'});
    await new Promise(done => setTimeout(done, 120));
  }
  window.scrollTo(0, 0);
}"""

# Off-screen sections and outputs are skipped until they near the screen (content-visibility in
# book.css). Checks that read or click the whole page (controls, axe, overflow) first render all of it,
# as a reader scrolling through would have it (Playwright's own scrolling does not make skipped content
# render), and wait two frames for what runs after a layout (the theme's tab stops). The keyboard walk
# runs before, on the page as loaded: focus renders what it reaches.
RENDER_ALL = """async () => {
  const style = document.createElement('style');
  style.textContent = '* { content-visibility: visible !important; }';
  document.head.append(style);
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""

ALL_DRAWN = (
    "() => [...document.querySelectorAll('.vega-chart')]"
    ".every(c => c.querySelectorAll('svg .role-mark > *').length > 0)"
    " && [...document.querySelectorAll('.vega-explorer[data-spec]')].every(c => c.dataset.live)"
)

# Tab walk: a focusin listener numbers every element that takes focus (in a WeakMap: no DOM change).
KEYBOARD_SETUP = """(content) => {
  const ids = new WeakMap(); let next = 0;
  const id = el => { if (!ids.has(el)) ids.set(el, ++next); return ids.get(el); };
  window.__kb = {ids, id, seen: [], expected: []};
  document.addEventListener('focusin', e => window.__kb.seen.push(id(e.target)), true);
  const tabbable = el => el.tabIndex >= 0 && !el.disabled && !el.closest('[inert]')
    && !(el.tagName === 'A' && !el.hasAttribute('href'))
    && !(el.tagName === 'INPUT' && el.type === 'hidden')
    && el.checkVisibility({visibilityProperty: true})
    && tabStopOfGroup(el);
  // Tab stops once in a radio group (at its checked radio, else its first); arrows move within it.
  function tabStopOfGroup(el) {
    if (el.type !== 'radio' || !el.name) return true;
    const group = [...document.getElementsByName(el.name)].filter(o => o.type === 'radio');
    return el.checked || (!group.some(o => o.checked) && group[0] === el);
  }
  const describe = el => (el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "'
    + (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 60) + '"');
  const root = document.querySelector(content);
  window.__kb.expected = root ? [...root.querySelectorAll('*')].filter(tabbable).map(el => [id(el), describe(el)]) : [];
  window.__kb.describe = describe;
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  return [...document.querySelectorAll('*')].filter(tabbable).length;
}"""

KEYBOARD_STATE = """() => {
  const kb = window.__kb, seen = new Set(kb.seen);
  return {presses_seen: kb.seen.length, distinct: seen.size,
          missing: kb.expected.filter(([i]) => !seen.has(i)).map(([, d]) => d),
          active: document.activeElement ? kb.describe(document.activeElement) : ''};
}"""

MUTATIONS_SETUP = """(chrome) => {
  // Count DOM changes, except in the theme's chrome and inside controls operated earlier
  // (a copy button resets its own icon two seconds after a click: that proves nothing about the next control).
  window.__mut = 0; window.__done = new WeakSet(); window.__current = null;
  const earlier = t => { for (let e = t; e; e = e.parentElement) if (window.__done.has(e) && e !== window.__current) return true; return false; };
  new MutationObserver(list => {
    for (const m of list) {
      const t = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      if (t && !t.closest(chrome) && !earlier(t)) window.__mut++;
    }
  }).observe(document.documentElement, {subtree: true, attributes: true, childList: true, characterData: true});
}"""

CONTROL_SELECTOR = "input:not([type=hidden]), select, textarea, button"

CONTROL_FACTS = """(el) => {
  const chart = el.closest('.vega-chart');
  const label = el.labels && el.labels[0] ? el.labels[0] : null;
  const bindName = label && label.querySelector('.vega-bind-name');  // without the value vega-embed shows
  const name = (el.getAttribute('aria-label') || (bindName || label || {}).textContent || el.textContent
                || el.name || el.id || el.className || '').replace(/\\s+/g, ' ').trim().slice(0, 80);
  // The values Home and End must reach: the browser clamps to min/max and aligns max to the step.
  let low = null, high = null;
  if (el.type === 'range') { const c = el.cloneNode(); c.value = el.min || '0'; low = +c.value;
                             c.value = el.max || '100'; high = +c.value; }
  // A checked radio is operated after the others of its group (clicking it first would change nothing).
  const group = el.type === 'radio' && el.name ? [...document.getElementsByName(el.name)] : [];
  return {tag: el.tagName.toLowerCase(), type: (el.type || '').toLowerCase(), name,
          chart: chart ? chart.id : '', disabled: !!el.disabled,
          visible: el.checkVisibility({visibilityProperty: true}),
          defer: el.checked && group.some(o => o !== el && !window.__done.has(o)),
          min: low, max: high, value: el.value};
}"""

# Outside charts, a control works if it changes the DOM or what is visible in the content (CSS-only
# widgets such as sphinx-design tabs switch content with :checked and change no DOM node).
VISIBLE_SIGNATURE = f"""() => {{ let s = ''; const root = document.querySelector('{CONTENT}');
  if (root) for (const el of root.querySelectorAll('*')) s += el.checkVisibility({{visibilityProperty: true}}) ? '1' : '0';
  return s; }}"""
PAGE_SNAPSHOT = f"() => {{ window.__mut = 0; window.__vis = ({VISIBLE_SIGNATURE})(); }}"
PAGE_CHANGED = f"() => window.__mut > 0 || ({VISIBLE_SIGNATURE})() !== window.__vis"

SVG_SNAPSHOT = """(el) => {
  const c = el.closest('.vega-chart'); const svg = c && c.querySelector('svg');
  el.__before = svg ? svg.innerHTML : null;
}"""
SVG_CHANGED = """(el) => {
  const c = el.closest('.vega-chart'); const svg = c && c.querySelector('svg');
  return !!svg && svg.innerHTML !== el.__before;
}"""
SVG_MARKS = """(el) => {
  const c = el.closest('.vega-chart'); const svg = c && c.querySelector('svg');
  return svg ? svg.querySelectorAll('.role-mark > *').length : 0;
}"""


# --------------------------------------------------------------------------- the visit


def _settle(tab, timeout_ms: int = 1500) -> None:
    """Wait until the document stops changing (no counted mutation for 60 ms), at most ``timeout_ms``."""
    quiet = (
        "() => new Promise(done => { const last = window.__mut; setTimeout(() => done(window.__mut === last), 60); })"
    )
    deadline = time.perf_counter() + timeout_ms / 1000
    while time.perf_counter() < deadline and not tab.evaluate(quiet):
        pass


def _wait(tab, expression: str, arg=None, timeout_ms: int = 2000) -> bool:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        tab.wait_for_function(expression, arg=arg, timeout=timeout_ms)
        return True
    except PlaywrightTimeout:
        return False


def _operate_slider(tab, handle, facts: dict) -> Control:
    control = Control("range", facts["name"], facts["chart"], changed=False)
    lo, hi = float(facts["min"]), float(facts["max"])
    start = float(facts["value"])
    control.detail = {"min": lo, "max": hi, "start": start}
    handle.scroll_into_view_if_needed()
    handle.focus()
    observe = SVG_CHANGED if facts["chart"] else PAGE_CHANGED
    snapshot = (lambda: handle.evaluate(SVG_SNAPSHOT)) if facts["chart"] else (lambda: tab.evaluate(PAGE_SNAPSHOT))
    changes = []
    for key, target in (("Home", lo), ("End", hi)):
        _settle(tab, 1000)
        snapshot()
        tab.keyboard.press(key)
        value = float(handle.evaluate("el => el.value"))
        if abs(value - target) > 1e-9 * max(1.0, abs(target)):
            control.problems.append(
                f"{key} left the slider at {value}, not at {target}: it does not move with the keyboard"
            )
        must_change = not (key == "Home" and start == lo)
        if must_change:
            arg = handle if facts["chart"] else None
            changed = _wait(tab, observe, arg=arg, timeout_ms=1500)
            changes.append(changed)
            if not changed:
                control.problems.append(
                    f"moving it to its {'minimum' if key == 'Home' else 'maximum'} "
                    f"({target:g}) changed nothing in the chart"
                )
            _settle(tab, 1000)
        if facts["chart"]:
            marks = handle.evaluate(SVG_MARKS)
            control.detail[f"marks_at_{'min' if key == 'Home' else 'max'}"] = marks
            if marks == 0:
                control.problems.append(
                    f"at its {'minimum' if key == 'Home' else 'maximum'} ({target:g}) the chart draws no marks"
                )
    control.changed = bool(changes) and all(changes)
    # Put it back where the reader found it, so the next slider of the explorer is tried from the
    # explorer's opening state (one parameter can matter only at some values of another).
    if start != float(handle.evaluate("el => el.value")):
        snapshot()
        handle.evaluate(
            "(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true}));"
            " el.dispatchEvent(new Event('change', {bubbles: true})); }",
            facts["value"],
        )
        _wait(tab, observe, arg=handle if facts["chart"] else None, timeout_ms=1500)
    return control


def _operate(tab, handle, facts: dict) -> Control:
    """Operate one control once, as a reader would; record whether anything changed."""
    kind = facts["type"] if facts["tag"] == "input" else facts["tag"]
    if kind == "range":
        return _operate_slider(tab, handle, facts)
    control = Control(kind, facts["name"], facts["chart"], changed=False)
    in_chart = bool(facts["chart"])
    observe = SVG_CHANGED if in_chart else PAGE_CHANGED
    arg = handle if in_chart else None

    def arm():
        _settle(tab, 1000)
        if in_chart:
            handle.evaluate(SVG_SNAPSHOT)
        else:
            tab.evaluate(PAGE_SNAPSHOT)

    def click():  # as a reader: on the control, or on its label when the control itself is covered
        try:
            handle.click(timeout=2000)
        except Exception:
            label = handle.evaluate_handle("el => el.labels && el.labels[0]").as_element()
            if label is None:
                raise
            label.click(timeout=2000)

    handle.scroll_into_view_if_needed(timeout=3000)
    try:
        if kind == "select":
            options = handle.evaluate("el => [...el.options].map(o => o.value)")
            current = handle.evaluate("el => el.value")
            for value in [v for v in options if v != current]:
                arm()
                handle.select_option(value)
                control.changed |= _wait(tab, observe, arg=arg, timeout_ms=1500)
        elif kind in ("checkbox", "radio"):
            arm()
            click()
            control.changed = _wait(tab, observe, arg=arg, timeout_ms=1500)
        elif kind in ("text", "search", "number", "email", "url", "tel", "textarea", "password"):
            arm()
            handle.fill("2" if kind == "number" else "a reader typed this")
            handle.press("Enter")
            control.changed = _wait(tab, observe, arg=arg, timeout_ms=1500)
        else:  # button, submit, reset, color, date, ...
            handle.evaluate(AWAY_FROM_OPENING)
            arm()
            url = tab.url
            click()
            control.changed = _wait(tab, observe, arg=arg, timeout_ms=1500) or tab.url != url
    except Exception as exc:  # a control the browser cannot operate is as dead as one that does nothing
        control.problems.append(f"could not be operated: {str(exc).splitlines()[0]}")
    if not control.changed and not control.problems:
        control.problems.append("operating it changed nothing" + (" in its chart" if in_chart else " on the page"))
    return control


PENDING = "el => !window.__done.has(el)"
# An explorer's reset does something only away from the opening state: a reader moves a slider first.
AWAY_FROM_OPENING = """el => { if (!el.matches('.explorer-reset')) return;
  const input = el.closest('.vega-explorer').querySelector('.vega-bindings input[type=range]');
  input.value = +input.value === +input.max ? input.min : input.max;
  input.dispatchEvent(new Event('input', {bubbles: true})); }"""


def _check_controls(tab) -> list[Control]:
    tab.evaluate(MUTATIONS_SETUP, THEME_CHROME)
    tab.evaluate(f"() => document.querySelectorAll('{CONTENT} details:not([open])').forEach(d => d.open = true)")
    selector = f"{CONTENT} :is({CONTROL_SELECTOR})"
    results: list[Control] = []
    for _round in range(5):  # toggles reveal content: work in rounds until no new control is visible
        fresh = False
        for handle in tab.query_selector_all(selector):
            if not handle.evaluate(PENDING):
                continue
            facts = handle.evaluate(CONTROL_FACTS)
            if facts["disabled"] or not facts["visible"] or facts["defer"]:
                continue
            handle.evaluate("el => { window.__current = el; window.__done.add(el); }")
            fresh = True
            results.append(_operate(tab, handle, facts))
        if not fresh:
            break
    for handle in tab.query_selector_all(selector):
        if handle.evaluate(PENDING):
            facts = handle.evaluate(CONTROL_FACTS)
            why = "is disabled" if facts["disabled"] else "stays hidden after every toggle on the page was operated"
            kind = facts["type"] if facts["tag"] == "input" else facts["tag"]
            results.append(Control(kind, facts["name"], facts["chart"], False, [f"{why}: a reader cannot use it"]))
    return results


def _walk_keyboard(tab, result: PageResult) -> None:
    total = tab.evaluate(KEYBOARD_SETUP, CONTENT)
    state = tab.evaluate(KEYBOARD_STATE)
    presses, last_seen, batch = 0, 0, 10
    while state["missing"] and presses < total + 3 * batch:
        for _ in range(batch):
            tab.keyboard.press("Tab")
        presses += batch
        state = tab.evaluate(KEYBOARD_STATE)
        if state["presses_seen"] == last_seen:
            result.keyboard_stuck = f"focus stopped moving at {state['active']} ({batch} Tab presses did nothing)"
            break
        last_seen = state["presses_seen"]
    result.tab_stops = state["distinct"]
    result.keyboard_missing = state["missing"]


# axe's default rules plus an experimental one the book cares about: a control's accessible name must
# contain its visible text (WCAG 2.5.3), so a speech user can say what they see.
AXE_RUN = """() => axe.run(document, {resultTypes: ['violations'],
  rules: {'label-content-name-mismatch': {enabled: true}}})"""


def _run_axe(tab) -> list[dict]:
    from axe_playwright_python.base import AXE_SCRIPT

    tab.evaluate(AXE_SCRIPT)
    response = tab.evaluate(AXE_RUN)
    return [
        {
            "id": v["id"],
            "impact": v.get("impact") or "minor",
            "help": v["help"],
            "nodes": [{"target": " ".join(map(str, n["target"])), "html": n["html"][:200]} for n in v["nodes"]],
        }
        for v in response["violations"]
    ]


def screenshot_name(page: str) -> str:
    return re.sub(r"\.html$", "", page).replace("/", "__") + ".jpg"


def visit(
    browser,
    base: str,
    page: str,
    html_dir: Path | None = None,
    server_log: list | None = None,
    screenshots: Path | None = None,
) -> PageResult:
    """Load ``page`` from ``base`` in a fresh context and record everything the checks need."""
    started = time.perf_counter()
    result = PageResult(page=page, url=f"{base}/{page}")
    if html_dir is not None and (html_dir / page).exists():
        result.html_bytes = (html_dir / page).stat().st_size
    recording = {"on": True}
    context = browser.new_context(viewport=VIEWPORT, reduced_motion="reduce")

    def route(r):
        url = r.request.url
        if url.startswith(base + "/") or url == base or url.split(":", 1)[0] in ("data", "blob", "about"):
            r.continue_()
        else:
            result.foreign.append(url)
            r.abort("blockedbyclient")

    inflight: set = set()

    def on_request(r):
        inflight.add(r)
        if recording["on"] and r.url.startswith(base):
            result.loaded.append(unquote(urlsplit(r.url).path))

    def on_failed(r):
        inflight.discard(r)
        if recording["on"] and r.url.startswith(base):
            result.failed.append(f"{r.failure} {r.url[len(base) :]}")

    def on_response(r):
        if recording["on"] and r.status >= 400:
            result.failed.append(f"HTTP {r.status} {r.url}")

    def on_console(m):
        if recording["on"] and m.type == "error":
            if "net::ERR_BLOCKED_BY_CLIENT" in m.text:
                return  # the foreign request it names is recorded (and failed) on its own
            result.errors.append(f"{m.text} (at {m.location.get('url', '')}:{m.location.get('lineNumber', '')})")

    def on_pageerror(e):
        if recording["on"]:
            result.errors.append(f"uncaught: {e}")

    context.route("**/*", route)
    clock = [time.perf_counter()]

    def step(name):
        now = time.perf_counter()
        result.steps[name] = round(now - clock[0], 2)
        clock[0] = now

    log_start = len(server_log) if server_log is not None else 0
    try:
        tab = context.new_page()
        tab.on("request", on_request)
        tab.on("requestfailed", on_failed)
        tab.on("requestfinished", lambda r: inflight.discard(r))
        tab.on("response", on_response)
        tab.on("console", on_console)
        tab.on("pageerror", on_pageerror)
        tab.goto(result.url, wait_until="load", timeout=30_000)
        with contextlib.suppress(Exception):  # fonts and MathJax typesetting done, so the screenshot is complete
            tab.evaluate(READY)
        tab.evaluate(SCROLL_PAST_EXPLORERS)
        _wait(tab, ALL_DRAWN, timeout_ms=10_000)  # a chart that never draws fails its check below
        result.charts = [Chart(**c) for c in tab.evaluate(CHART_FACTS)]
        step("load")
        if screenshots is not None:
            path = screenshots / screenshot_name(page)
            path.parent.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(path), full_page=True, type="jpeg", quality=70)
            result.screenshot = str(path)
        step("screenshot")
        _walk_keyboard(tab, result)
        step("keyboard")
        tab.evaluate(RENDER_ALL)
        result.controls = _check_controls(tab)
        step("controls")
        deadline = time.perf_counter() + 5
        while inflight and time.perf_counter() < deadline:  # let late requests finish (or fail) on the record
            tab.wait_for_timeout(50)
        recording["on"] = False
        if server_log is not None:
            for path, status in server_log[log_start:]:
                if status >= 400:
                    (result.browser_404s if path in BROWSER_REQUESTS else result.server_errors).append(
                        f"HTTP {status} {path}"
                    )
        try:
            result.axe = _run_axe(tab)
        except Exception as exc:
            result.axe_error = str(exc).splitlines()[0]
        step("axe")
    except Exception as exc:
        result.crash = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    finally:
        context.close()
        result.seconds = time.perf_counter() - started
    return result


# --------------------------------------------------------------------------- phones, dark mode, print

PHONE_WIDTHS = (360, 390)
MIN_TARGET = 24  # px, WCAG 2.2 target size (minimum); inline links in text are exempt
TOUCH_SELECTOR = "input, select, button, summary"

# What overflows a phone's width, and whether it scrolls inside its own box with a cue at the edge.
PHONE_FACTS = f"""(minTarget) => {{
  const vw = document.documentElement.clientWidth;
  const content = document.querySelector('{CONTENT}');
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : '');
  const scroller = el => {{ for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {{
      const o = getComputedStyle(e).overflowX; if ((o === 'auto' || o === 'scroll') && e.clientWidth <= vw) return e; }}
    return null; }};
  const out = {{page_width: document.documentElement.scrollWidth, viewport: vw, wide: [], charts: [], boxes: [], small: []}};
  if (!content) return out;
  for (const el of content.querySelectorAll('*')) {{
    if (el.closest('svg, math')) continue;  // drawings and formulas are checked as a whole, below
    const r = el.getBoundingClientRect();
    if (r.right > vw + 1 && el.checkVisibility() && !scroller(el)) out.wide.push(describe(el) + ' ' + Math.round(r.right) + 'px');
  }}
  for (const c of content.querySelectorAll('.vega-chart')) {{
    const svg = c.querySelector('svg'); if (!svg) continue;
    const r = svg.getBoundingClientRect(), box = c.getBoundingClientRect();
    if (r.right > Math.min(vw, box.right) + 1 || r.left < -1) out.charts.push('#' + c.id + ' ' + Math.round(r.width) + 'px wide in ' + Math.round(box.width) + 'px');
  }}
  for (const el of content.querySelectorAll('table, pre, div.math-display, math[display=block]')) {{
    const box = scroller(el) || el;
    if (box.scrollWidth <= box.clientWidth + 1) continue;
    const style = getComputedStyle(box);
    const scrolls = ['auto', 'scroll'].includes(style.overflowX);
    const cue = el.tagName !== 'TABLE' || style.backgroundImage !== 'none';
    if (!scrolls || !cue) out.boxes.push(describe(el) + (scrolls ? ' scrolls with no visible cue' : ' is wider than its box and does not scroll'));
  }}
  for (const el of content.querySelectorAll('{TOUCH_SELECTOR}')) {{
    if (!el.checkVisibility() || el.type === 'hidden') continue;
    const r = el.getBoundingClientRect();
    if (r.width < minTarget || r.height < minTarget)
      out.small.push(describe(el) + ' "' + (el.getAttribute('aria-label') || el.textContent || el.name || '').trim().slice(0, 40) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height) + 'px');
  }}
  return out;
}}"""

# After print media is on: controls, code toggles and solutions must not show; every chart must.
PRINT_FACTS = f"""() => {{
  const content = document.querySelector('{CONTENT}') || document.body;
  const shown = sel => [...content.querySelectorAll(sel)].filter(e => e.checkVisibility());
  return {{controls: shown('input, select, button, .vega-bindings').length,
          toggles: shown('details.hide > summary, .toggle-button').length,
          solutions: shown('.solution').length,
          skipped: [...content.querySelectorAll('*')].filter(e => getComputedStyle(e).contentVisibility !== 'visible').length,
          charts: [...content.querySelectorAll('.vega-chart')]  // its drawing, or the laptop layout print shows instead
            .filter(c => ![...c.querySelectorAll('svg:not(svg svg)')].some(s => s.checkVisibility())).map(c => c.id)}};
}}"""

OPEN_EVERYTHING = f"""() => {{
  document.querySelectorAll('{CONTENT} details').forEach(d => d.open = true);
  document.querySelectorAll('{CONTENT} .toggle-button').forEach(b => b.click());
}}"""


@dataclasses.dataclass
class PhoneResult:
    """One visit of a page at a phone's width, in one colour mode, then as printed."""

    page: str
    width: int
    mode: str
    crash: str = ""
    facts: dict = dataclasses.field(default_factory=dict)
    contrast: list[dict] = dataclasses.field(default_factory=list)
    printed: dict = dataclasses.field(default_factory=dict)


def visit_phone(browser, base: str, page: str, width: int, mode: str) -> PhoneResult:
    """Load ``page`` at ``width`` px in ``mode`` ('light' or 'dark'); record overflow, targets, print.

    In dark mode axe's colour-contrast rule also runs, with every toggle opened (light mode's contrast
    is checked by the full axe run of :func:`visit`; axe takes up to a minute on the longest page).
    """
    result = PhoneResult(page, width, mode)
    context = browser.new_context(
        viewport={"width": width, "height": 800}, is_mobile=True, has_touch=True, reduced_motion="reduce"
    )
    context.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort("blockedbyclient"))
    try:
        tab = context.new_page()
        tab.goto(f"{base}/{page}", wait_until="load", timeout=30_000)
        tab.evaluate(SCROLL_PAST_EXPLORERS)
        _wait(tab, ALL_DRAWN, timeout_ms=10_000)
        tab.emulate_media(media="print")  # the page as the reader had it: answers folded
        result.printed = tab.evaluate(PRINT_FACTS)
        tab.emulate_media(media="screen")
        tab.evaluate(RENDER_ALL)
        result.facts = tab.evaluate(PHONE_FACTS, MIN_TARGET)
        if mode == "dark":
            tab.evaluate(OPEN_EVERYTHING)
            tab.wait_for_timeout(200)
            from axe_playwright_python.base import AXE_SCRIPT

            tab.evaluate(AXE_SCRIPT)
            response = tab.evaluate(
                "() => axe.run({exclude: [['svg'], ['math']]}, {runOnly: ['color-contrast'], resultTypes: ['violations']})"
            )
            result.contrast = [
                {
                    "target": " ".join(map(str, n["target"])),
                    "summary": (n.get("failureSummary") or "").splitlines()[-1:],
                }
                for v in response["violations"]
                for n in v["nodes"]
            ]
    except Exception as exc:
        result.crash = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    finally:
        context.close()
    return result


def phone_problems(r: PhoneResult) -> list[str]:
    if r.crash:
        return [f"the {r.width} px visit failed: {r.crash}"]
    f, at = r.facts, f"at {r.width} px ({r.mode})"
    out = []
    if f["page_width"] > f["viewport"] + 1:
        out.append(f"{at} the page scrolls sideways: {f['page_width']} px wide in a {f['viewport']} px screen")
    out += [f"{at} sticks out of the screen: {w}" for w in f["wide"][:5]]
    out += [f"{at} chart cut off: {c}" for c in f["charts"]]
    out += [f"{at} {b}" for b in f["boxes"]]
    return out


def touch_problems(r: PhoneResult) -> list[str]:
    if r.crash:
        return [f"the {r.width} px visit failed: {r.crash}"]
    return [f"at {r.width} px a touch target under {MIN_TARGET} px: {s}" for s in r.facts["small"]]


def contrast_problems(r: PhoneResult) -> list[str]:
    if r.crash:
        return [f"the {r.width} px visit failed: {r.crash}"]
    return [f"{r.mode} mode: text below 4.5:1 at {c['target']} {' '.join(c['summary'])}" for c in r.contrast]


def print_problems(r: PhoneResult) -> list[str]:
    if r.crash:
        return [f"the {r.width} px visit failed: {r.crash}"]
    p, out = r.printed, []
    for key, what in (("controls", "controls"), ("toggles", "code or answer toggles"), ("solutions", "solutions")):
        if p[key]:
            out.append(f"printing shows {p[key]} {what}")
    if p["skipped"]:
        out.append(f"printing skips {p['skipped']} boxes (content-visibility)")
    out += [f"printing loses chart #{c}" for c in p["charts"]]
    return out


# --------------------------------------------------------------------------- judgements


def _crash(r: PageResult) -> list[str]:
    return [f"the visit itself failed: {r.crash}"] if r.crash else []


def network_problems(r: PageResult) -> list[str]:
    out = _crash(r)
    out += [f"asked another host for {u}" for u in r.foreign]
    out += [f"failed request: {f}" for f in r.failed]
    out += [f"server answered {e}" for e in r.server_errors if not any(e.split()[-1] in f for f in r.failed)]
    out += [f"console error: {e}" for e in r.errors]
    return out


def chart_problems(r: PageResult) -> list[str]:
    out = _crash(r)
    for c in r.charts:
        if not c.has_svg:
            out.append(f"chart #{c.id} has no <svg> (the book renders charts as SVG)")
        elif c.marks == 0:
            out.append(f"chart #{c.id} drew no marks")
    return out


def explorer_problems(r: PageResult) -> list[str]:
    out = _crash(r)
    for s in r.sliders:
        out += [f"slider '{s.name}' (chart #{s.in_chart or '-'}): {p}" for p in s.problems]
    for c in r.explorers:
        if c.sliders and not any(s.in_chart == c.id for s in r.sliders):
            out.append(f"explorer #{c.id}: none of its {c.sliders} sliders could be exercised")
    return out


def control_problems(r: PageResult) -> list[str]:
    out = _crash(r)
    return out + [
        f"dead control: {c.kind} '{c.name}'{' in chart #' + c.in_chart if c.in_chart else ''}: {p}"
        for c in r.controls
        for p in c.problems
    ]


def a11y_problems(r: PageResult) -> list[str]:
    out = _crash(r)
    if r.axe_error:
        out.append(f"axe-core did not run: {r.axe_error}")
    for v in r.axe:
        if v["impact"] in FAILING_IMPACTS:
            where = "; ".join(f"{n['target']}: {n['html']}" for n in v["nodes"][:3])
            more = f" (+{len(v['nodes']) - 3} more)" if len(v["nodes"]) > 3 else ""
            out.append(f"axe {v['impact']} '{v['id']}': {v['help']} -- {where}{more}")
    for c in r.charts:
        if c.hidden:
            out.append(f"chart #{c.id} is hidden from assistive technology (aria-hidden)")
        elif not c.label:
            out.append(f"chart #{c.id} has no text alternative (aria-label, or an svg <title>)")
    return out


def keyboard_problems(r: PageResult) -> list[str]:
    out = _crash(r)
    if r.keyboard_stuck:
        out.append(f"keyboard trap: {r.keyboard_stuck}")
    out += [f"Tab never reaches {m}" for m in r.keyboard_missing]
    for s in r.sliders:
        out += [f"slider '{s.name}': {p}" for p in s.problems if "keyboard" in p]
    return out


def own_assets(results: list[PageResult], html_dir: Path) -> dict[str, dict[str, int]]:
    """Per page: the local files only it loads, outside _static/ (and not the page itself), with sizes."""
    users: dict[str, set[str]] = {}
    for r in results:
        for path in set(r.loaded):
            users.setdefault(path, set()).add(r.page)
    own: dict[str, dict[str, int]] = {r.page: {} for r in results}
    for path, pages in users.items():
        rel = path.lstrip("/")
        if len(pages) != 1 or rel.startswith("_static/"):
            continue
        (page,) = pages
        file = html_dir / rel
        if rel != page and file.is_file():
            own[page][rel] = file.stat().st_size
    return own


def page_bytes(r: PageResult, own: dict[str, dict[str, int]]) -> int:
    return r.html_bytes + sum(own.get(r.page, {}).values())


def weight_problems(r: PageResult, own: dict[str, dict[str, int]]) -> list[str]:
    out = _crash(r)
    if not r.html_bytes:
        out.append(f"{r.page} is not in the built book")
    total = page_bytes(r, own)
    if total >= MAX_PAGE_BYTES:
        biggest = sorted(own.get(r.page, {}).items(), key=lambda kv: -kv[1])[:3]
        out.append(
            f"{r.page} weighs {human(total)} of its own (limit {human(MAX_PAGE_BYTES)}): "
            f"HTML {human(r.html_bytes)}" + "".join(f", {p} {human(n)}" for p, n in biggest)
        )
    return out


# --------------------------------------------------------------------------- the report


def human(n: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return str(n)


def tree_bytes(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file()) if directory.exists() else 0


def build_seconds(root: Path) -> str:
    """The build's wall time as .ci/run records it (env BOOK_BUILD_SECONDS or _build/build_seconds.txt)."""
    value = os.environ.get("BOOK_BUILD_SECONDS", "").strip()
    file = root / "_build" / "build_seconds.txt"
    if not value and file.exists():
        value = file.read_text().strip()
    with contextlib.suppress(ValueError):
        return f"{float(value):.0f} s"
    return "unknown (.ci/run writes _build/build_seconds.txt)"


@dataclasses.dataclass
class Session:
    """What the browser suite saw in this pytest run; printed by conftest's terminal-summary hook."""

    root: Path | None = None
    html_dir: Path | None = None
    results: list[PageResult] = dataclasses.field(default_factory=list)
    started: float = 0.0
    crawl_seconds: float = 0.0
    finished: float = 0.0
    missing: str = ""  # why the browser could not run, if it could not


SESSION = Session()


def format_report(session: Session = SESSION) -> str:
    results, html_dir = session.results, session.html_dir
    own = own_assets(results, html_dir)
    sliders = [s for r in results for s in r.sliders]
    controls = [c for r in results for c in r.controls]
    by_impact = {i: [0, 0, set()] for i in IMPACTS}  # violations (rule x page), nodes, rule ids
    for r in results:
        for v in r.axe:
            entry = by_impact.setdefault(v["impact"], [0, 0, set()])
            entry[0] += 1
            entry[1] += len(v["nodes"])
            entry[2].add(v["id"])
    heaviest = sorted(results, key=lambda r: -page_bytes(r, own))[:3]
    static = tree_bytes(html_dir / "_static")
    site = tree_bytes(html_dir)
    suite = (session.finished or time.perf_counter()) - session.started if session.started else 0.0
    failing = sum(
        bool(
            network_problems(r)
            or chart_problems(r)
            or explorer_problems(r)
            or control_problems(r)
            or a11y_problems(r)
            or keyboard_problems(r)
            or weight_problems(r, own)
        )
        for r in results
    )
    favicon = sum(len(r.browser_404s) for r in results)
    lines = [
        f"pages checked        {len(results)} (from _toc.yml; {failing} with a problem)",
        f"charts               {sum(len(r.charts) for r in results)}: {sum(c.marks > 0 for r in results for c in r.charts)} "
        f"drawn ({sum(c.marks for r in results for c in r.charts)} marks), "
        f"{sum(bool(c.label) for r in results for c in r.charts)} with a text alternative",
        f"charts with data and table: {sum(c.data for r in results for c in r.charts)} of "
        f"{sum(len(r.charts) for r in results)}",
        f"explorers            {sum(len(r.explorers) for r in results)}; sliders exercised {len(sliders)} "
        f"(Home and End, {sum(not s.problems for s in sliders)} working)",
        f"controls operated    {len(controls)} ({sum(bool(c.problems) for c in controls)} dead)",
        f"keyboard             {sum(r.tab_stops for r in results)} tab stops reached, "
        f"{sum(len(r.keyboard_missing) for r in results)} unreachable, {sum(bool(r.keyboard_stuck) for r in results)} traps",
        f"requests blocked     {sum(len(r.foreign) for r in results)} to other hosts; "
        f"{sum(len(r.failed) for r in results)} failed locally"
        + (f"; browser's own /favicon.ico 404 on {favicon} page(s), reported only" if favicon else ""),
        "axe violations       "
        + ", ".join(
            f"{i} {n[0]}" + (f" ({', '.join(sorted(n[2]))}; {n[1]} nodes)" if n[0] else "")
            for i, n in by_impact.items()
        ),
        "heaviest pages       "
        + "; ".join(f"{r.page} {human(page_bytes(r, own))}" for r in heaviest)
        + f"  (limit {human(MAX_PAGE_BYTES)})",
        f"site size            {human(site)} in _build/html ({human(static)} shared _static/, "
        f"{human(site - static)} pages and the rest)",
        f"screenshots          {len([r for r in results if r.screenshot])} in "
        f"{(session.root / '_build' / 'screenshots') if session.root else '_build/screenshots'}",
        f"wall time            build {build_seconds(session.root) if session.root else 'unknown'}; "
        f"browser suite {suite:.1f} s (visits {session.crawl_seconds:.1f} s, slowest "
        + ", ".join(f"{r.page} {r.seconds:.1f} s" for r in sorted(results, key=lambda r: -r.seconds)[:2])
        + ")",
    ]
    return "\n".join(lines)
