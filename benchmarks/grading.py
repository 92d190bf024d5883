"""The grader on a synthetic class of chapter-10 notebooks (a measurement, not a test).

    python benchmarks/grading.py [--size 300] [--jobs N] [--tree PATH] [--timeout 120] [--report HTML]

Writes a class of SIZE student-edition notebooks of chapter 10: 40 % honest and right, 25 % wrong,
25 % left empty, 5 % slow (a 20 s pause, then right), 3 % crashing (the kernel exits) and 2 % asleep
until the timeout. Then runs ``teachkit grade`` on it, with the ``teachkit/`` and the book of
TREE (default: this checkout; give another worktree to measure its grader) and ``--jobs N`` when
given, and prints the wall time, notebooks per minute, the grader process's peak memory (its
VmHWM, sampled until it exits) and the machine's load average before and after: the machine may be
shared. Budget (issue 29): 300 notebooks in at most 20 minutes on two cores, peak under 1 GB.
"""

import argparse
import collections
import csv
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from teachkit import teaching

BOOK = teaching.Book(Path(__file__).resolve().parent.parent)

CHAPTER = "10_wage_gaps_and_migradollars"
MIX = (("right", 0.40), ("wrong", 0.25), ("empty", 0.25), ("slow", 0.05), ("crash", 0.03), ("asleep", 0.02))
WRONG = "answer_ex_10_threshold = 7\n"


def kinds(size: int) -> list[str]:
    """The kind of each of ``size`` submissions, in the proportions of MIX (the rest are right)."""
    counts = {kind: int(size * share) for kind, share in MIX}
    counts["right"] += size - sum(counts.values())
    return [kind for kind, count in counts.items() for _ in range(count)]


def write_class(folder: Path, size: int) -> collections.Counter:
    """Write the class into ``folder``; returns how many of each kind."""
    edition = folder.parent / "edition"
    teaching.student_edition(BOOK, edition)
    blank = nbformat.read(edition / f"{CHAPTER}.ipynb", as_version=4)
    labels = teaching.chapter_labels(BOOK, CHAPTER)
    solutions = {label: (BOOK.solutions / f"{label}.py").read_text() for label in labels}
    folder.mkdir()
    every = kinds(size)
    random.Random(0).shuffle(every)  # slow ones anywhere in the class, the same each run
    for number, kind in enumerate(every):
        notebook = nbformat.from_dict(blank)
        for cell in notebook.cells:
            label = cell.id.removesuffix("-code")
            if cell.id.endswith("-code") and label in solutions:
                cell.source = {"wrong": WRONG if label == "ex-10-threshold" else "pass", "empty": "..."}.get(
                    kind, solutions[label]
                )
        extra = {"slow": "import time\ntime.sleep(20)", "crash": "import os\nos._exit(1)"}.get(kind)
        if kind == "asleep":
            extra = "import time\ntime.sleep(10**6)"
        if extra:
            notebook.cells.insert(2, nbformat.v4.new_code_cell(extra))
        nbformat.write(notebook, folder / f"student-{number:04d}-{kind}.ipynb")
    return collections.Counter(every)


def peak_while_running(process: subprocess.Popen) -> int:
    """The peak resident memory (bytes) of ``process`` itself, read from /proc until it exits."""
    peak = 0
    while process.poll() is None:
        try:
            for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) * 1024)
        except OSError:
            pass
        time.sleep(0.5)
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=None, help="passed on as --jobs (omit for a grader without it)")
    parser.add_argument("--tree", type=Path, default=BOOK.root, help="the checkout whose grader is measured")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--report", type=Path, help="copy the grader's HTML report here, if it wrote one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="grading-benchmark-") as work:
        folder, out = Path(work) / "class", Path(work) / "grades.csv"
        counts = write_class(folder, args.size)
        command = [sys.executable, "-m", "teachkit", "grade", str(folder), "--book", str(args.tree), "--out", str(out)]
        command += ["--timeout", f"{args.timeout:g}"] + (["--jobs", str(args.jobs)] if args.jobs else [])
        path = os.pathsep.join([str(args.tree), str(args.tree / "teachkit")])  # the tree's library and kit
        load_before = os.getloadavg()
        start = time.monotonic()
        process = subprocess.Popen(
            command, cwd=args.tree, env={**os.environ, "PYTHONPATH": path}, stdout=subprocess.DEVNULL
        )
        peak = peak_while_running(process)
        seconds = time.monotonic() - start
        load_after = os.getloadavg()
        with open(out, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        if args.report and out.with_suffix(".html").exists():
            shutil.copy(out.with_suffix(".html"), args.report)
    print(
        f"grader: {args.tree} (jobs: {args.jobs or 'its default'}; {os.cpu_count()} cores; timeout {args.timeout:g} s)"
    )
    print("class: " + ", ".join(f"{count} {kind}" for kind, count in counts.items()))
    print(f"rows: {len(rows)}; full marks: {sum(r['total'] == r['possible'] for r in rows)}")
    print(f"wall time: {seconds:.0f} s ({seconds / 60:.1f} min)")
    print(f"notebooks per minute: {len(rows) / seconds * 60:.1f}")
    print(f"grader peak memory: {peak / 2**20:.0f} MiB")
    print(f"load average (1, 5, 15 min) before: {load_before}, after: {load_after}")


if __name__ == "__main__":
    main()
