"""The built book on a phone over a weak school connection, measured (a measurement, not a test).

    python benchmarks/weak_link.py            # every page of _toc.yml, then Lighthouse on every chapter
    python benchmarks/weak_link.py --no-lighthouse

Serves ``_build/html`` on 127.0.0.1 with gzip and a short cache lifetime, as a static host does, and
loads every page of the table of contents in Debian's Chromium at 390 x 844 px with the network
emulated at 400 kbit/s down and up, 400 ms round trip: first with a cold cache, then (in the same
browser context, so with its cache) the next page of the table of contents. Each visit lasts until
the network has been quiet for 2 s (a reader reads; pages without explorers prefetch the Vega
bundle when idle). Printed per page:

- FCP: first contentful paint (the browser's own ``paint`` timing);
- charts: when every chart of the parsed page had an SVG with drawn marks (static charts, and the
  opening picture of each explorer, are inline SVG);
- explorers: when the last explorer had live sliders (its Vega view replaced the build-time drawing;
  the page is scrolled past each explorer as soon as it has loaded, as a reader scrolling through);
- bytes: transferred (compressed, as on the wire, headers included) and raw (decoded bodies).

Budgets (issue 14): FCP <= 3 s on every page with every static chart drawn by then; cold transfer
<= 600 KB compressed; a warm visit of the next page <= 150 KB; every explorer live within 20 s.
Then Lighthouse (benchmarks/lighthouse.py: default mobile settings, same gzip server, median of 5
runs) scores every chapter; budget: performance >= 90.
"""

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import browser_report as br  # noqa: E402  (the suite's table-of-contents reader and launch flags)

HTML = ROOT / "_build" / "html"
DOWN_BPS = 400_000  # bits per second
RTT_MS = 400
VIEWPORT = {"width": 390, "height": 844}
BUDGET = {"fcp_s": 3.0, "cold_kb": 600, "warm_kb": 150, "explorer_s": 20.0}
COMPRESSIBLE = (".html", ".css", ".js", ".svg", ".json", ".txt", ".map", ".xml")
MAX_AGE = 600  # seconds; short, like the static hosts that serve course sites

