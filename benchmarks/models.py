"""Speed and size of every registered model, printed as a table (a measurement, not a test).

    python benchmarks/models.py

Budgets (issue: the shared simulation library): .run() under 2 ms median at defaults,
a slider update (model run plus chart spec) under 50 ms, an in-page explorer built in
under 2 s and under 400 KB of page HTML.
"""

import statistics
import time

from widgets import charts, explorer
from widgets.models import REGISTRY

charts.use()  # the book's theme, as a chapter's import cell sets it, so the explorer's HTML is the book's
HORIZON_WORDS = ("year", "horizon", "period", "round", "step")
BUDGETS = {"run_ms": 2, "update_ms": 50, "explorer_s": 2, "explorer_kb": 400}


def median_seconds(fn, repeat=25):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def longest(model) -> dict:
    """Every horizon-like parameter at its maximum."""
    return {p.name: p.max for p in model.params if any(w in p.name for w in HORIZON_WORDS)}


def measure(name: str) -> dict:
    model = REGISTRY[name]
    run = median_seconds(model.run)
    run_long = median_seconds(lambda: model.run(**longest(model)))
    update = median_seconds(lambda: explorer.chart(name).to_dict(), repeat=10)
    start = time.perf_counter()
    html = charts.offline_html(explorer.explorer(name).to_dict())["text/html"]
    built = time.perf_counter() - start
    return {
        "model": name,
        "run_ms": run * 1e3,
        "run_longest_ms": run_long * 1e3,
        "update_ms": update * 1e3,
        "explorer_s": built,
        "explorer_kb": len(html.encode()) / 1024,
    }


def main():
    rows = [measure(name) for name in sorted(REGISTRY)]
    head = f"{'model':24} {'run ms':>8} {'longest ms':>10} {'update ms':>9} {'explorer s':>10} {'explorer KB':>11}  within budget"
    print(head)
    print("-" * len(head))
    for r in rows:
        ok = all(r[k] < limit for k, limit in BUDGETS.items())
        print(
            f"{r['model']:24} {r['run_ms']:8.3f} {r['run_longest_ms']:10.3f} {r['update_ms']:9.1f} "
            f"{r['explorer_s']:10.2f} {r['explorer_kb']:11.0f}  {'yes' if ok else 'NO'}"
        )
    print(
        f"\nbudgets: run < {BUDGETS['run_ms']} ms, update < {BUDGETS['update_ms']} ms, "
        f"explorer < {BUDGETS['explorer_s']} s and < {BUDGETS['explorer_kb']} KB"
    )


if __name__ == "__main__":
    main()
