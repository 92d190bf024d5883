"""The teaching kit (widgets/teaching.py): the student edition leaks no solution and gives every
exercise an answer cell; every autograded check passes its reference solution and fails a wrong or
an empty answer; the grade command turns a folder of submissions into the right grade table.

Both commands are run as a user runs them (``python -m widgets.teaching ...``) in a temporary folder.
"""

import csv
import subprocess
import sys

import nbformat
import pytest
from conftest import CHAPTERS, ROOT
from otter.nbmeta_config import NBMetadataConfig
from otter.test_files import create_test_file

from widgets import teaching

GRADED = teaching.autograded()
LABELS = sorted(GRADED)

# A wrong answer of the right form for each autograded exercise (a typical slip: swapped parts, a
# value from the exercise's text, the neighbouring slider step), so it passes the public form check
# and must be caught by a hidden one.
WRONG = {
    "ex-0-top-six": "0.257",
    "ex-0-widest-gap": '"incarcerated_m18_39_pct"',
    "ex-10-threshold": "7",
    "ex-10-calibration": "(0.739, 0.261)",
    "ex-10-empty": "(0.874, 0.763)",
    "ex-11-dependence": '{"cyclical": 0.5, "family settlement": 0.3, "settlement with local programme": 0.34}',
    "ex-11-programme": "(25.9, 51.2)",
    "ex-12-match": "(426_204, 568_271)",
    "ex-12-residence": "68.0",
    "ex-20-ceiling": "360_498",
    "ex-20-peak": "(0.375, 0.325, 0.3)",
    "ex-20-india": '{"Canada": 15.4, "Mexico": 12.0, "China": 9.2, "Colombia": 7.6}',
    "ex-21-odds": "(3.29, 0.329)",
    "ex-30-long-run": "(18.4, 23.9)",
    "ex-30-protection": "(0.2, 0.7)",
    "ex-31-quadruple": "4.0",
    "ex-31-wider": '{"school": (20.5, 27.6), "mothers": (24.3, 47.5), "incarcerated": (20.2, 5.2)}',
    "ex-40-italy": "data.load('sassen_migration_systems').query('receiving == \"Spain\"')",
    "ex-40-poor-senders": "1.99",
    "ex-41-multiplier": "0.6",
    "ex-50-programme": "(36.8, 20.1, 12.5, 53.6)",
    "ex-50-bridge": "8",
    "ex-10-rule": "[1.0, 0.6552, 0.4293, 0.2813, 0.1843, 0.1207]",
    "ex-11-rule": "[65.6031, 30.9028, 27.2886]",
    "ex-12-rule": "[20000.0, 32210.2, 51874.8492]",
    "ex-20-rule": "[0.1678, 0.0766, 0.0289]",
    "ex-21-rule": "[148.1311, 278.7462]",
    "ex-30-rule": "[5.8492, 11.5, 18.1511]",
    "ex-40-rule": "[0.1338, 0.0272, 0.1623, 0.0353, 0.1477, 0.093, 0.3161, 0.0846]",
    "ex-41-rule": "[43.777, 31.7037]",
    "ex-50-rule": "[0.1829, 0.0381]",
    "ex-13-revision": "0.0",
    "ex-13-net": "130_000",
    "ex-22-masters": "0.65",
    "ex-22-odds": "0.39",
    "ex-32-bounds": "(20.2, 50.2)",
    "ex-42-korean-share": "0.31",
}