# Polls from the first byte of the page: when were all charts drawn, when had the last explorer live sliders?
PROBE = """(() => {
  const t = {charts: null, explorers: null, n_charts: 0, n_explorers: 0, n_live: 0};
  window.__weak = t;
  const tick = () => {
    const charts = [...document.querySelectorAll('.vega-chart')];
    const ex = [...document.querySelectorAll('.vega-explorer')];
    const drawn = charts.every(c => c.querySelector('svg .role-mark > *'));
    // Static charts and explorers' opening pictures are inline: all drawn once parsed (first time only).
    if (t.charts === null && drawn && document.readyState !== 'loading') t.charts = performance.now();
    const live = ex.filter(e => e.dataset.live && e.querySelector('.vega-bindings input')).length;
    if (live > t.n_live) t.explorers = performance.now();
    Object.assign(t, {n_charts: charts.length, n_explorers: ex.length, n_live: live});
    if (document.readyState !== 'complete' || live < ex.length) setTimeout(tick, 25);
  };
  tick();
})();"""


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it, with Cache-Control and Last-Modified."""

    cache: dict = {}

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", f"public, max-age={MAX_AGE}")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzip_ok and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        key = (path, path.stat().st_mtime)
        if key not in self.cache:
            self.cache[key] = gzip.compress(path.read_bytes(), compresslevel=6)
        body = self.cache[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(directory: Path = HTML):
    handler = functools.partial(GzipHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def visit(tab, cdp, url: str) -> dict:
    """Load ``url`` in ``tab`` under the emulated network; timings in seconds, bytes as transferred/decoded."""
    wire, raw, requests, cached, done = {}, {}, {}, set(), set()
    cdp.on("Network.requestServedFromCache", lambda e: cached.add(e["requestId"]))
    cdp.on("Network.loadingFailed", lambda e: done.add(e["requestId"]))
    cdp.on("Network.requestWillBeSent", lambda e: requests.setdefault(e["requestId"], e["request"]["url"]))
    cdp.on(
        "Network.dataReceived", lambda e: raw.__setitem__(e["requestId"], raw.get(e["requestId"], 0) + e["dataLength"])
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: (wire.__setitem__(e["requestId"], e["encodedDataLength"]), done.add(e["requestId"])),
    )
    tab.goto(url, wait_until="load", timeout=120_000)
    deadline = time.perf_counter() + 40
    while time.perf_counter() < deadline:
        tab.evaluate(br.SCROLL_PAST_EXPLORERS)  # explorers are built as they near the screen
        state = tab.evaluate("() => window.__weak")
        if state and state["n_live"] >= state["n_explorers"]:
            break
        tab.wait_for_timeout(200)
    # The reader stays on the page until nothing is in flight for 2 s (at most 60 s more): late
    # requests (the explorer specs, the prefetched Vega bundle) land on this visit's record.
    quiet_since, deadline = time.perf_counter(), time.perf_counter() + 60
    while time.perf_counter() < deadline:
        if set(requests) - done - cached:
            quiet_since = time.perf_counter()
        elif time.perf_counter() - quiet_since > 2:
            break
        tab.wait_for_timeout(200)
    state = tab.evaluate("() => window.__weak")
    fcp = tab.evaluate("() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
    ids = set(requests) - cached
    return {
        "fcp": fcp / 1000 if fcp else None,
        "charts": state["charts"] / 1000 if state["n_charts"] else None,
        "n_charts": state["n_charts"],
        "explorers": state["explorers"] / 1000 if state["n_explorers"] else None,
        "n_explorers": state["n_explorers"],
        "all_live": state["n_live"] >= state["n_explorers"],
        "wire": sum(wire.get(i, 0) for i in ids),
        "raw": sum(raw.get(i, 0) for i in ids),
        "requests": len(ids),
        "from_cache": len(cached & set(requests)),
    }


def measure(pages: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with serve() as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=br.CHROMIUM, args=br.FLAGS)
        for i, page in enumerate(pages):
            following = pages[(i + 1) % len(pages)]
            context = browser.new_context(viewport=VIEWPORT, is_mobile=True, has_touch=True, device_scale_factor=2)
            context.add_init_script(PROBE)
            tab = context.new_page()
            cdp = context.new_cdp_session(tab)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
            cdp.send(
                "Network.emulateNetworkConditions",
                {
                    "offline": False,
                    "latency": RTT_MS,
                    "downloadThroughput": DOWN_BPS / 8,
                    "uploadThroughput": DOWN_BPS / 8,
                },
            )
            cold = visit(tab, cdp, f"{base}/{page}")
            warm = visit(tab, cdp, f"{base}/{following}")
            context.close()
            rows.append({"page": page, "cold": cold, "next": following, "warm": warm})
            print(format_row(rows[-1]), flush=True)
        browser.close()
    return rows


def _s(value) -> str:
    return f"{value:6.2f}" if value is not None else "     -"


def verdict(row: dict) -> list[str]:
    """The budgets a row misses (empty when it meets them all)."""
    cold, warm, out = row["cold"], row["warm"], []
    if cold["fcp"] is None or cold["fcp"] > BUDGET["fcp_s"]:
        out.append("FCP")
    if cold["n_charts"] - cold["n_explorers"] and (cold["charts"] or 99) > max(BUDGET["fcp_s"], cold["fcp"] or 0):
        out.append("charts after FCP budget")
    if cold["wire"] > BUDGET["cold_kb"] * 1000:
        out.append("cold bytes")
    if warm["wire"] > BUDGET["warm_kb"] * 1000:
        out.append("warm bytes")
    if cold["n_explorers"] and (not cold["all_live"] or cold["explorers"] > BUDGET["explorer_s"]):
        out.append("explorers")
    return out


HEAD = (
    f"{'page':46} {'FCP s':>6} {'charts':>10} {'explorers':>10} {'cold KB gz/raw':>15} "
    f"{'warm: next page':46} {'FCP s':>6} {'KB gz/raw':>11}  within budget"
)


def format_row(r: dict) -> str:
    c, w = r["cold"], r["warm"]
    charts = f"{_s(c['charts']) if c['n_charts'] else '     -'} ({c['n_charts']})"
    explorers = f"{_s(c['explorers']) if c['n_explorers'] else '     -'} ({c['n_explorers']})"
    missed = verdict(r)
    return (
        f"{r['page']:46} {_s(c['fcp'])} {charts:>10} {explorers:>10} "
        f"{c['wire'] / 1000:7.0f}/{c['raw'] / 1000:<7.0f} {r['next']:46} {_s(w['fcp'])} "
        f"{w['wire'] / 1000:5.0f}/{w['raw'] / 1000:<5.0f}  {'yes' if not missed else 'NO: ' + ', '.join(missed)}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse scores")
    parser.add_argument("pages", nargs="*", help="pages to measure (default: every page of _toc.yml)")
    args = parser.parse_args()
    if not (HTML / "index.html").exists():
        sys.exit(f"no built book in {HTML}: build it first (README)")
    pages = args.pages or br.toc_pages(ROOT)
    print(
        f"network: {DOWN_BPS // 1000} kbit/s, {RTT_MS} ms round trip; viewport {VIEWPORT['width']} px; "
        f"gzip server on 127.0.0.1\ncharts / explorers: seconds until the last one was drawn / live (count)\n"
    )
    print(HEAD)
    print("-" * len(HEAD))
    rows = measure(pages)
    heaviest = max(rows, key=lambda r: r["cold"]["wire"])
    print(
        f"\nbudgets: FCP <= {BUDGET['fcp_s']} s with static charts drawn; cold <= {BUDGET['cold_kb']} KB "
        f"compressed (heaviest: {heaviest['page']} {heaviest['cold']['wire'] / 1000:.0f} KB); warm next page "
        f"<= {BUDGET['warm_kb']} KB; explorers live <= {BUDGET['explorer_s']} s"
    )
    print(f"pages within every budget: {sum(not verdict(r) for r in rows)} of {len(rows)}")
    if not args.no_lighthouse:
        import lighthouse

        lighthouse.main([p for p in pages if p.startswith("chapters/")], runs=5, cpu="4")


if __name__ == "__main__":
    main()
