"""Time per notebook of the sandboxed grader (a measurement, not a test).

    python benchmarks/grading.py [COPIES]

Grades a folder holding COPIES (default 3) correct student-edition notebooks of every chapter with
autograded exercises, plus one empty notebook (the sandbox's own start-up cost), each in its own
bubblewrap sandbox, and prints seconds per notebook by chapter. The default timeout (120 s) should
leave a wide margin over the slowest chapter on a loaded machine.
"""

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from widgets import grading, teaching


def submissions(folder: Path, copies: int) -> None:
    """Correct notebooks of every chapter (the reference solutions in the answer cells) and an empty one."""
    edition = folder / "edition"
    teaching.student_edition(edition)
    (folder / "class").mkdir()
    for chapter in teaching.chapters():
        blank = nbformat.read(edition / f"{chapter}.ipynb", as_version=4)
        for cell in blank.cells:
            if cell.id.endswith("-code"):
                cell.source = (teaching.SOLUTIONS / f"{cell.id.removesuffix('-code')}.py").read_text()
        for copy in range(copies):
            nbformat.write(blank, folder / "class" / f"{chapter}-{copy}.ipynb")
    empty = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
    empty.metadata["otter"] = {"assignment_name": teaching.chapters()[0]}
    nbformat.write(empty, folder / "class" / "~empty.ipynb")


def main(copies: int = 3) -> None:
    limits = grading.Limits()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        submissions(work, copies)
        book = grading.book_copy(teaching.ROOT, work / "book")
        seconds = {}
        for path in sorted((work / "class").glob("*.ipynb")):
            notebook, chapter, _ = grading.read_submission(path)
            variables = {label: entry["variable"] for label, entry in (teaching.answer_key(chapter) or {}).items()}
            start = time.monotonic()
            run = grading.run_sandboxed(json.loads(json.dumps(notebook)), variables, work / "scratch", book, limits)
            name = "empty notebook (sandbox start-up)" if path.name.startswith("~") else chapter
            seconds.setdefault(name, []).append(time.monotonic() - start)
            if run.problem:
                print(f"{path.name}: {run.problem}", file=sys.stderr)
    print(f"{'notebook':45} {'median s':>9} {'max s':>7}  (timeout {limits.timeout:g} s, {copies} copies)")
    for name, times in seconds.items():
        print(f"{name:45} {statistics.median(times):9.1f} {max(times):7.1f}")
    every = [t for name, times in seconds.items() if not name.startswith("empty") for t in times]
    print(f"{'all chapter notebooks':45} {statistics.median(every):9.1f} {max(every):7.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
