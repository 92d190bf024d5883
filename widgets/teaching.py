"""The teaching kit: a student edition of the chapters, and autograded exercises (otter-grader).

Two commands, run from the repository root::

    python -m widgets.teaching student [--out DIR]          # default: _build/student_edition
    python -m widgets.teaching grade SUBMISSIONS [--out CSV]   # default: _build/grades.csv

The chapter notebooks are the only source of the exercises' text. ``student`` copies every chapter
with its worked solutions removed (each ``{solution}`` directive, and any cell tagged ``solution``),
its code cells cleared of outputs, and a blank answer cell after each exercise. An exercise with a
test file ``exercises/tests/<label>.py`` is autograded: the student edition also names the variable
to fill (``answer_<label>`` with ``-`` as ``_``) and what to store in it (the test file's ``prompt``),
adds a code cell ``answer_<label> = ...`` and a ``grader.check("<label>")`` cell, and ships the test
file with its public cases only. Public cases check the answer's form, for instant feedback; hidden
cases check its value against widgets.data and widgets.models, and run only when an instructor
grades. The reference solutions, which pass every case, are in ``exercises/solutions/<label>.py``.

``grade`` runs otter's own grader (``otter.api.grade_submission``, no Docker) on every notebook of a
folder, against the full test files of the notebook's chapter, and writes one row per notebook.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"
TESTS = ROOT / "exercises" / "tests"
SOLUTIONS = ROOT / "exercises" / "solutions"
STUDENT_EDITION = ROOT / "_build" / "student_edition"
GRADES = ROOT / "_build" / "grades.csv"

OPENING = re.compile(r"^(`{3,})\{(exercise|solution)\}[ \t]*(.*)$")
OPTION = re.compile(r"^:([\w-]+):[ \t]*(.*)$")
WRITTEN_ANSWER = "_Type your answer here, replacing this text._"
SETUP = (
    "# Run this cell first: it loads the checks of this chapter's autograded exercises.\n"
    "import otter\n"
    'grader = otter.Notebook(tests_dir="tests")'
)


@dataclass(frozen=True)
class Directive:
    """One ``{exercise}`` or ``{solution}`` block of a chapter's markdown."""

    kind: str  # "exercise" or "solution"
    label: str
    title: str  # the exercise's title; empty for a solution
    body: str  # the text inside the block, without its options


def split(markdown: str) -> list[str | Directive]:
    """A markdown cell's text cut into plain-text pieces and directives, in order.

    A block opens with a fence of three or more backticks and ``{exercise}`` or ``{solution}``, and
    closes at the first line of at least as many backticks only (so a four-backtick block may hold
    a three-backtick code fence). Blank text between blocks is dropped.
    """
    pieces, text = [], []

    def keep_text():
        if "\n".join(text).strip():
            pieces.append("\n".join(text).strip("\n"))
        text.clear()

    lines = iter(markdown.split("\n"))
    for line in lines:
        opening = OPENING.match(line)
        if not opening:
            text.append(line)
            continue
        ticks, kind, argument = opening.groups()
        block = []
        for inner in lines:
            if set(inner.strip()) == {"`"} and len(inner.strip()) >= len(ticks):
                break
            block.append(inner)
        else:
            raise ValueError(f"a {{{kind}}} directive is never closed: {line!r}")
        options = {}
        while block and OPTION.match(block[0]):
            key, value = OPTION.match(block.pop(0)).groups()
            options[key] = value
        label = options.get("label") if kind == "exercise" else argument.strip()
        if not label:
            raise ValueError(f"a {{{kind}}} directive has no label: {line!r}")
        keep_text()
        title = argument.strip() if kind == "exercise" else ""
        pieces.append(Directive(kind, label, title, "\n".join(block).strip("\n")))
    keep_text()
    return pieces


def directives(chapter: Path, kind: str) -> list[Directive]:
    """The exercises (``kind="exercise"``) or solutions (``"solution"``) of a chapter notebook, in order."""
    notebook = nbformat.read(chapter, as_version=4)
    return [
        piece
        for cell in notebook.cells
        if cell.cell_type == "markdown"
        for piece in split(cell.source)
        if isinstance(piece, Directive) and piece.kind == kind
    ]


