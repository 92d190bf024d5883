"""Lighthouse performance of the built book's chapters, served with gzip on 127.0.0.1 (a measurement).

    PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix .ci   # once: the Lighthouse of .ci/package.json
    python benchmarks/lighthouse.py [PAGE ...]

Lighthouse's default settings (mobile: simulated slow 4G, 4x CPU slowdown) against Debian's Chromium.
Prints per page the performance score and its metrics; budget (issue 14): performance >= 90.
"""

import json
import os
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


def main(pages: list[str] | None = None):
    if not LIGHTHOUSE.exists():
        sys.exit(f"no {LIGHTHOUSE}: run `PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix .ci` first")
    pages = pages or [p for p in br.toc_pages(HERE.parent) if p.startswith("chapters/")]
    print(f"\nLighthouse (default mobile settings), performance budget >= {BUDGET}")
    head = f"{'page':46} {'score':>5}  " + "  ".join(f"{m:>8}" for m in METRICS.values())
    print(head)
    print("-" * len(head))
    scores = []
    with weak_link.serve() as base:
        for page in pages:
            r = score(f"{base}/{page}")
            scores.append(r["score"])
            print(
                f"{page:46} {r['score']:5d}  " + "  ".join(f"{r[m]:>8}" for m in METRICS.values()),
                "" if r["score"] >= BUDGET else " NO",
                flush=True,
            )
    print(
        f"lowest score {min(scores)}; chapters at or above {BUDGET}: {sum(s >= BUDGET for s in scores)} of {len(scores)}"
    )


if __name__ == "__main__":
    main(sys.argv[1:] or None)
