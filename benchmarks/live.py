"""Slider-to-redraw time of the live panels, per chapter, in a real JupyterLab (a measurement, not a test).

    python benchmarks/live.py [CHAPTER.ipynb ...]

Starts JupyterLab on 127.0.0.1 over a copy of chapters/, opens each chapter in Debian's Chromium
(every request to another host blocked), runs all cells, then moves every slider of every live
panel and in-kernel explorer one step with the keyboard, timing the key press to the first change
of the drawing (tests/lab.py has the rules). Budget (issue 12): median under 150 ms per chapter.
The machine's load average is printed with the figures: the redraw is drawn in the kernel, so on a
2-core machine shared with other work the times grow with the load.
"""

import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import browser_report as br  # noqa: E402
import lab  # noqa: E402

BUDGET_MS = 150


def main(names: list[str]) -> int:
    names = names or sorted(p.name for p in (ROOT / "chapters").glob("*.ipynb"))
    results = []
    with lab.jupyterlab(ROOT / "chapters") as (base, token), br.launch() as browser:
        for name in names:
            results.append(lab.run_chapter(browser, base, token, name))
            print(f"{name}: {len(results[-1].redraw_ms)} moves", file=sys.stderr)
    print(lab.report(results))
    over = [r.chapter for r in results if r.redraw_ms and statistics.median(r.redraw_ms) >= BUDGET_MS]
    print(f"load average (1, 5, 15 min): {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"budget: median under {BUDGET_MS} ms per chapter; over budget: {', '.join(over) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
