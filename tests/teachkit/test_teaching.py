"""The teaching kit (teachkit/teaching.py, teachkit/answers.py): the student edition leaks no solution
or expected value and gives every exercise an answer cell; every autograded check passes its
reference solution and the answer as the chapter prints it, accepts the equivalent forms its prompt
allows, states its tolerance, and fails a wrong or an empty answer; the student's ``grader.check``
says in one line whether the form is right, never that a value is; the Gradescope zips grade a
correct and a wrong submission. The grading of a whole class is tested in test_grading.py.

Commands are run as a user runs them (``teachkit ...``, as ``python -m teachkit``) into temporary folders.
"""

import io
import json
import re
import subprocess
import sys
import zipfile
from contextlib import redirect_stdout

import nbformat
import numpy as np
import pandas as pd
import pytest
from conftest import CHAPTERS, ROOT

from teachkit import answers, teaching
from widgets import data

BOOK = teaching.Book(ROOT)
GRADED = teaching.autograded(BOOK)
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
    "ex-13-net": "1_000_000",
    "ex-13-settlement": "1.0",
    "ex-13-tax": "4.76",
    "ex-22-masters": "0.65",
    "ex-22-odds": "0.39",
    "ex-22-people": "0.25",
    "ex-32-bounds": "(14.1, 44.1)",
    "ex-42-korean-share": "0.31",
    "ex-42-hump": "6000",
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
    "ex-13-net": "1010000",
    "ex-13-settlement": "3.19",
    "ex-13-tax": "47.64",
    "ex-22-masters": "0.17",
    "ex-22-odds": "0.52",
    "ex-22-people": "0.353",
    "ex-32-bounds": "(33.25, 63.25)",
    "ex-42-korean-share": "0.196",
    "ex-42-hump": "7000.0",
}


