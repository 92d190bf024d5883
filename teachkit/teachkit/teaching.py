"""The teaching kit: a student edition of the chapters, autograded exercises, and their grading.

Three commands, run in the book's checkout (or given its path with ``--book PATH``)::

    teachkit student [--out DIR]        # default: _build/student_edition (+ .zip)
    teachkit grade SUBMISSIONS [--out CSV] [--jobs N] [--timeout 120] [--memory 2GiB] [--unsafe]
    teachkit gradescope [--out DIR]     # default: _build/gradescope/<chapter>.zip

The chapter notebooks are the only source of the exercises' text. ``student`` copies every chapter
with its worked solutions removed (each ``{solution}`` directive, and any cell tagged ``solution``),
its code cells cleared of outputs, and a blank answer cell after each exercise. An exercise with a
check ``exercises/tests/<label>.py`` is autograded: the student edition also names the variable to
fill (``answer_<label>`` with ``-`` as ``_``) and what to store in it (the check's ``prompt``, which
states every tolerance), adds a code cell ``answer_<label> = ...`` and a ``grader.check("<label>")``
cell that says in one line whether the answer has the right form (teachkit.answers.Checks, reading
the edition's ``forms.json``). The edition carries the book's library and this kit as built wheels
(``wheels/``, teachkit.library), which its first code cell installs where the kernel lacks them, and
no check file, expected value or reference solution (``exercises/solutions/<label>.py``, which must
pass its check).

A check declares the answer's form (teachkit.answers) and computes its expected value from
widgets.data and widgets.models. ``grade`` computes every expected value here, in the instructor's
process, then runs each submitted notebook in its own bubblewrap sandbox (teachkit.grading) and scores
the answers it exports as plain JSON. ``gradescope`` writes otter-grader autograder zips whose tests
hold the same forms and expected values.
"""

from __future__ import annotations

import argparse
import functools
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

from . import answers, grading, library

__all__ = [
    "Book",
    "INSTALLS_LIBRARY",
    "WRITTEN_ANSWER",
    "answer_key",
    "autograded",
    "chapter_labels",
    "directives",
    "load_check",
    "main",
    "split",
    "student_edition",
    "student_notebook",
    "variable",
]


