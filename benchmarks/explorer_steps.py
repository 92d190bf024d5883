"""How long an explorer's slider step takes to redraw in the HTML book (a measurement, not a test).

    python benchmarks/explorer_steps.py [--cpu-slowdown N] [PAGE ...]

Serves ``_build/html`` as benchmarks/weak_link.py does and opens every chapter with explorers in
Debian's Chromium at 390 px. Each explorer is scrolled to and waited for until it is live; then each of
its sliders is moved ten steps (up five, back down), as arrow keys would, by setting the value and
firing ``input``. A step's time is the main thread's work for it: from the ``input`` event until Vega
has changed the drawing, plus the next frame's own work (its style, layout and paint, from the start of
that frame's animation callbacks until the frame is done); waiting for the screen's next refresh is
not counted. Printed per explorer: its marks, the median and the slowest step.

Budget (issue 14): a slider step redraws within one frame, median under 17 ms on the heaviest
explorer (the one with the most drawn elements), at this machine's own speed. ``--cpu-slowdown 4``
also shows it on Lighthouse's emulated mid-tier phone.
"""

import argparse
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
import browser_report as br  # noqa: E402
import weak_link  # noqa: E402

BUDGET_MS = 17
MOVES = 5  # steps up, then as many back down

STEPS = """async ([el, moves]) => {
  el.scrollIntoView({block: 'center'});
  const start = performance.now();
  while (!(el.dataset.live && el.querySelector('.vega-bindings input')) && performance.now() - start < 20000)
    await new Promise(done => setTimeout(done, 50));
  const frame = () => new Promise(done => requestAnimationFrame(() => {
    const begun = performance.now();
    setTimeout(() => done(performance.now() - begun), 0);
  }));
  await frame();
  const times = [];
  for (const input of el.querySelectorAll('.vega-bindings input[type=range]')) {
    const step = +input.step || (input.max - input.min) / 10, first = +input.value;
    const up = first + moves * step <= +input.max ? 1 : -1;
    const path = [...Array(moves).keys()].map(i => first + up * (i + 1) * step);
    for (const value of [...path, ...path.reverse().slice(1), first]) {
      const changed = new Promise(done => {
        const watch = new MutationObserver(() => { watch.disconnect(); done(); });
        watch.observe(el, {subtree: true, childList: true, attributes: true, characterData: true});
        setTimeout(() => { watch.disconnect(); done(); }, 1000);
      });
      const before = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', {bubbles: true}));
      await changed;
      const drawn = performance.now() - before;
      times.push(drawn + await frame());
    }
  }
  return {id: el.id, elements: el.querySelectorAll('svg *').length, times};
}"""


def measure(pages: list[str], slowdown: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with weak_link.serve() as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=br.CHROMIUM, args=br.FLAGS)
        for page in pages:
            context = browser.new_context(viewport=weak_link.VIEWPORT, is_mobile=True, has_touch=True)
            tab = context.new_page()
            cdp = context.new_cdp_session(tab)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
            tab.goto(f"{base}/{page}", wait_until="load")
            for explorer in tab.locator(".vega-explorer").all():
                r = explorer.evaluate(f"el => ({STEPS})([el, {MOVES}])")
                rows.append({"page": page, **r})
            context.close()
        browser.close()
    return rows


def main(pages: list[str], slowdown: int):
    html = weak_link.HTML
    pages = pages or [p for p in br.toc_pages(HERE.parent) if "vega-explorer" in (html / p).read_text(encoding="utf-8")]
    print(f"\nExplorer slider steps at 390 px, CPU slowdown {slowdown}x: main-thread work per step (ms)")
    head = f"{'page':46} {'explorer':16} {'elements':>8} {'steps':>5} {'median':>7} {'slowest':>7}"
    print(head)
    print("-" * len(head))
    rows = measure(pages, slowdown)
    for r in rows:
        t = r["times"]
        print(f"{r['page']:46} {r['id']:16} {r['elements']:8d} {len(t):5d} {statistics.median(t):7.1f} {max(t):7.1f}")
    heaviest = max(rows, key=lambda r: r["elements"])
    median = statistics.median(heaviest["times"])
    verdict = (
        f"budget < {BUDGET_MS} ms{'' if median < BUDGET_MS else ' NO'}" if slowdown == 1 else "budget judged at 1x"
    )
    overall = statistics.median(t for r in rows for t in r["times"])
    print(
        f"heaviest explorer {heaviest['id']} ({heaviest['page']}, {heaviest['elements']} elements): median"
        f" {median:.1f} ms ({verdict}); all steps: median {overall:.1f} ms"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cpu-slowdown", type=int, default=1, help="Chromium's CPU throttling rate (default 1)")
    parser.add_argument("pages", nargs="*", help="pages of the built book (default: every page with explorers)")
    args = parser.parse_args()
    main(args.pages, args.cpu_slowdown)