# The answers at the precision the chapters' worked solutions print them: a student who rounds as
# the book does must pass, so the checks' tolerances are not too tight.
PRINTED = {
    "ex-0-top-six": "0.489",
    "ex-0-widest-gap": '"male_dropouts_25_39_pct"',
    "ex-10-threshold": "4",
    "ex-10-calibration": "(0.261, 0.739)",
    "ex-10-empty": "(0.76, 0.87)",
    "ex-11-dependence": '{"cyclical": 0.30, "family settlement": 0.50, "settlement with local programme": 0.34}',
    "ex-11-programme": "(54.6, 77.2)",
    "ex-12-match": "(568_000, 426_000)",
    "ex-12-residence": "97",
    "ex-20-ceiling": "180_000",
    "ex-20-peak": "(0.325, 0.375, 0.30)",
    "ex-20-india": '{"Canada": 5.8, "Mexico": 4.5, "China": 3.5, "Colombia": 2.8}',
    "ex-21-odds": "(3.29, 0.268)",
    "ex-30-long-run": "(24, 18.4)",
    "ex-30-protection": "(0.7, 0.2)",
    "ex-31-quadruple": "3.78",
    "ex-31-wider": '{"school": (20.5, 27.6), "mothers": (24.3, 47.5), "incarcerated": (5.2, 20.2)}',
    "ex-40-italy": "data.load('sassen_migration_systems').query('tie == \"none stated\"')",
    "ex-40-poor-senders": "2.0",
    "ex-41-multiplier": "0.65",
    "ex-50-programme": "(12.5, 20.1, 36.8, 53.6)",
    "ex-50-bridge": "7",
    "ex-10-rule": "[1.0, 0.4, 0.16, 0.064, 0.0256, 0.01024]",
    "ex-11-rule": "[47.45006, 33.465096, 33.360892]",
    "ex-12-rule": "[15000.0, 24157.65, 38906.136902]",
    "ex-20-rule": "[41.959454, 38.324148, 21.641108]",
    "ex-21-rule": "[278.746178, 148.131087]",
    "ex-30-rule": "[6.290919, 11.995721, 18.392283]",
    "ex-40-rule": "[0.087941, 0.039731, 0.130296, 0.056994, 0.144789, 0.123095, 0.280367, 0.136787]",
    "ex-41-rule": "[31.703717, 43.77703]",
    "ex-50-rule": "[0.038101, 0.182894]",
    "ex-13-revision": "0.087",
    "ex-13-net": "-130000",
    "ex-22-masters": "0.17",
    "ex-22-odds": "0.52",
    "ex-32-bounds": "(14.1, 44.1)",
    "ex-42-korean-share": "0.196",
}

GRADED_CHAPTER = "10_wage_gaps_and_migradollars"  # the sample submissions of the grading test


