"""The built book as a reader's browser sees it: every page in _toc.yml, served locally.

Checks that no request leaves the local server, that nothing fails to load or logs an
error, and that every chart draws marks. Needs a built book (`jupyter-book build`) and
Debian's Chromium at /usr/bin/chromium; without either it fails and says so.
"""
import functools
import http.server
import re
import shutil
import threading

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from conftest import HTML, ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def toc_pages():
    """Every file named in _toc.yml, as its built .html path (the root first)."""
    toc = (ROOT / "_toc.yml").read_text()
    names = re.findall(r"^\s*(?:root|- file):\s*(\S+)", toc, re.M)
    return [f"{name}.html" for name in names]


@pytest.fixture(scope="module")
def server():
    assert (HTML / "index.html").exists(), "no built book in _build/html: run the README's build command first"
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(HTML))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    assert shutil.which(CHROMIUM), (
        "Chromium is not installed: the browser tests cannot run. Install it with "
        "`apt-get install -y chromium` (.ci/run does this); never `playwright install`.")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def test_toc_lists_pages():
    assert "chapters/00_the_debate.html" in toc_pages()


@pytest.mark.parametrize("page", toc_pages())
def test_page_loads_offline_and_draws_its_charts(server, browser, page):
    context = browser.new_context()
    foreign, failed, errors = [], [], []

    def route(r):
        if r.request.url.startswith(server):
            r.continue_()
        else:
            foreign.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("requestfailed", lambda r: failed.append(r.url) if r.url.startswith(server) else None)
    tab.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(f"{server}/{page}", wait_until="load")
    count_marks = "els => els.map(e => e.querySelectorAll('svg .role-mark > *').length)"
    try:  # give Vega time to draw; a chart that never draws fails the assertion below
        tab.wait_for_function(f"({count_marks})([...document.querySelectorAll('.vega-chart')]).every(n => n > 0)",
                              timeout=10_000)
    except PlaywrightTimeout:
        pass
    drawn = tab.eval_on_selector_all(".vega-chart", count_marks)
    context.close()
    assert not foreign, f"{page} asked another host for {foreign}"
    assert not failed, f"{page}: failed requests {failed}"
    assert not errors, f"{page}: console errors {errors}"
    assert all(n > 0 for n in drawn), f"{page}: a chart drew no marks ({drawn})"
    if page.startswith("chapters/"):
        assert drawn, f"{page}: a chapter page with no chart"
