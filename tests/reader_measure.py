"""What a phone reader meets in charts, tables and a chapter's first screen, measured in the browser.

Shared by ``tests/test_reader_charts.py`` (which fails on it) and ``benchmarks/chart_text.py`` (which
prints it). Nothing here passes or fails by itself.

Chart text
    The size a reader sees: each ``<text>`` of a chart's svg has its computed font size times the
    scale the page draws it at (``getScreenCTM``: the svg's viewBox scaled to its box, and any
    transform). Empty or hidden text is skipped.
Tables
    A table wider than its box must be laid out for the phone: stacked (its rows shown as cards,
    ``display: block``) or with a sticky first column; its caption must fit the screen (not scroll
    with the table).
First screen
    The top of the chapter's first paragraph of text (a ``<p>`` in the article, outside the learning
    goals and other admonitions) must lie within the first 844 px of a 390 px wide screen.
"""

from pathlib import Path

import browser_report as br

MIN_CHART_TEXT = 11.0  # px, at a 360 px viewport
PHONE = {"width": 360, "height": 800}
FIRST_SCREEN = {"width": 390, "height": 844}

CHART_TEXT = """() => [...document.querySelectorAll('.bd-article .vega-chart')].map(c => {
  const svg = c.querySelector('svg');
  const sizes = [];
  if (svg) for (const t of svg.querySelectorAll('text')) {
    if (!t.textContent.trim() || !t.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const m = t.getScreenCTM(); if (!m) continue;
    const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    sizes.push([Math.round(size * 10) / 10, t.textContent.trim().slice(0, 40)]);
  }
  sizes.sort((a, b) => a[0] - b[0]);
  return {id: c.id, explorer: c.classList.contains('vega-explorer'), width: svg ? Math.round(svg.getBoundingClientRect().width) : 0,
          smallest: sizes.length ? sizes[0][0] : null, text: sizes.length ? sizes[0][1] : ''};
})"""

TABLES = """() => [...document.querySelectorAll('.bd-article table')].map((t, i) => {
  let box = t.parentElement;
  while (box && box !== document.body && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
  const limit = box && box !== document.body ? box.clientWidth : document.documentElement.clientWidth;
  const first = t.querySelector('tbody tr > :first-child');
  const caption = t.querySelector('caption');
  const vw = document.documentElement.clientWidth;
  const cr = caption && caption.getBoundingClientRect();
  return {index: i, id: t.id, width: Math.round(t.scrollWidth), box: Math.round(limit),
          stacked: getComputedStyle(t).display !== 'table',
          sticky: !!first && getComputedStyle(first).position === 'sticky',
          caption_fits: !caption || (cr.left >= -1 && cr.right <= vw + 1)};
})"""

FIRST_PARAGRAPH = """() => {
  const skip = '.admonition, aside, details, nav, .cell, figure, table, .topic, .sidebar, header, .chapter-place';
  const p = [...document.querySelectorAll('.bd-article p')].find(p => !p.closest(skip) && p.textContent.trim().length > 40
    && p.checkVisibility());
  return p ? {top: Math.round(p.getBoundingClientRect().top + window.scrollY), text: p.textContent.trim().slice(0, 60)} : null;
}"""


def pages(root: Path) -> list[str]:
    """Every page of the table of contents."""
    return br.toc_pages(root)


def open_page(browser, base: str, page: str, viewport: dict):
    """A fresh phone tab on ``page`` with every chart drawn and every explorer live; the caller closes its context."""
    context = browser.new_context(viewport=viewport, is_mobile=True, has_touch=True, reduced_motion="reduce")
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort("blockedbyclient"))
    tab = context.new_page()
    tab.goto(f"{base}/{page}", wait_until="load", timeout=60_000)
    return context, tab


def measure(browser, base: str, page: str) -> dict:
    """Chart text sizes and tables of ``page`` at 360 px, and its first paragraph's top at 390 x 844."""
    context, tab = open_page(browser, base, page, PHONE)
    try:
        tab.evaluate(br.SCROLL_PAST_EXPLORERS)
        br._wait(tab, br.ALL_DRAWN, timeout_ms=15_000)
        tab.evaluate(br.RENDER_ALL)
        charts, tables = tab.evaluate(CHART_TEXT), tab.evaluate(TABLES)
    finally:
        context.close()
    context, tab = open_page(browser, base, page, FIRST_SCREEN)
    try:
        first = tab.evaluate(FIRST_PARAGRAPH)
    finally:
        context.close()
    return {"charts": charts, "tables": tables, "first": first}


def smallest(facts: dict) -> float | None:
    sizes = [c["smallest"] for c in facts["charts"] if c["smallest"] is not None]
    return min(sizes) if sizes else None
