"""Every code block printed in a chapter's ``{solution}`` runs as a student copying it would.

A student who opens a worked solution copies its code into the chapter's notebook, where the
chapter's own import cells have run, and runs it. This test does the same: for each chapter it
starts one Python process, runs the chapter's import cells (code cells made only of import
statements), then runs each ``python`` block of each solution in a fresh copy of those names.
Any error fails the test and names the solution, so a block that uses a name the chapter never
imports (or a module path that does not exist) is caught.

Run ``python tests/test_solutions_run.py`` to print every solution block's result.
"""

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from teachkit import teaching  # noqa: E402

CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
CODE_BLOCK = re.compile(r"^```(?:python|ipython3?)[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)

# Runs in the chapter's process: import cells once, then each block in a copy of their names.
RUNNER = """
import json, sys, traceback
job = json.load(sys.stdin)
names = {"__name__": "__main__"}
for cell in job["imports"]:
    exec(compile(cell, "<import cell>", "exec"), names)
results = []
for label, code in job["blocks"]:
    try:
        exec(compile(code, label, "exec"), dict(names))
        results.append([label, None])
    except BaseException:
        results.append([label, traceback.format_exc(limit=3)])
print(json.dumps(results))
"""


def _sets_up(node: ast.stmt) -> bool:
    """An import, or the set-up call ``charts.use()`` that every chapter's import cell makes."""
    if isinstance(node, ast.Import | ast.ImportFrom):
        return True
    call = node.value if isinstance(node, ast.Expr) else None
    return isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "use"


def is_import_cell(source: str) -> bool:
    """True when a code cell holds only imports and the chapter's set-up call (its set-up cell)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:  # IPython magics (the install-if-missing cell): not a plain import cell
        return False
    return bool(tree.body) and all(_sets_up(node) for node in tree.body)


def import_cells(chapter: Path) -> list[str]:
    """The chapter's import cells, in order."""
    notebook = nbformat.read(chapter, as_version=4)
    return [cell.source for cell in notebook.cells if cell.cell_type == "code" and is_import_cell(cell.source)]


def solution_blocks(chapter: Path) -> list[tuple[str, str]]:
    """Each python code block of each solution, labelled ``<solution label>#<n>``."""
    blocks = []
    for solution in teaching.directives(chapter, "solution"):
        for number, code in enumerate(CODE_BLOCK.findall(solution.body), start=1):
            blocks.append((f"{solution.label}#{number}", code))
    return blocks


def run_chapter(chapter: Path) -> list[tuple[str, str | None]]:
    """Run a chapter's solution blocks in one process; each block's label and its error (None if it ran)."""
    job = {"imports": import_cells(chapter), "blocks": solution_blocks(chapter)}
    done = subprocess.run(
        [sys.executable, "-c", RUNNER],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        cwd=ROOT / "chapters",
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=600,
    )
    assert done.returncode == 0, f"{chapter.name}: the import cells failed:\n{done.stderr[-2000:]}"
    return [tuple(result) for result in json.loads(done.stdout.strip().splitlines()[-1])]


def test_solutions_hold_code():
    """The extraction finds the solution code blocks (a test of the test): most chapters print some."""
    counted = sum(len(solution_blocks(chapter)) for chapter in CHAPTERS)
    assert counted >= 30, counted
    assert not solution_blocks(ROOT / "chapters" / "00_the_debate.ipynb")[0][1].startswith("```")


def test_import_cells_are_found():
    """Every chapter has import cells, and the install cell (IPython magic) is not one of them."""
    for chapter in CHAPTERS:
        cells = import_cells(chapter)
        assert cells, chapter.name
        assert not any("%pip" in cell for cell in cells), chapter.name


def test_a_failing_block_is_reported():
    """The runner reports a block that uses a name the chapter never imports."""
    job = {"imports": ["import math"], "blocks": [["good", "math.sqrt(4)"], ["bad", "REGISTRY['village']"]]}
    done = subprocess.run([sys.executable, "-c", RUNNER], input=json.dumps(job), capture_output=True, text=True)
    results = dict(json.loads(done.stdout))
    assert results["good"] is None
    assert "NameError" in results["bad"]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[chapter.stem for chapter in CHAPTERS])
def test_every_printed_solution_runs(chapter):
    """Each solution's code runs after the chapter's import cells, as printed."""
    failures = [f"{label}:\n{error}" for label, error in run_chapter(chapter) if error]
    assert not failures, "\n\n".join(failures)


if __name__ == "__main__":
    for chapter in CHAPTERS:
        for label, error in run_chapter(chapter):
            print(f"{chapter.stem} {label}: {'ok' if error is None else error}")
