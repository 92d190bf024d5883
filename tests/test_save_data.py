"""A reader on a metered or 2g link: no prefetch of the Vega runtime, and explorers still load when near.

test_no_prefetch_when_saving_data   with Save-Data or a 2g link a page without explorers asks for nothing more
test_explorer_loads_when_near       with Save-Data an explorer still goes live when scrolled to
"""

import browser_report as br
import pytest
from conftest import HTML, ROOT

PAGES = br.toc_pages(ROOT)
LINKS = {"save-data": "{saveData: true, effectiveType: '4g'}", "2g": "{saveData: false, effectiveType: '2g'}"}


def _tab(browser, connection: str):
    """A phone-sized tab whose browser reports `connection` as navigator.connection."""
    context = browser.new_context(viewport=br.VIEWPORT)
    context.add_init_script(f"Object.defineProperty(navigator, 'connection', {{value: {connection}}});")
    return context, context.new_page()


@pytest.mark.parametrize("link", LINKS)
def test_no_prefetch_when_saving_data(browser, link):
    plain = next(p for p in PAGES if "vega-explorer" not in (HTML / p).read_text(encoding="utf-8"))
    context, tab = _tab(browser, LINKS[link])
    try:
        tab.goto((HTML / plain).as_uri(), wait_until="load")
        tab.wait_for_timeout(2000)  # the prefetch would come a second after load
        asked = tab.evaluate("() => document.querySelectorAll('link[rel=prefetch], script[src*=vega-bundle]').length")
    finally:
        context.close()
    assert asked == 0, f"{plain} with {link}: the Vega runtime was prefetched"


def test_explorer_loads_when_near(browser):
    page = next(p for p in PAGES if "vega-explorer" in (HTML / p).read_text(encoding="utf-8"))
    context, tab = _tab(browser, LINKS["save-data"])
    try:
        tab.goto((HTML / page).as_uri(), wait_until="load")
        tab.evaluate("() => document.querySelector('.vega-explorer').scrollIntoView()")
        tab.wait_for_function("() => document.querySelector('.vega-explorer').dataset.live", timeout=30_000)
    finally:
        context.close()
