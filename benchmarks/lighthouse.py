"""Lighthouse performance of the built book's chapters, served with gzip on 127.0.0.1 (a measurement).

    PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix .ci   # once: the Lighthouse of .ci/package.json
    python benchmarks/lighthouse.py [--runs N] [PAGE ...]

Lighthouse's default settings (mobile: simulated slow 4G, 4x CPU slowdown) against Debian's Chromium.
Each page is measured N times (default 5) one after another, and the run with the median score is
printed with the lowest and highest score: Lighthouse's guide to variability (docs/variability.md)
says a median of 5 runs is twice as stable as one run. Headless runs are bimodal here: the first
paint Chromium reports is at times held back by a whole second (Lighthouse issue #17148), and
Lighthouse's simulation then counts every request made before it. Budget (issue 14): the median
performance score >= 90 on every chapter, with Lighthouse's default settings.

``--cpu-slowdown calibrated`` also follows Lighthouse's docs/throttling.md ("Calibrating the CPU
slowdown"): the default 4x slowdown assumes a high-end desktop, and a run on a slower machine
warns that "the tested device appears to have a slower CPU than Lighthouse expects". The
multiplier that targets the same mid-tier phone is read from that document's table for the
machine's benchmarkIndex (the first run's): 4x from a high-end desktop (1500 and up), 2x from a
low-end desktop (1000-1500) or a high-end phone (800-1200), 1x below.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
import browser_report as br  # noqa: E402
import weak_link  # noqa: E402
from checkers import LIGHTHOUSE  # noqa: E402  (the one the accessibility checks use)

BUDGET = 90
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}


def calibrated(benchmark_index: float) -> int:
    """The CPU slowdown that makes this machine a mid-tier phone, from docs/throttling.md's tables."""
    return 4 if benchmark_index >= 1500 else 2 if benchmark_index >= 800 else 1


def score(url: str, slowdown: int = 4) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--only-categories=performance",
                "--output=json",
                f"--output-path={out}",
                f"--chrome-path={br.CHROMIUM}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                f"--throttling.cpuSlowdownMultiplier={slowdown}",
            ],
            check=True,
            env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
            capture_output=True,
            timeout=300,
        )
        report = json.loads(out.read_text())
    audits = report["audits"]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "benchmark_index": report["environment"]["benchmarkIndex"],
        **{short: audits[key]["displayValue"] for key, short in METRICS.items()},
    }


def median_run(url: str, runs: int, slowdown: int) -> dict:
    """The run with the median score (the lower middle one for an even count), with the range of scores."""
    results = sorted((score(url, slowdown) for _ in range(runs)), key=lambda r: r["score"])
    middle = statistics.median_low([r["score"] for r in results])
    chosen = next(r for r in results if r["score"] == middle)
    return {**chosen, "range": f"{results[0]['score']}-{results[-1]['score']}"}


def main(pages: list[str], runs: int, cpu: str):
    if not LIGHTHOUSE.exists():
        sys.exit(f"no {LIGHTHOUSE}: run `PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix .ci` first")
    pages = pages or [p for p in br.toc_pages(HERE.parent) if p.startswith("chapters/")]
    if cpu == "calibrated":  # one run first, for this machine's benchmarkIndex
        with weak_link.serve() as base:
            slowdown = calibrated(score(f"{base}/{pages[0]}")["benchmark_index"])
    else:
        slowdown = int(cpu)
    settings = "default mobile settings" if slowdown == 4 else f"mobile settings, CPU slowdown {slowdown}x"
    print(f"\nLighthouse ({settings}), median of {runs} runs a page, performance budget >= {BUDGET}")
    head = f"{'page':46} {'score':>5} {'range':>7}  " + "  ".join(f"{m:>8}" for m in METRICS.values())
    print(head)
    print("-" * len(head))
    scores, indices = [], []
    with weak_link.serve() as base:
        for page in pages:
            r = median_run(f"{base}/{page}", runs, slowdown)
            scores.append(r["score"])
            indices.append(r["benchmark_index"])
            print(
                f"{page:46} {r['score']:5d} {r['range']:>7}  " + "  ".join(f"{r[m]:>8}" for m in METRICS.values()),
                "" if r["score"] >= BUDGET else " NO",
                flush=True,
            )
    print(
        f"lowest score {min(scores)}; chapters at or above {BUDGET}: {sum(s >= BUDGET for s in scores)} of {len(scores)};"
        f" this machine's benchmarkIndex {min(indices):.0f}-{max(indices):.0f}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs a page (the median is printed)")
    parser.add_argument("--cpu-slowdown", default="4", help="a multiplier, or 'calibrated' (default: 4, Lighthouse's)")
    parser.add_argument("pages", nargs="*", help="pages of the built book (default: every chapter)")
    args = parser.parse_args()
    main(args.pages, args.runs, args.cpu_slowdown)