@dataclass(frozen=True)
class Book:
    """The book's files, found from its checkout's root folder (given, or the current directory)."""

    root: Path

    def __post_init__(self):
        for folder in ("chapters", "exercises/tests", "exercises/solutions"):
            if not (self.root / folder).is_dir():
                raise ValueError(f"book = {str(self.root)!r} has no {folder}/ folder: give the book's checkout")

    @property
    def chapters(self) -> Path:
        return self.root / "chapters"

    @property
    def tests(self) -> Path:
        return self.root / "exercises" / "tests"

    @property
    def solutions(self) -> Path:
        return self.root / "exercises" / "solutions"

    @property
    def build(self) -> Path:
        return self.root / "_build"


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
INSTALL = (
    "# Run this cell first. Where this kernel lacks the book's library or its form checks (Colab, a fresh\n"
    "# kernel), it installs them from the wheels that came with this edition; elsewhere it does nothing.\n"
    "import importlib.util\n\n"
    'if importlib.util.find_spec("widgets") is None:\n'
    "    %pip install --quiet wheels/{widgets}\n"
    'if importlib.util.find_spec("teachkit") is None:\n'
    "    %pip install --quiet --no-deps wheels/{teachkit}\n"
    "importlib.invalidate_caches()"
)
INSTALLS_LIBRARY = 'importlib.util.find_spec("widgets") is None'  # in the chapters' own install cell
SETUP = (
    "# Then this one: it loads the form checks of this chapter's autograded exercises.\n"
    "from teachkit.answers import Checks\n"
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


def autograded(book: Book) -> dict[str, Path]:
    """Each autograded exercise's label and its check file."""
    return {path.stem: path for path in sorted(book.tests.glob("*.py"))}


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


def load_check(book: Book, label: str) -> Check:
    """The check ``exercises/tests/<label>.py``, run in this (the instructor's) process."""
    names = runpy.run_path(str(book.tests / f"{label}.py"))
    return Check(label, names["prompt"], names["form"], names["expected"])


def chapter_labels(book: Book, chapter: str) -> list[str]:
    """The autograded exercises of a chapter notebook (its file stem), in the chapter's order."""
    graded = autograded(book)
    return [e.label for e in directives(book.chapters / f"{chapter}.ipynb", "exercise") if e.label in graded]


def chapters(book: Book) -> list[str]:
    """The chapter notebooks' file stems, in the book's order."""
    return [path.stem for path in sorted(book.chapters.glob("*.ipynb"))]


def answer_key(book: Book, chapter: str) -> dict | None:
    """A chapter's answer key, ``{label: {"variable", "form", "expected"}}`` as plain data, computed
    here from widgets.data and widgets.models; None for a name that is not a chapter of the book."""
    if chapter not in chapters(book):
        return None
    key = {}
    for label in chapter_labels(book, chapter):
        check = load_check(book, label)
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


def student_notebook(
    chapter: Path, graded: dict[str, str], wheels: dict[str, str] | None = None
) -> nbformat.NotebookNode:
    """The student edition of one chapter notebook (see the module docstring); ``graded`` maps each
    autograded label to its prompt; ``wheels`` names the edition's wheel of each package, which the
    edition's install cell installs where the kernel lacks it (in place of the chapter's own install
    cell, which installs the book from its repository). Raises ValueError rather than return a notebook
    in which any solution directive is left."""
    notebook = nbformat.read(chapter, as_version=4)
    cells = [
        new
        for cell in notebook.cells
        if "solution" not in cell.metadata.get("tags", [])
        and not (wheels and cell.cell_type == "code" and INSTALLS_LIBRARY in cell.source)
        for new in _student_cells(cell, graded)
    ]
    if any('grader.check("' in cell.source for cell in cells):
        cells.insert(1, nbformat.v4.new_code_cell(SETUP.format(chapter=chapter.stem), id="grader-setup"))
    if wheels:
        cells.insert(1, nbformat.v4.new_code_cell(INSTALL.format(**wheels), id="install"))
    leaks = [cell.id for cell in cells if "{solution" in cell.source]
    if leaks:
        raise ValueError(f"{chapter.name}: solution text left in cells {leaks}")
    notebook.cells = cells
    notebook.metadata.pop("widgets", None)  # the book build's widget state: stale in a fresh kernel
    notebook.metadata["otter"] = {"assignment_name": chapter.stem}  # tells `grade` which tests apply
    nbformat.validate(notebook)
    return notebook


def requirements(book: Book, wheel: str) -> str:
    """The pinned packages a chapter's kernel imports (from the book's requirements.txt), and the
    book's library as the wheel at ``wheel``: a requirements.txt for a hub, Binder or Gradescope."""
    lines = (book.root / "requirements.txt").read_text().splitlines()
    return "\n".join([line for line in lines if line.split("==")[0] in KERNEL] + [wheel]) + "\n"


def student_edition(book: Book, out: Path) -> list[Path]:
    """Write the student edition to the folder ``out`` and the same as ``out.zip``: every chapter
    notebook, ``forms.json`` (the form of every autograded answer, for ``grader.check``), the wheels
    of the book's library and of this kit in ``wheels/`` (teachkit.library), and a requirements.txt
    that installs the library's wheel, so that a hub or Binder can run it alone. No check file,
    expected value or reference solution goes in. Returns the notebooks written."""
    checks = {label: load_check(book, label) for label in autograded(book)}
    prompts = {label: check.prompt for label, check in checks.items()}
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    wheels = {package: path.name for package, path in library.wheels(book.root, out / "wheels").items()}
    (out / "requirements.txt").write_text(requirements(book, f"wheels/{wheels['widgets']}"))
    forms = {
        chapter: {
            label: {"variable": variable(label), "form": checks[label].form} for label in chapter_labels(book, chapter)
        }
        for chapter in chapters(book)
    }
    (out / answers.FORMS_FILE).write_text(json.dumps(forms, indent=1, sort_keys=True) + "\n")
    (out / "README.md").write_text(STUDENT_README)
    written = []
    for chapter in sorted(book.chapters.glob("*.ipynb")):
        nbformat.write(student_notebook(chapter, prompts, wheels), out / chapter.name)
        written.append(out / chapter.name)
    shutil.make_archive(str(out), "zip", out.parent, out.name)
    return written


PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"  # Gradescope's Python: the one the pins suit
SOURCE = "/autograder/source"  # where Gradescope unpacks an autograder zip (otter's files/ lie under it)
KERNEL = {"altair", "vl-convert-python", "ipywidgets", "ipykernel", "pandas", "numpy"}  # what chapters import
GRADESCOPE_TEST = """\
\"\"\"Gradescope check of {label}: the answer's form (no points), then its value (1 point).\"\"\"

import json

from otter.test_files import test_case

from teachkit import answers

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


def gradescope(book: Book, out: Path) -> list[Path]:
    """Write one otter autograder zip per chapter with autograded exercises into ``out``, for
    Gradescope: its tests hold the expected values computed here, and it carries the wheels of the
    book's library and of this kit, which its requirements install with the kernel's pinned packages.
    Returns the zips written."""
    from otter.generate import main as generate

    written = []
    with tempfile.TemporaryDirectory() as work:
        files = Path(work) / "files"
        built = library.wheels(book.root, files / "wheels")
        unpacked = {package: f"{SOURCE}/files/wheels/{path.name}" for package, path in built.items()}
        for chapter in chapters(book):
            key = answer_key(book, chapter)
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
            requirements_txt = folder / "requirements.txt"
            requirements_txt.write_text(requirements(book, unpacked["widgets"]) + unpacked["teachkit"] + "\n")
            config = folder / "otter_config.json"
            config.write_text(json.dumps({"assignment_name": chapter}))  # otter refuses another chapter's notebook
            out.mkdir(parents=True, exist_ok=True)
            zip_path = out / f"{chapter}.zip"
            cwd = os.getcwd()
            os.chdir(files)  # otter stores support files under the paths given, relative to here
            try:
                generate(
                    tests_dir=str(folder / "tests"), output_path=str(zip_path), config=str(config),
                    requirements=str(requirements_txt), files=["wheels"], python_version=PYTHON,
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
    """The ``teachkit`` command: ``student``, ``grade SUBMISSIONS`` or ``gradescope`` (see the module
    docstring), each reading the book at ``--book`` (default: the current directory)."""
    parser = argparse.ArgumentParser(prog="teachkit", description=__doc__.split("\n")[0])
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument("--book", type=Path, default=Path("."), help="the book's checkout (default: this folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    student = commands.add_parser(
        "student", parents=[where], help="write the student edition of every chapter (folder and zip)"
    )
    student.add_argument("--out", type=Path, help="output folder (default: BOOK/_build/student_edition)")
    grading_ = commands.add_parser(
        "grade", parents=[where], help="grade a folder of submitted notebooks, each in a sandbox"
    )
    grading_.add_argument("submissions", type=Path, help="folder of submitted .ipynb files")
    grading_.add_argument("--out", type=Path, help="CSV file (default: BOOK/_build/grades.csv)")
    grading_.add_argument("--timeout", type=float, default=120, help="seconds per notebook (default: %(default)s)")
    grading_.add_argument("--memory", type=_bytes, default="2GiB", help="memory per notebook (default: 2GiB)")
    grading_.add_argument("--jobs", type=int, default=None, help="notebooks graded side by side (default: cores + 2)")
    grading_.add_argument("--unsafe", action="store_true", help="grade without a sandbox (only your own notebooks)")
    scope = commands.add_parser(
        "gradescope", parents=[where], help="write one otter autograder zip per chapter, for Gradescope"
    )
    scope.add_argument("--out", type=Path, help="output folder (default: BOOK/_build/gradescope)")
    args = parser.parse_args(argv)
    try:
        book = Book(args.book.resolve())
    except ValueError as error:
        parser.error(str(error))
    if args.command == "student":
        out = args.out or book.build / "student_edition"
        notebooks = student_edition(book, out)
        print(f"{len(notebooks)} student notebooks and {len(autograded(book))} form checks in {out} and {out}.zip")
    elif args.command == "gradescope":
        for path in gradescope(book, args.out or book.build / "gradescope"):
            print(f"wrote {path}")
    else:
        grade_class(parser, book, args)


def grade_class(parser: argparse.ArgumentParser, book: Book, args: argparse.Namespace) -> None:
    """``teachkit grade``: grade the class, write the table, the report and the gradebook, print the summary."""
    if args.unsafe:
        print("WARNING: --unsafe: students' code runs with your rights, outside any sandbox.", file=sys.stderr)
    try:
        limits = grading.Limits(timeout=args.timeout, memory=args.memory)
    except ValueError as error:
        parser.error(str(error))
    out = args.out or book.build / "grades.csv"
    key = functools.partial(answer_key, book)
    try:
        columns, rows = grading.grade(args.submissions, key, book.root, limits, unsafe=args.unsafe, jobs=args.jobs)
    except grading.NoSandbox as error:
        sys.exit(f"refusing to grade: {error}")
    report, gradebook = out.with_suffix(".html"), out.with_name(f"{out.stem}-gradebook.csv")
    grading.write_table(columns, rows, out)
    grading.write_report(columns, rows, report, title=f"Grades of {args.submissions.name or args.submissions}")
    grading.write_gradebook(rows, gradebook)
    sys.stdout.reconfigure(errors="backslashreplace")  # a name in a script the terminal cannot show
    for line in grading.summary(rows):
        print(line)
    print(f"grade table of {len(rows)} notebooks written to {out}, with {report.name} and {gradebook.name}")


if __name__ == "__main__":
    main()
