"""The teaching kit: a student edition of the chapters, autograded exercises, and their grading.

Three commands, run from the repository root::

    python -m widgets.teaching student [--out DIR]        # default: _build/student_edition (+ .zip)
    python -m widgets.teaching grade SUBMISSIONS [--out CSV] [--jobs N] [--timeout 120] [--memory 2GiB] [--unsafe]
    python -m widgets.teaching gradescope [--out DIR]     # default: _build/gradescope/<chapter>.zip

The chapter notebooks are the only source of the exercises' text. ``student`` copies every chapter
with its worked solutions removed (each ``{solution}`` directive, and any cell tagged ``solution``),
its code cells cleared of outputs, and a blank answer cell after each exercise. An exercise with a
check ``exercises/tests/<label>.py`` is autograded: the student edition also names the variable to
fill (``answer_<label>`` with ``-`` as ``_``) and what to store in it (the check's ``prompt``, which
states every tolerance), adds a code cell ``answer_<label> = ...`` and a ``grader.check("<label>")``
cell that says in one line whether the answer has the right form (widgets.answers.Checks, reading
the edition's ``forms.json``). The edition carries the book's ``widgets/`` and ``data/`` so a hub or
Binder can run it alone, and no check file, expected value or reference solution
(``exercises/solutions/<label>.py``, which must pass its check).

A check declares the answer's form (widgets.answers) and computes its expected value from
widgets.data and widgets.models. ``grade`` computes every expected value here, in the instructor's
process, then runs each submitted notebook in its own bubblewrap sandbox (widgets.grading) and scores
the answers it exports as plain JSON. ``gradescope`` writes otter-grader autograder zips whose tests
hold the same forms and expected values.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import runpy
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat

from widgets import answers, grading

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"
TESTS = ROOT / "exercises" / "tests"
SOLUTIONS = ROOT / "exercises" / "solutions"
STUDENT_EDITION = ROOT / "_build" / "student_edition"
GRADES = ROOT / "_build" / "grades.csv"
GRADESCOPE = ROOT / "_build" / "gradescope"
STUDENT_README = """\
# Migration and development: the student edition

Open a chapter notebook and run its cells from the top. After each exercise, write your answer in
the cell below it; for an autograded exercise, store it in the variable named there and run the
`grader.check(...)` cell: it says in one line whether your answer has the form asked for (not
whether it is right: that is checked when your work is graded). `grader.check_all()` checks every
autograded answer of the open chapter.

To run it on your own computer: `python -m venv .venv`, activate it, `pip install -r requirements.txt`,
then `jupyter lab`.
"""

OPENING = re.compile(r"^(`{3,})\{(exercise|solution)\}[ \t]*(.*)$")
OPTION = re.compile(r"^:([\w-]+):[ \t]*(.*)$")
WRITTEN_ANSWER = "_Type your answer here, replacing this text._"
SETUP = (
    "# Run this cell first: it loads the form checks of this chapter's autograded exercises.\n"
    "from widgets.answers import Checks\n"
    'grader = Checks("{chapter}")'
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
    """Each autograded exercise's label and its check file."""
    return {path.stem: path for path in sorted(TESTS.glob("*.py"))}


def variable(label: str) -> str:
    """The name a student assigns the answer of an autograded exercise to: ``ex-10-empty`` -> ``answer_ex_10_empty``."""
    return "answer_" + label.replace("-", "_")


@dataclass(frozen=True)
class Check:
    """An autograded exercise's check: what the prompt asks, the answer's form, its expected value."""

    label: str
    prompt: str
    form: dict
    expected: Callable[[], object]


def load_check(label: str) -> Check:
    """The check ``exercises/tests/<label>.py``, run in this (the instructor's) process."""
    names = runpy.run_path(str(TESTS / f"{label}.py"))
    return Check(label, names["prompt"], names["form"], names["expected"])


def chapter_labels(chapter: str) -> list[str]:
    """The autograded exercises of a chapter notebook (its file stem), in the chapter's order."""
    graded = autograded()
    return [e.label for e in directives(CHAPTERS / f"{chapter}.ipynb", "exercise") if e.label in graded]


def chapters() -> list[str]:
    """The chapter notebooks' file stems, in the book's order."""
    return [path.stem for path in sorted(CHAPTERS.glob("*.ipynb"))]


def answer_key(chapter: str) -> dict | None:
    """A chapter's answer key, ``{label: {"variable", "form", "expected"}}`` as plain data, computed
    here from widgets.data and widgets.models; None for a name that is not a chapter of the book."""
    if chapter not in chapters():
        return None
    key = {}
    for label in chapter_labels(chapter):
        check = load_check(label)
        key[label] = {"variable": variable(label), "form": check.form, "expected": answers.plain(check.expected())}
    return key