def autograded() -> dict[str, Path]:
    """Each autograded exercise's label and its otter test file."""
    return {path.stem: path for path in sorted(TESTS.glob("*.py"))}


def variable(label: str) -> str:
    """The name a student assigns the answer of an autograded exercise to: ``ex-10-empty`` -> ``answer_ex_10_empty``."""
    return "answer_" + label.replace("-", "_")


def prompt(test_file: Path) -> str:
    """What the student stores in the answer variable: the test file's ``prompt`` string."""
    for node in ast.parse(test_file.read_text()).body:
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["prompt"]:
            return ast.literal_eval(node.value)
    raise ValueError(f"{test_file} defines no prompt")


def _is_public_case(node: ast.FunctionDef) -> bool:
    """True for a function decorated ``@test_case(...)`` without ``hidden=True``."""
    for decorator in node.decorator_list:
        if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", None) == "test_case":
            return not any(k.arg == "hidden" and ast.literal_eval(k.value) for k in decorator.keywords)
    return False


def public_only(source: str) -> str:
    """A test file's source without its hidden cases and helper functions: the copy students get."""
    drop = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and not _is_public_case(node):
            start = min([node.lineno] + [d.lineno for d in node.decorator_list])
            drop.update(range(start - 1, node.end_lineno))
    kept = "\n".join(line for i, line in enumerate(source.split("\n")) if i not in drop)
    return re.sub(r"\n{4,}", "\n\n\n", kept).rstrip("\n") + "\n"


def _answer_cells(label: str, graded: dict[str, Path]) -> list:
    """The cells that follow an exercise: for an autograded one, the answer variable, its placeholder
    and its check; for every one, a blank written answer."""
    new = nbformat.v4
    cells = []
    if label in graded:
        name = variable(label)
        cells += [
            new.new_markdown_cell(
                f"**Autograded.** Store your answer in `{name}` as {prompt(graded[label])}. "
                "The check below tells you whether your answer has the right form; "
                "its value is checked when your work is graded.",
                id=f"{label}-prompt",
            ),
            new.new_code_cell(f"{name} = ...", id=f"{label}-code"),
            new.new_code_cell(f'grader.check("{label}")', id=f"{label}-check"),
        ]
    cells.append(new.new_markdown_cell(WRITTEN_ANSWER, id=f"{label}-answer"))
    return cells


def _student_cells(cell, graded: dict[str, Path]) -> list:
    """A chapter cell as the student edition has it: outputs cleared, exercises followed by answer
    cells, solutions gone."""
    if cell.cell_type == "code":
        cell.outputs, cell.execution_count = [], None
        cell.metadata.pop("execution", None)
        return [cell]
    pieces = split(cell.source) if cell.cell_type == "markdown" else []
    if all(isinstance(piece, str) for piece in pieces):
        return [cell]
    cells = []
    for k, piece in enumerate(pieces):
        if isinstance(piece, str):
            cells.append(nbformat.v4.new_markdown_cell(piece, id=cell.id if k == 0 else f"{cell.id}-{k}"))
        elif piece.kind == "exercise":
            heading = f"### Exercise `{piece.label}`: {piece.title}\n\n{piece.body}"
            cells.append(nbformat.v4.new_markdown_cell(heading, id=piece.label))
            cells += _answer_cells(piece.label, graded)
    return cells


def student_notebook(chapter: Path, graded: dict[str, Path]) -> nbformat.NotebookNode:
    """The student edition of one chapter notebook (see the module docstring); raises ValueError
    rather than return a notebook in which any solution directive is left."""
    notebook = nbformat.read(chapter, as_version=4)
    cells = [
        new
        for cell in notebook.cells
        if "solution" not in cell.metadata.get("tags", [])
        for new in _student_cells(cell, graded)
    ]
    if any('grader.check("' in cell.source for cell in cells):
        cells.insert(1, nbformat.v4.new_code_cell(SETUP, id="grader-setup"))
    leaks = [cell.id for cell in cells if "{solution" in cell.source]
    if leaks:
        raise ValueError(f"{chapter.name}: solution text left in cells {leaks}")
    notebook.cells = cells
    notebook.metadata.pop("widgets", None)  # the book build's widget state: stale in a fresh kernel
    notebook.metadata["otter"] = {"assignment_name": chapter.stem}  # tells `grade` which tests apply
    nbformat.validate(notebook)
    return notebook