def run_command(*args):
    """Run ``python -m widgets.teaching ARGS`` from the repository root; its stdout."""
    done = subprocess.run(
        [sys.executable, "-m", "widgets.teaching", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    """The student edition, written by its command into a temporary folder."""
    out = tmp_path_factory.mktemp("student_edition")
    run_command("student", "--out", out)
    return out


def run_check(test_file, code):
    """Run one otter test file against the variables ``code`` defines (``data`` is imported)."""
    env = {}
    exec("from widgets import data\n" + code, env)
    test = create_test_file(str(test_file), NBMetadataConfig())
    test.run(env)
    return test


def assign(label, expression):
    """The line that stores ``expression`` in an exercise's answer variable."""
    return f"{teaching.variable(label)} = {expression}"


def cell_sources(notebook_path):
    """The source of every cell of a notebook."""
    return [cell.source for cell in nbformat.read(notebook_path, as_version=4).cells]


# ----------------------------------------------------------------------------- the student edition


def test_every_chapter_has_a_valid_student_notebook(edition):
    assert sorted(p.name for p in edition.glob("*.ipynb")) == [p.name for p in CHAPTERS]
    for path in edition.glob("*.ipynb"):
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        assert notebook.metadata["otter"]["assignment_name"] == path.stem
        outputs = [c.id for c in notebook.cells if c.cell_type == "code" and (c.outputs or c.execution_count)]
        assert not outputs, f"{path.name}: cells with outputs {outputs}"


def distinctive_lines(chapter):
    """Lines of the chapter's worked solutions (and of the reference solutions of its autograded
    exercises) that appear nowhere else in the chapter: if one is in the student edition, it leaked."""
    notebook = nbformat.read(chapter, as_version=4)
    elsewhere = "\n".join(
        piece if isinstance(piece, str) else piece.body
        for cell in notebook.cells
        for piece in (teaching.split(cell.source) if cell.cell_type == "markdown" else [cell.source])
        if getattr(piece, "kind", "") != "solution"
    )
    lines = {}
    for solution in teaching.directives(chapter, "solution"):
        lines[solution.label] = solution.body.split("\n")
    for exercise in teaching.directives(chapter, "exercise"):
        if exercise.label in GRADED:
            reference = (teaching.SOLUTIONS / f"{exercise.label}.py").read_text().split("\n")
            lines[exercise.label] = lines.get(exercise.label, []) + reference

    def distinctive(line):
        return (
            len(line) >= 20 and line not in elsewhere and not line.startswith(("from ", "import ", '"""', "#"))
        )  # imports and docstrings are common

    return {label: [line.strip() for line in text if distinctive(line.strip())] for label, text in lines.items()}


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_no_solution_text_in_the_student_edition(edition, chapter):
    lines = distinctive_lines(chapter)
    assert lines, f"{chapter.name} has no worked solutions"
    unchecked = [label for label, text in lines.items() if not text]
    assert not unchecked, f"solutions with no distinctive line to look for: {unchecked}"
    notebook_text = "\n".join(cell_sources(edition / chapter.name))
    everything = notebook_text + "\n".join(p.read_text() for p in (edition / "tests").glob("*.py"))
    leaked = {label: [line for line in text if line in everything] for label, text in lines.items()}
    assert not any(leaked.values()), f"solution text in the student edition: {leaked}"
    assert "{solution" not in notebook_text


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_every_exercise_is_followed_by_its_answer_cells(edition, chapter):
    cells = nbformat.read(edition / chapter.name, as_version=4).cells
    ids = [cell.id for cell in cells]
    exercises = teaching.directives(chapter, "exercise")
    assert exercises, f"{chapter.name} has no exercises"
    for exercise in exercises:
        label = exercise.label
        expected = ([f"{label}-prompt", f"{label}-code", f"{label}-check"] if label in GRADED else []) + [
            f"{label}-answer"
        ]
        start = ids.index(label)
        assert ids[start + 1 : start + 1 + len(expected)] == expected, label
        assert cells[start].source.startswith(f"### Exercise `{label}`: {exercise.title}")
        assert cells[ids.index(f"{label}-answer")].source == teaching.WRITTEN_ANSWER
        if label in GRADED:
            name = teaching.variable(label)
            assert f"Store your answer in `{name}`" in cells[start + 1].source
            assert cells[start + 2].source == f"{name} = ..."
            assert cells[start + 3].source == f'grader.check("{label}")'
    assert ("grader-setup" in ids) == any(e.label in GRADED for e in exercises)


def test_tagged_cells_and_nested_fences_of_solutions_are_removed(tmp_path):
    chapter = tmp_path / "99_sample.ipynb"
    markdown = (
        "## Exercises\n\n```{exercise} First\n:label: ex-99-a\n\nAsk A.\n```\n\n"
        "````{solution} ex-99-a\n:class: dropdown\n\n```python\nsecret_code()\n```\n\nSecret words.\n````\n\n"
        "## After"
    )
    nbformat.write(
        nbformat.v4.new_notebook(
            cells=[
                nbformat.v4.new_markdown_cell("# Title"),
                nbformat.v4.new_markdown_cell(markdown),
                nbformat.v4.new_code_cell("tagged_secret()", metadata={"tags": ["solution"]}),
            ]
        ),
        chapter,
    )
    text = "\n".join(cell.source for cell in teaching.student_notebook(chapter, {}).cells)
    assert "secret" not in text.lower() and "Ask A." in text and "## After" in text
    assert teaching.WRITTEN_ANSWER in text


def test_a_solution_the_parser_does_not_know_stops_the_student_edition(tmp_path):
    chapter = tmp_path / "99_sample.ipynb"
    nbformat.write(
        nbformat.v4.new_notebook(
            cells=[nbformat.v4.new_markdown_cell("```{solution-start} ex-99-a\n```\nSecret.\n```{solution-end}\n```")]
        ),
        chapter,
    )
    with pytest.raises(ValueError, match="solution text left"):
        teaching.student_notebook(chapter, {})


def test_student_tests_hold_only_public_cases(edition):
    for label in LABELS:
        full = create_test_file(str(GRADED[label]), NBMetadataConfig())
        student = create_test_file(str(edition / "tests" / f"{label}.py"), NBMetadataConfig())
        public = [c.body.test_func.__name__ for c in full.test_cases if not c.hidden]
        assert [c.body.test_func.__name__ for c in student.test_cases] == public, label
        student.run({teaching.variable(label): ...})
        assert not student.passed_all, f"{label}: the student's check accepts an empty answer"
    assert sorted(p.stem for p in (edition / "tests").glob("*.py")) == LABELS


# ----------------------------------------------------------------------------- the autograded checks


def test_autograded_exercises_are_exercises_of_the_chapters():
    labels = {e.label for chapter in CHAPTERS for e in teaching.directives(chapter, "exercise")}
    assert set(LABELS) <= labels, f"test files naming no exercise: {set(LABELS) - labels}"
    assert sorted(p.stem for p in teaching.SOLUTIONS.glob("*.py")) == LABELS
    assert set(WRONG) == set(PRINTED) == set(LABELS)
    for chapter in CHAPTERS:
        assert any(e.label in GRADED for e in teaching.directives(chapter, "exercise")), (
            f"{chapter.name} has no autograded exercise"
        )


@pytest.mark.parametrize("label", LABELS)
def test_test_file_declares_its_exercise(label):
    test = create_test_file(str(GRADED[label]), NBMetadataConfig())
    assert test.name == label and test.possible == 1
    assert any(not c.hidden for c in test.test_cases) and any(c.hidden for c in test.test_cases)
    assert teaching.variable(label) in GRADED[label].read_text()
    assert teaching.prompt(GRADED[label])


@pytest.mark.parametrize("label", LABELS)
def test_reference_solution_passes_every_check(label):
    test = run_check(GRADED[label], (teaching.SOLUTIONS / f"{label}.py").read_text())
    assert test.passed_all, test.summary()
    assert test.score == 1


@pytest.mark.parametrize("label", LABELS)
def test_answer_as_the_chapter_prints_it_passes(label):
    test = run_check(GRADED[label], assign(label, PRINTED[label]))
    assert test.passed_all, test.summary()


@pytest.mark.parametrize("label", LABELS)
def test_wrong_answer_of_the_right_form_fails_a_hidden_check(label):
    test = run_check(GRADED[label], assign(label, WRONG[label]))
    assert test.passed_all_public, test.summary()
    assert not test.passed_all and test.score == 0


@pytest.mark.parametrize("label", LABELS)
def test_empty_answer_fails(label):
    test = run_check(GRADED[label], assign(label, "..."))
    assert not test.passed_all_public and test.score == 0


# ----------------------------------------------------------------------------- the grade command


@pytest.mark.slow
def test_grade_command_on_a_correct_a_wrong_and_an_empty_submission(edition, tmp_path):
    labels = [
        e.label
        for e in teaching.directives(teaching.CHAPTERS / f"{GRADED_CHAPTER}.ipynb", "exercise")
        if e.label in GRADED
    ]
    assert len(labels) >= 2
    blank = nbformat.read(edition / f"{GRADED_CHAPTER}.ipynb", as_version=4)

    def submission(name, answer):
        notebook = nbformat.from_dict(blank)
        for cell in notebook.cells:
            if cell.id.endswith("-code"):
                cell.source = answer(cell.id.removesuffix("-code"))
        nbformat.write(notebook, tmp_path / "submissions" / name)

    (tmp_path / "submissions").mkdir()
    submission("correct.ipynb", lambda label: (teaching.SOLUTIONS / f"{label}.py").read_text())
    submission("wrong.ipynb", lambda label: "from widgets import data\n" + assign(label, WRONG[label]))
    submission("empty.ipynb", lambda label: assign(label, "..."))

    stdout = run_command("grade", tmp_path / "submissions", "--out", tmp_path / "grades.csv")
    with open(tmp_path / "grades.csv", newline="") as f:
        rows = {row["file"]: row for row in csv.DictReader(f)}
    assert list(next(iter(rows.values()))) == ["file", "chapter", *labels, "total", "possible"]
    expected = {"correct.ipynb": 1.0, "wrong.ipynb": 0.0, "empty.ipynb": 0.0}
    for file, score in expected.items():
        row = rows[file]
        assert row["chapter"] == GRADED_CHAPTER
        assert [float(row[label]) for label in labels] == [score] * len(labels), row
        assert float(row["total"]) == score * len(labels) and float(row["possible"]) == len(labels)
    assert set(rows) == set(expected)
    assert "correct.ipynb" in stdout