def run_command(*args):
    """Run ``teachkit ARGS`` (as ``python -m teachkit``) from the repository root; its stdout."""
    done = subprocess.run(
        [sys.executable, "-m", "teachkit", *map(str, args)],
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
    out = tmp_path_factory.mktemp("edition") / "student_edition"
    run_command("student", "--out", out)
    return out


def check_of(label):
    """An exercise's check and its expected value (computed once per test)."""
    check = teaching.load_check(BOOK, label)
    return check, answers.plain(check.expected())


def run_check(label, code):
    """The score and message of the answer the Python ``code`` stores (``data`` is imported)."""
    env = {}
    exec("from widgets import data\n" + code, env)
    check, expected = check_of(label)
    return answers.score(check.form, answers.plain(env.get(teaching.variable(label))), expected)


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
            reference = (BOOK.solutions / f"{exercise.label}.py").read_text().split("\n")
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
    everything = notebook_text + (edition / answers.FORMS_FILE).read_text()
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


def test_the_edition_is_self_contained_and_holds_no_check_or_solution(edition):
    assert sorted(p.name for p in edition.iterdir()) == sorted(
        [p.name for p in CHAPTERS] + ["README.md", "forms.json", "requirements.txt", "wheels"]
    )
    wheels = sorted(p.name for p in (edition / "wheels").iterdir())
    assert [name.split("-")[0] for name in wheels] == ["migration_book_teachkit", "migration_book_widgets"]
    requirements = (edition / "requirements.txt").read_text().splitlines()
    assert requirements[-1] == f"wheels/{wheels[1]}" and any(line.startswith("pandas==") for line in requirements)
    assert not [line for line in requirements if line.startswith("-e")], "no source of the library is installed"
    with zipfile.ZipFile(edition.parent / "student_edition.zip") as archive:
        names = archive.namelist()
    assert f"student_edition/{CHAPTERS[0].name}" in names and not [n for n in names if "exercises" in n]
    forms = json.loads((edition / answers.FORMS_FILE).read_text())
    assert sorted(forms) == [p.stem for p in CHAPTERS]
    assert sorted(label for chapter in forms.values() for label in chapter) == LABELS
    assert all(set(entry) == {"variable", "form"} for chapter in forms.values() for entry in chapter.values())
    text = (edition / answers.FORMS_FILE).read_text()
    assert not re.search(r"\bimport |\bfrom widgets|widgets\.", text), (
        "the forms hold no hint of where an answer comes from"
    )


def test_the_first_cell_installs_the_editions_wheels_in_place_of_the_chapters_install(edition):
    wheels = sorted(p.name for p in (edition / "wheels").iterdir())
    for chapter in CHAPTERS:
        cells = nbformat.read(edition / chapter.name, as_version=4).cells
        code = [cell for cell in cells if cell.cell_type == "code"]
        assert code[0].id == "install" and all(f"wheels/{name}" in code[0].source for name in wheels), chapter.name
        assert sum(teaching.INSTALLS_LIBRARY in cell.source for cell in code) == 1, "the chapter's own install is gone"
        assert code[1].id == "grader-setup"


def test_the_student_notebooks_run_their_checks_offline(edition):
    """A student opening chapter 10 of the edition: the setup cell and every check cell run."""
    notebook = nbformat.read(edition / "10_wage_gaps_and_migradollars.ipynb", as_version=4)
    setup = next(cell.source for cell in notebook.cells if cell.id == "grader-setup")
    checks = [cell.source for cell in notebook.cells if cell.id.endswith("-check")]
    code = setup + "\nanswer_ex_10_threshold = 4\n" + "\n".join(checks) + "\ngrader.check_all()"
    done = subprocess.run([sys.executable, "-c", code], cwd=edition, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().split("\n")
    assert len(lines) == 8, lines  # four checks and check_all's four lines: one line each
    assert lines[0].startswith("ex-10-threshold: right form") and "not yet" in lines[1]


# ----------------------------------------------------------------------------- the student's verdict


def verdicts(code, chapter="10_wage_gaps_and_migradollars"):
    """What ``grader.check_all()`` prints after ``code`` ran in the notebook's namespace."""
    forms = {label: {"variable": teaching.variable(label), "form": teaching.load_check(BOOK, label).form}
             for label in teaching.chapter_labels(BOOK, chapter)}  # fmt: skip
    namespace = {"grader": answers.Checks(chapter, forms)}
    exec(code + "\ngrader.check_all()", namespace)
    return namespace


def printed(code):
    out = io.StringIO()
    with redirect_stdout(out):
        verdicts(code)
    return out.getvalue().strip().split("\n")


def test_a_wrong_value_of_the_right_form_is_never_called_passed():
    lines = printed(
        "answer_ex_10_threshold = 7\nanswer_ex_10_calibration = (0.7, 0.2)\nanswer_ex_10_empty = (0.5, 0.5)\n"
        "answer_ex_10_rule = [1, 2, 3, 4, 5, 6]"
    )
    assert len(lines) == 4 and all("right form" in line for line in lines)
    assert not any(re.search(r"pass|correct|\bright\b(?! form)", line, re.I) for line in lines), lines


def test_a_number_where_a_pair_is_expected_gets_a_message_not_an_exception():
    lines = printed(
        "answer_ex_10_threshold = (4, 4)\nanswer_ex_10_calibration = 0.3\nanswer_ex_10_empty = 'x'\nanswer_ex_10_rule = 1"
    )
    assert [line.split(":")[1].strip() for line in lines] == ["not yet"] * 4, lines
    assert "give a pair (saved, imports)" in lines[1]


def test_check_all_runs_only_the_open_chapter():
    lines = printed("")
    assert [line.split(":")[0] for line in lines] == teaching.chapter_labels(BOOK, "10_wage_gaps_and_migradollars")
    assert all("replace the ... with your answer" in line for line in lines)


def test_check_reads_the_callers_variables_and_names_other_chapters_exercises():
    out = io.StringIO()
    with redirect_stdout(out):
        verdicts('answer_ex_10_threshold = 4.0\ngrader.check("ex-10-threshold")\ngrader.check("ex-0-top-six")')
    first, second = out.getvalue().split("\n")[:2]
    assert first.startswith("ex-10-threshold: right form") and "not an autograded exercise of this chapter" in second


# ----------------------------------------------------------------------------- the autograded checks


def test_autograded_exercises_are_exercises_of_the_chapters():
    labels = {e.label for chapter in CHAPTERS for e in teaching.directives(chapter, "exercise")}
    assert set(LABELS) <= labels, f"check files naming no exercise: {set(LABELS) - labels}"
    assert sorted(p.stem for p in BOOK.solutions.glob("*.py")) == LABELS
    assert set(WRONG) == set(PRINTED) == set(LABELS)
    for chapter in CHAPTERS:
        assert teaching.chapter_labels(BOOK, chapter.stem), f"{chapter.name} has no autograded exercise"


def numbers_of(form):
    """Every number form inside a form."""
    if form["kind"] == "number":
        return [form]
    inner = form.get("items", []) + ([form["value"]] if form["kind"] == "mapping" else [])
    return [n for part in inner for n in numbers_of(part)]


@pytest.mark.parametrize("label", LABELS)
def test_every_tolerance_is_stated_in_the_prompt(label):
    check = teaching.load_check(BOOK, label)
    for form in numbers_of(check.form):
        if form["within"] >= 1e-4:
            stated = f"within {form['within'] * 100:g} percent" if form["relative"] else f"within {form['within']:g}"
            assert stated in check.prompt, f"{label}: the prompt does not say {stated!r}"
        else:
            assert re.search(r"exactly|steps of", check.prompt), f"{label}: the prompt does not say it must be exact"


@pytest.mark.parametrize("label", LABELS)
def test_reference_solution_passes_every_check(label):
    assert run_check(label, (BOOK.solutions / f"{label}.py").read_text()) == (1, "right")


@pytest.mark.parametrize("label", LABELS)
def test_answer_as_the_chapter_prints_it_passes(label):
    assert run_check(label, assign(label, PRINTED[label])) == (1, "right")


@pytest.mark.parametrize("label", LABELS)
def test_wrong_answer_of_the_right_form_fails(label):
    assert run_check(label, assign(label, WRONG[label])) == (0, "wrong value")


@pytest.mark.parametrize("label", LABELS)
def test_empty_answer_fails(label):
    assert run_check(label, assign(label, "...")) == (0, f"wrong form: {answers.MISSING}")


EQUIVALENT = {  # forms a prompt allows besides the one the reference solution uses
    "ex-10-threshold": ["4", "np.float64(4.0)", "np.int64(4)", "3.9", "4.1"],
    "ex-10-empty": ["[0.76, 0.87]", "np.array([0.76, 0.87])", "pd.Series([0.76, 0.87])"],
    "ex-11-dependence": [
        "pd.Series({'cyclical': 0.30, 'family settlement': 0.50, 'settlement with local programme': 0.34})"
    ],
    "ex-40-italy": [
        "data.load('sassen_migration_systems').query('tie == \"none stated\"').reset_index(drop=True)",
        "data.load('sassen_migration_systems').query('tie == \"none stated\"')[['receiving']].iloc[::-1]",
    ],
    "ex-50-bridge": ["7.0", "np.int64(7)"],
}
UNFAIR = {  # answers the old checks scored wrongly, and the score they must get
    "ex-10-empty": [("(2, 2)", 0), ("(1e9, 1e9)", 0), ("(0.77, 0.88)", 1), ("(0.75, 0.87)", 0)],
    "ex-10-threshold": [("3.9", 1), ("4.1", 1), ("3.85", 0), ("4.15", 0)],
    "ex-40-italy": [
        ("data.load('sassen_migration_systems').query('tie == \"none stated\"').reset_index(drop=True)", 1)
    ],
}


@pytest.mark.parametrize("label,expression", [(k, e) for k, v in EQUIVALENT.items() for e in v])
def test_equivalent_forms_pass(label, expression):
    env = {"np": np, "pd": pd, "data": data}
    check, expected = check_of(label)
    assert answers.score(check.form, answers.plain(eval(expression, env)), expected) == (1, "right")


@pytest.mark.parametrize("label,expression,points", [(k, e, p) for k, v in UNFAIR.items() for e, p in v])
def test_the_checks_that_graded_unfairly(label, expression, points):
    check, expected = check_of(label)
    assert answers.score(check.form, answers.plain(eval(expression, {"data": data})), expected)[0] == points


def test_objects_that_lie_about_their_value_are_exported_as_what_they_are():
    class Liar(float):
        def __eq__(self, other):
            return True

        def __sub__(self, other):
            return 0.0

        __hash__ = float.__hash__

    class Unknown:
        pass

    assert type(answers.plain(Liar(9))) is float and answers.plain(Liar(9)) == 9.0
    assert answers.plain((Liar(1), [Liar(2)])) == [1.0, [2.0]]
    assert answers.plain(Unknown()) == {"unsupported": "Unknown"}
    check, expected = check_of("ex-10-threshold")
    assert answers.score(check.form, answers.plain(Liar(9)), expected) == (0, "wrong value")
    assert answers.score(check.form, {"unsupported": "Unknown"}, expected)[0] == 0


def test_junk_that_json_can_hold_never_raises():
    check, expected = check_of("ex-11-dependence")
    for junk in [None, [], {}, "x", 1e308, [[[]]], {"cyclical": {"a": []}}, True, {"unsupported": 1}]:
        points, message = answers.score(check.form, junk, expected)
        assert points == 0 and message


# ----------------------------------------------------------------------------- Gradescope


@pytest.fixture(scope="module")
def gradescope_zips(tmp_path_factory):
    out = tmp_path_factory.mktemp("gradescope")
    run_command("gradescope", "--out", out)
    return out


def test_one_gradescope_zip_per_chapter_without_solutions(gradescope_zips):
    assert sorted(p.stem for p in gradescope_zips.glob("*.zip")) == [p.stem for p in CHAPTERS]
    with zipfile.ZipFile(gradescope_zips / "10_wage_gaps_and_migradollars.zip") as archive:
        names = archive.namelist()
        wheels = sorted(name for name in names if name.startswith("files/wheels/"))
        assert [name.split("/")[-1].split("-")[0] for name in wheels] == [
            "migration_book_teachkit", "migration_book_widgets"
        ]  # fmt: skip
        environment = archive.read("environment.yml").decode()
        assert "pandas==" in environment
        assert all(f"/autograder/source/{name}" in environment for name in wheels), environment
        assert sorted(n for n in names if n.startswith("files/")) == wheels, "no source copy of the library"
        assert sorted(n for n in names if n.startswith("tests/")) == [
            f"tests/{label}.py" for label in sorted(teaching.chapter_labels(BOOK, "10_wage_gaps_and_migradollars"))
        ]
        assert not [n for n in names if "solutions" in n]


def test_a_gradescope_zip_grades_a_correct_and_a_wrong_submission(gradescope_zips, edition, tmp_path):
    from otter.api import grade_submission

    chapter = "10_wage_gaps_and_migradollars"
    labels = teaching.chapter_labels(BOOK, chapter)
    blank = nbformat.read(edition / f"{chapter}.ipynb", as_version=4)
    scores = {}
    for name, answer in {
        "correct": lambda label: (BOOK.solutions / f"{label}.py").read_text(),
        "wrong": lambda label: assign(label, WRONG[label]),
    }.items():
        notebook = nbformat.from_dict(json.loads(json.dumps(blank)))
        for cell in notebook.cells:
            if cell.id.endswith("-code"):
                cell.source = answer(cell.id.removesuffix("-code"))
        nbformat.write(notebook, tmp_path / f"{name}.ipynb")
        results = grade_submission(str(tmp_path / f"{name}.ipynb"), str(gradescope_zips / f"{chapter}.zip"), quiet=True)
        assert results.catastrophic_error is None
        scores[name] = [results.get_score(label) for label in labels] + [results.total, results.possible]
    assert scores == {"correct": [1, 1, 1, 1, 4, 4], "wrong": [0, 0, 0, 0, 0, 4]}
