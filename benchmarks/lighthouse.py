"""Lighthouse performance of the built book's chapters, served with gzip on 127.0.0.1 (a measurement).

    PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix .ci   # once: the Lighthouse of .ci/package.json
    python benchmarks/lighthouse.py [--runs N] [PAGE ...]

Lighthouse's default settings (mobile: simulated slow 4G, 4x CPU slowdown) against Debian's Chromium.
Each page is measured N times (default 5) one after another, and the run with the median score is
printed with the lowest and highest score: Lighthouse's guide to variability (docs/variability.md)
says a median of 5 runs is twice as stable as one run. Headless runs are bimodal here: the first
paint Chromium reports is at times held back by a whole second (Lighthouse issue #17148), and
Lighthouse's simulation then counts every request made before it. Budget (issue 14): the median
performance score >= 90 on every chapter.
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


def score(url: str) -> dict:
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
        **{short: audits[key]["displayValue"] for key, short in METRICS.items()},
    }


def median_run(url: str, runs: int) -> dict:
    """The run with the median score (the lower middle one for an even count), with the range of scores."""
    results = sorted((score(url) for _ in range(runs)), key=lambda r: r["score"])
    middle = statistics.median_low([r["score"] for r in results])
    chosen = next(r for r in results if r["score"] == middle)
    return {**chosen, "range": f"{results[0]['score']}-{results[-1]['score']}"}


def main(pages: list[str], runs: int):
    if not LIGHTHOUSE.exists():
        sys.exit(f"no {LIGHTHOUSE}: run `PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix .ci` first")
    pages = pages or [p for p in br.toc_pages(HERE.parent) if p.startswith("chapters/")]
    print(f"\nLighthouse (default mobile settings), median of {runs} runs a page, performance budget >= {BUDGET}")
    head = f"{'page':46} {'score':>5} {'range':>7}  " + "  ".join(f"{m:>8}" for m in METRICS.values())
    print(head)
    print("-" * len(head))
    scores = []
    with weak_link.serve() as base:
        for page in pages:
            r = median_run(f"{base}/{page}", runs)
            scores.append(r["score"])
            print(
                f"{page:46} {r['score']:5d} {r['range']:>7}  " + "  ".join(f"{r[m]:>8}" for m in METRICS.values()),
                "" if r["score"] >= BUDGET else " NO",
                flush=True,
            )
    print(
        f"lowest score {min(scores)}; chapters at or above {BUDGET}: {sum(s >= BUDGET for s in scores)} of {len(scores)}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs a page (the median is printed)")
    parser.add_argument("pages", nargs="*", help="pages of the built book (default: every chapter)")
    args = parser.parse_args()
    main(args.pages, args.runs)