def _answer_cells(label: str, graded: dict[str, str]) -> list:
    """The cells that follow an exercise: for an autograded one, the answer variable, its placeholder
    and its check; for every one, a blank written answer."""
    new = nbformat.v4
    cells = []
    if label in graded:
        name = variable(label)
        cells += [
            new.new_markdown_cell(
                f"**Autograded.** Store your answer in `{name}` as {graded[label]}. "
                "The check below tells you whether your answer has the right form, not whether it is right: "
                "its value is checked when your work is graded.",
                id=f"{label}-prompt",
            ),
            new.new_code_cell(f"{name} = ...", id=f"{label}-code"),
            new.new_code_cell(f'grader.check("{label}")', id=f"{label}-check"),
        ]
    cells.append(new.new_markdown_cell(WRITTEN_ANSWER, id=f"{label}-answer"))
    return cells


def _student_cells(cell, graded: dict[str, str]) -> list:
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


def student_notebook(chapter: Path, graded: dict[str, str]) -> nbformat.NotebookNode:
    """The student edition of one chapter notebook (see the module docstring); ``graded`` maps each
    autograded label to its prompt. Raises ValueError rather than return a notebook in which any
    solution directive is left."""
    notebook = nbformat.read(chapter, as_version=4)
    cells = [
        new
        for cell in notebook.cells
        if "solution" not in cell.metadata.get("tags", [])
        for new in _student_cells(cell, graded)
    ]
    if any('grader.check("' in cell.source for cell in cells):
        cells.insert(1, nbformat.v4.new_code_cell(SETUP.format(chapter=chapter.stem), id="grader-setup"))
    leaks = [cell.id for cell in cells if "{solution" in cell.source]
    if leaks:
        raise ValueError(f"{chapter.name}: solution text left in cells {leaks}")
    notebook.cells = cells
    notebook.metadata.pop("widgets", None)  # the book build's widget state: stale in a fresh kernel
    notebook.metadata["otter"] = {"assignment_name": chapter.stem}  # tells `grade` which tests apply
    nbformat.validate(notebook)
    return notebook


def student_edition(out: Path = STUDENT_EDITION) -> list[Path]:
    """Write the student edition to the folder ``out`` and the same as ``out.zip``: every chapter
    notebook, ``forms.json`` (the form of every autograded answer, for ``grader.check``), and the
    book's ``widgets/``, ``data/``, ``pyproject.toml`` and ``requirements.txt`` so that a hub or
    Binder can run it alone. No check file, expected value or reference solution goes in. Returns
    the notebooks written."""
    prompts = {label: load_check(label).prompt for label in autograded()}
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("widgets", "data"):
        shutil.copytree(ROOT / folder, out / folder, ignore=ignore)
    for name in ("pyproject.toml", "requirements.txt"):
        shutil.copy(ROOT / name, out / name)
    forms = {
        chapter: {
            label: {"variable": variable(label), "form": load_check(label).form} for label in chapter_labels(chapter)
        }
        for chapter in chapters()
    }
    (out / answers.FORMS_FILE).write_text(json.dumps(forms, indent=1, sort_keys=True) + "\n")
    (out / "README.md").write_text(STUDENT_README)
    written = []
    for chapter in sorted(CHAPTERS.glob("*.ipynb")):
        nbformat.write(student_notebook(chapter, prompts), out / chapter.name)
        written.append(out / chapter.name)
    shutil.make_archive(str(out), "zip", out.parent, out.name)
    return written


PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"  # Gradescope's Python: the one the pins suit
KERNEL = {"altair", "vl-convert-python", "ipywidgets", "ipykernel", "pandas", "numpy"}  # what chapters import
GRADESCOPE_TEST = """\
\"\"\"Gradescope check of {label}: the answer's form (no points), then its value (1 point).\"\"\"

import json

from otter.test_files import test_case

from widgets import answers

OK_FORMAT = False
name = {label!r}
points = 1
FORM = json.loads({form!r})
EXPECTED = json.loads({expected!r})


@test_case(name="form", points=0)
def form({variable}):
    wrong = answers.problem(FORM, answers.plain({variable}))
    assert not wrong, wrong


@test_case(name="value", points=1, hidden=True)
def value({variable}):
    assert answers.score(FORM, answers.plain({variable}), EXPECTED)[0] == 1, "wrong value"
"""