def student_edition(out: Path = STUDENT_EDITION) -> list[Path]:
    """Write the student edition to ``out``: every chapter notebook, and ``tests/`` with the public
    cases of every autograded exercise. Returns the notebooks written."""
    graded = autograded()
    (out / "tests").mkdir(parents=True, exist_ok=True)
    for test_file in graded.values():
        (out / "tests" / test_file.name).write_text(public_only(test_file.read_text()))
    written = []
    for chapter in sorted(CHAPTERS.glob("*.ipynb")):
        nbformat.write(student_notebook(chapter, graded), out / chapter.name)
        written.append(out / chapter.name)
    return written


def _autograder(chapter: str, work: Path, graded: dict[str, Path]) -> tuple[Path, list[str]]:
    """An otter autograder zip with the full test files of one chapter's autograded exercises, and
    their labels in the chapter's order."""
    from otter.generate import main as generate

    labels = [e.label for e in directives(CHAPTERS / f"{chapter}.ipynb", "exercise") if e.label in graded]
    folder = work / chapter
    (folder / "tests").mkdir(parents=True)
    for label in labels:
        shutil.copy(graded[label], folder / "tests")
    config = folder / "otter_config.json"
    config.write_text(json.dumps({"assignment_name": chapter}))  # otter refuses another chapter's notebook
    generate(
        tests_dir=str(folder / "tests"),
        output_path=str(folder / "autograder.zip"),
        config=str(config),
        no_requirements=True,
        no_environment=True,
    )
    return folder / "autograder.zip", labels


def grade(submissions: Path) -> pd.DataFrame:
    """Grade every notebook in the folder ``submissions`` with otter, without Docker: one row per
    notebook with its file name, chapter, each autograded question's score, total and possible."""
    from otter.api import grade_submission

    graded, rows, autograders = autograded(), [], {}
    with tempfile.TemporaryDirectory() as work:
        for path in sorted(submissions.glob("*.ipynb")):
            chapter = nbformat.read(path, as_version=4).metadata.get("otter", {}).get("assignment_name")
            if chapter is None:
                raise ValueError(f"{path} has no otter assignment name: it is not a student-edition notebook")
            if chapter not in autograders:
                autograders[chapter] = _autograder(chapter, Path(work), graded)
            autograder, labels = autograders[chapter]
            results = grade_submission(str(path), str(autograder), quiet=True)
            if results.catastrophic_error:
                print(f"{path.name}: grading failed: {results.catastrophic_error}", file=sys.stderr)
            scores = {label: results.get_score(label) if label in results.test_files else 0 for label in labels}
            rows.append(
                {"file": path.name, "chapter": chapter, **scores, "total": results.total, "possible": results.possible}
            )
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None):
    """Command line: ``student [--out DIR]`` or ``grade SUBMISSIONS [--out CSV]``."""
    parser = argparse.ArgumentParser(prog="python -m widgets.teaching", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    student = commands.add_parser("student", help="write the student edition of every chapter")
    student.add_argument("--out", type=Path, default=STUDENT_EDITION, help="output folder (default: %(default)s)")
    grading = commands.add_parser("grade", help="grade a folder of submitted notebooks into a CSV table")
    grading.add_argument("submissions", type=Path, help="folder of submitted .ipynb files")
    grading.add_argument("--out", type=Path, default=GRADES, help="CSV file (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.command == "student":
        notebooks = student_edition(args.out)
        print(f"{len(notebooks)} student notebooks and {len(autograded())} autograded checks in {args.out}")
    else:
        table = grade(args.submissions)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        table.to_csv(args.out, index=False)
        print(table.to_string(index=False))
        print(f"grade table written to {args.out}")


if __name__ == "__main__":
    main()
