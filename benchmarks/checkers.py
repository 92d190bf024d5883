"""The built book through the checkers web teams trust, printed per page (a measurement, not a test).

    python benchmarks/checkers.py                 # Nu Html Checker, pa11y and axe on every page
    python benchmarks/checkers.py --lighthouse    # and Lighthouse on four chapters

Needs a built book (README's build command), Java, and the npm tools in ``.ci/node_modules``
(``PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix .ci``). ``tests/test_html.py`` fails on any error
these report; this script shows the totals, warnings included, and Lighthouse's scores
(target: 100 in accessibility, best practices and SEO).
"""

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import browser_report as br  # noqa: E402
import checkers  # noqa: E402

LIGHTHOUSE_PAGES = [
    "chapters/10_wage_gaps_and_migradollars.html",
    "chapters/21_brain_gain.html",
    "chapters/40_bridges.html",
    "chapters/50_synthesis.html",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=checkers.ROOT / "_build" / "html")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse on four chapters")
    args = parser.parse_args()
    problem = checkers.missing_tools()
    if problem:
        sys.exit(problem)
    pages = checkers.book_pages()
    nu = checkers.vnu(args.html, pages)
    with br.serve(args.html) as (base, _log):
        a11y = checkers.pa11y(base, pages)
        with br.launch() as browser:
            axe = {page: checkers.axe(browser, base, page) for page in pages}
        scores = {page: checkers.lighthouse(f"{base}/{page}") for page in LIGHTHOUSE_PAGES} if args.lighthouse else {}

    header = f"{'page':50} {'vnu err':>7} {'vnu warn':>8} {'pa11y err':>9} {'pa11y warn':>10} {'axe viol':>8}"
    print(header)
    print("-" * len(header))
    totals = Counter()
    for page in pages:
        row = {
            "vnu err": len(checkers.vnu_errors(nu[page])),
            "vnu warn": len(checkers.vnu_warnings(nu[page])),
            "pa11y err": sum(i["type"] == "error" for i in a11y[page]),
            "pa11y warn": sum(i["type"] == "warning" for i in a11y[page]),
            "axe viol": sum(len(v["nodes"]) for v in axe[page]),
        }
        totals.update(row)
        print(f"{page:50} " + " ".join(f"{row[k]:>{len(k)}}" for k in row))
    print(f"{'total (' + str(len(pages)) + ' pages)':50} " + " ".join(f"{totals[k]:>{len(k)}}" for k in row))
    print("axe counts nodes over every impact (critical to minor); pa11y runs WCAG2AA with warnings included.")
    for label, found in (
        ("vnu errors", [m["message"] for p in pages for m in checkers.vnu_errors(nu[p])]),
        ("pa11y errors", [i["code"] + ": " + i["message"] for p in pages for i in a11y[p] if i["type"] == "error"]),
        ("axe violations", [f"{v['impact']} {v['id']}: {v['help']}" for p in pages for v in axe[p]]),
    ):
        for message, n in Counter(found).most_common(15):
            print(f"  {label}: {n} x {message[:160]}")
    if scores:
        print()
        print(f"{'Lighthouse':50} " + " ".join(f"{c:>14}" for c in checkers.LIGHTHOUSE_CATEGORIES))
        for page, s in scores.items():
            print(f"{page:50} " + " ".join(f"{s[c]:>14}" for c in checkers.LIGHTHOUSE_CATEGORIES))
            if s["failing audits"]:
                print(f"  below 1: {', '.join(s['failing audits'])}")


if __name__ == "__main__":
    main()