def gradescope(out: Path = GRADESCOPE) -> list[Path]:
    """Write one otter autograder zip per chapter with autograded exercises into ``out``, for
    Gradescope: its tests hold the expected values computed here, and it carries the book's
    ``widgets/`` and ``data/`` and the pinned requirements. Returns the zips written."""
    from otter.generate import main as generate

    written = []
    with tempfile.TemporaryDirectory() as work:
        for chapter in chapters():
            key = answer_key(chapter)
            if not key:
                continue
            folder = Path(work) / chapter
            (folder / "tests").mkdir(parents=True)
            for label, entry in key.items():
                test = GRADESCOPE_TEST.format(
                    label=label, variable=entry["variable"], form=json.dumps(entry["form"]),
                    expected=json.dumps(entry["expected"]),
                )  # fmt: skip
                (folder / "tests" / f"{label}.py").write_text(test)
            book = folder / "book"
            for name in ("widgets", "data"):
                shutil.copytree(ROOT / name, book / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            requirements = folder / "requirements.txt"
            pinned = [
                line for line in (ROOT / "requirements.txt").read_text().splitlines() if line.split("==")[0] in KERNEL
            ]
            requirements.write_text("\n".join(pinned) + "\n")
            config = folder / "otter_config.json"
            config.write_text(json.dumps({"assignment_name": chapter}))  # otter refuses another chapter's notebook
            out.mkdir(parents=True, exist_ok=True)
            zip_path = out / f"{chapter}.zip"
            cwd = os.getcwd()
            os.chdir(book)  # otter stores support files under the paths given, relative to here
            try:
                generate(
                    tests_dir=str(folder / "tests"), output_path=str(zip_path), config=str(config),
                    requirements=str(requirements), files=["widgets", "data"], python_version=PYTHON,
                )  # fmt: skip
            finally:
                os.chdir(cwd)
            written.append(zip_path)
    return written


def _bytes(text: str) -> int:
    """A size such as ``2GiB``, ``512MiB`` or a number of bytes."""
    units = {"gib": 2**30, "g": 2**30, "mib": 2**20, "m": 2**20, "": 1}
    match = re.fullmatch(r"\s*([\d.]+)\s*([a-zA-Z]*)\s*", text)
    if not match or match.group(2).lower() not in units:
        raise argparse.ArgumentTypeError(f"memory must be like 2GiB or 512MiB, not {text!r}")
    return int(float(match.group(1)) * units[match.group(2).lower()])


def main(argv: list[str] | None = None):
    """Command line: ``student``, ``grade SUBMISSIONS`` or ``gradescope`` (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="python -m widgets.teaching", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    student = commands.add_parser("student", help="write the student edition of every chapter (folder and zip)")
    student.add_argument("--out", type=Path, default=STUDENT_EDITION, help="output folder (default: %(default)s)")
    grading_ = commands.add_parser("grade", help="grade a folder of submitted notebooks, each in a sandbox")
    grading_.add_argument("submissions", type=Path, help="folder of submitted .ipynb files")
    grading_.add_argument("--out", type=Path, default=GRADES, help="CSV file (default: %(default)s)")
    grading_.add_argument("--timeout", type=float, default=120, help="seconds per notebook (default: %(default)s)")
    grading_.add_argument("--memory", type=_bytes, default="2GiB", help="memory per notebook (default: 2GiB)")
    grading_.add_argument("--jobs", type=int, default=None, help="notebooks graded side by side (default: cores)")
    grading_.add_argument("--unsafe", action="store_true", help="grade without a sandbox (only your own notebooks)")
    scope = commands.add_parser("gradescope", help="write one otter autograder zip per chapter, for Gradescope")
    scope.add_argument("--out", type=Path, default=GRADESCOPE, help="output folder (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.command == "student":
        notebooks = student_edition(args.out)
        print(
            f"{len(notebooks)} student notebooks and {len(autograded())} form checks in {args.out} and {args.out}.zip"
        )
    elif args.command == "gradescope":
        for path in gradescope(args.out):
            print(f"wrote {path}")
    else:
        if args.unsafe:
            print("WARNING: --unsafe: students' code runs with your rights, outside any sandbox.", file=sys.stderr)
        try:
            limits = grading.Limits(timeout=args.timeout, memory=args.memory)
        except ValueError as error:
            parser.error(str(error))
        try:
            columns, rows = grading.grade(args.submissions, answer_key, limits, unsafe=args.unsafe, jobs=args.jobs)
        except grading.NoSandbox as error:
            sys.exit(f"refusing to grade: {error}")
        report, gradebook = args.out.with_suffix(".html"), args.out.with_name(f"{args.out.stem}-gradebook.csv")
        grading.write_table(columns, rows, args.out)
        grading.write_report(columns, rows, report, title=f"Grades of {args.submissions.name or args.submissions}")
        grading.write_gradebook(rows, gradebook)
        sys.stdout.reconfigure(errors="backslashreplace")  # a name in a script the terminal cannot show
        for line in grading.summary(rows):
            print(line)
        print(f"grade table of {len(rows)} notebooks written to {args.out}, with {report.name} and {gradebook.name}")


if __name__ == "__main__":
    main()
