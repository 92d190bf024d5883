"""The grader against a class with honest and hostile submissions side by side (issue 13).

One run of ``teachkit grade`` on a folder of chapter-10 notebooks: honest correct,
wrong and empty ones (made from the student edition, so they hold the chapter's ipywidget cells), and
one notebook per attack (read the checks and the solutions, copy a classmate, patch the checks,
answer with lying objects, write outside the scratch folder, leave a process behind, loop, allocate,
crash, forge the answers file, corrupt JSON, invalid or foreign notebooks). The run must finish; the
honest grades must be exactly right; no hostile notebook may score a point it did not earn; the
repository and the submissions folder must be byte for byte unchanged; no process may be left.
"""

import csv
import functools
import hashlib
import json
import subprocess
import sys
import time

import nbformat
import psutil
import pytest
from conftest import ROOT

from teachkit import grading, teaching

BOOK = teaching.Book(ROOT)
CHAPTER = "10_wage_gaps_and_migradollars"
LABELS = teaching.chapter_labels(BOOK, CHAPTER)  # ex-10-threshold, ex-10-calibration, ex-10-empty, ex-10-rule
KEY = functools.partial(teaching.answer_key, BOOK)
TIMEOUT = 90  # seconds per notebook in this suite: an honest chapter-10 notebook takes 15 to 25 s
MARKER = "hostile-leftover-7f3a"  # in the command line of any process a submission leaves behind
WATCHED = ("widgets", "teachkit", "exercises", "data", "chapters", "tests", "pyproject.toml", "requirements.txt")

SOLUTIONS = "\n".join((BOOK.solutions / f"{label}.py").read_text() for label in LABELS)
WRONG = (
    "answer_ex_10_threshold = 7\nanswer_ex_10_calibration = (0.739, 0.261)\nanswer_ex_10_empty = (0.874, 0.763)\n"
    "answer_ex_10_rule = [1.0, 0.6552, 0.4293, 0.2813, 0.1843, 0.1207]\n"
)

ATTACKS = {
    # Look for the checks, the reference solutions and classmates' notebooks; use any found.
    "read_hidden.ipynb": [
        f"""
import glob, os, runpy
found = {{}}
for pattern in ["{ROOT}/exercises/*/*.py", "/work/*/exercises/*/*.py", "/work/*/*/exercises/*/*.py", "/*/exercises/*/*.py"]:
    for path in glob.glob(pattern, recursive=True):
        try:
            found.update({{k: v for k, v in runpy.run_path(path).items() if k.startswith("answer_")}})
        except Exception:
            pass
for path in glob.glob("{ROOT}/exercises/solutions/*.py") + glob.glob("{ROOT}/exercises/tests/*.py"):
    found.update({{k: v for k, v in runpy.run_path(path).items() if k.startswith("answer_")}})
globals().update(found)
"""
    ],
    "copy_classmate.ipynb": [
        """
import glob, json
answers = {}
for path in glob.glob("{submissions}/*.ipynb") + glob.glob("/submission/../*/*.ipynb") + glob.glob("/tmp/**/*.ipynb", recursive=True):
    if "copy_classmate" in path:
        continue
    try:
        for cell in json.load(open(path))["cells"]:
            source = "".join(cell["source"])
            if "answer_ex_10" in source and "= ..." not in source:
                exec(source, answers)
    except Exception:
        pass
globals().update({k: v for k, v in answers.items() if k.startswith("answer_")})
"""
    ],
    # Replace what checks could be compared against, and the grader's own code in the kernel.
    "patch_checks.ipynb": [
        """
import json, teachkit.answers as a, widgets.models as m
from widgets.models import remittances
a.score = lambda *args: (1, "right")
a.problem = lambda *args: None
remittances.gnp_per_migradollar = lambda *args, **kwargs: 0
m.get = lambda name: None
json.dump = lambda obj, f, *args, **kwargs: f.write('{"score": 3, "ex-10-threshold": {"passed": true}}')
""",
        WRONG,
    ],
    "lying_objects.ipynb": [
        """
class Liar(float):
    __eq__ = lambda self, other: True
    __ne__ = lambda self, other: False
    __sub__ = __rsub__ = lambda self, other: 0.0
    __abs__ = lambda self: 0.0
    __lt__ = __le__ = __gt__ = __ge__ = lambda self, other: True
    __float__ = lambda self: 4.0
    __repr__ = lambda self: "4.0"
class LiarTuple(tuple):
    __eq__ = lambda self, other: True
    __len__ = lambda self: 2
answer_ex_10_threshold = Liar(9)
answer_ex_10_calibration = LiarTuple([Liar(0.9), Liar(0.9)])
answer_ex_10_empty = (Liar(0.99), Liar(0.99))
"""
    ],
    # Write outside the scratch folder: the repository, the submissions, the grade table.
    "write_outside.ipynb": [
        f"""
import glob, os
targets = ["{ROOT}/widgets/parts/labour.py", "{ROOT}/teachkit/teachkit/answers.py", "{{submissions}}/correct.ipynb",
           "{{out}}", "/book/widgets/data.py", "/book/teachkit/answers.py"]
for pid in os.listdir("/proc"):
    try:
        words = open(f"/proc/{{pid}}/cmdline", "rb").read().split(b"\\0")
        targets += [w.decode() for w in words if w.endswith(b".csv")]
    except Exception:
        pass
for target in targets:
    try:
        with open(target, "a") as f:
            f.write("\\nHACKED = True\\n")
    except Exception:
        pass
""",
        WRONG,
    ],
    "leave_process.ipynb": [
        f"""
import subprocess, sys
code = "import time\\nwhile True:\\n    try: open('{{out}}', 'w').write('file,total\\\\nleave_process.ipynb,99\\\\n')\\n    except Exception: pass\\n    time.sleep(0.2)"
subprocess.Popen([sys.executable, "-c", code, "{MARKER}"], start_new_session=True,
                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
""",
        WRONG,
    ],
    # Exhaust the grader's time, memory and patience.
    "endless_loop.ipynb": ["while True:\n    pass"],
    "allocate.ipynb": [
        "try:\n    hog = bytearray(4 * 2**30)\n    held = True\nexcept MemoryError:\n    held = False",
        SOLUTIONS,
        "if held:\n    answer_ex_10_threshold = 99",
    ],
    "crash.ipynb": [SOLUTIONS, "import os\nos._exit(1)"],
    "forge_answers.ipynb": [
        """
import teachkit.answers as a
a.answers_of = lambda *args: {"ex-10-threshold": [[[[[[[[[[[[[[[[[[[[4.0]]]]]]]]]]]]]]]]]]]] * 200000}
"""
    ],
}
HONEST = {"correct.ipynb": SOLUTIONS, "wrong.ipynb": WRONG, "empty.ipynb": None}


def expected_rows():
    """Each submission's expected scores (one per exercise of chapter 10) and reason."""
    zero, full = [0] * len(LABELS), [1] * len(LABELS)
    timed_out = f"timed out after {TIMEOUT:g} s (once)"
    died = "the kernel died (a crash, or the memory limit)"
    rows = {name: (zero, "") for name in ATTACKS}
    rows.update({"correct.ipynb": (full, ""), "wrong.ipynb": (zero, ""), "empty.ipynb": (zero, "")})
    rows.update({"endless_loop.ipynb": (zero, timed_out), "crash.ipynb": (zero, died), "allocate.ipynb": (full, "")})
    rows["forge_answers.ipynb"] = (zero, "no answers could be read (the notebook did not finish)")
    return rows


BROKEN = {  # files that are not gradable notebooks, and the reason their row must give
    "truncated.ipynb": "not a valid notebook (NotJSONError",
    "no_source.ipynb": "not a valid notebook (NotebookValidationError: 'source' is a required property",
    "no_metadata.ipynb": "no otter assignment name in its metadata",
    "unknown_chapter.ipynb": "unknown chapter '99_no_such_chapter'",
    "binary.ipynb": "not a valid notebook (UnicodeDecodeError",
    "link.ipynb": "not graded: a symbolic link",
}


def notebook(*sources, chapter=CHAPTER):
    """A notebook of code cells, marked as a student-edition notebook of ``chapter``."""
    cells = [nbformat.v4.new_code_cell(source) for source in sources if source]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["otter"] = {"assignment_name": chapter}
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def honest(edition, answer):
    """The student edition's chapter 10 with every answer cell filled (``None``: left as ``...``)."""
    nb = nbformat.read(edition / f"{CHAPTER}.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.id.endswith("-code") and answer is not None:
            cell.source = answer if cell.id == f"{LABELS[0]}-code" else "pass"
    return nb


def write_folder(folder, edition, out):
    """Fill ``folder`` with the honest, hostile and broken submissions."""
    folder.mkdir()
    for name, answer in HONEST.items():
        nbformat.write(honest(edition, answer), folder / name)
    for name, sources in ATTACKS.items():
        sources = [s.replace("{submissions}", str(folder)).replace("{out}", str(out)) for s in sources]
        nbformat.write(notebook(*sources), folder / name)
    text = json.dumps(notebook(WRONG))
    (folder / "truncated.ipynb").write_text(text[: len(text) // 2])
    broken = json.loads(text)
    del broken["cells"][0]["source"]
    (folder / "no_source.ipynb").write_text(json.dumps(broken))
    foreign = notebook(SOLUTIONS)
    del foreign.metadata["otter"]
    nbformat.write(foreign, folder / "no_metadata.ipynb")
    nbformat.write(notebook(SOLUTIONS, chapter="99_no_such_chapter"), folder / "unknown_chapter.ipynb")
    (folder / "binary.ipynb").write_bytes(bytes(range(256)))
    (folder / "link.ipynb").symlink_to(BOOK.solutions / f"{LABELS[0]}.py")
    v3 = {
        "nbformat": 3,
        "nbformat_minor": 0,
        "metadata": {"otter": {"assignment_name": CHAPTER}},
        "worksheets": [{"cells": [{"cell_type": "code", "input": SOLUTIONS, "language": "python", "outputs": []}]}],
    }
    (folder / "format_3.ipynb").write_text(json.dumps(v3))
    (folder / "notes.txt").write_text("not a notebook: ignored")


def fingerprint(*roots):
    """Every file under ``roots`` (path, size, SHA-256), skipping bytecode caches."""
    prints = {}
    for root in roots:
        paths = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts:
                prints[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return prints


def leftovers():
    """Processes whose command line holds the marker of the leave-process attack."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        if MARKER in " ".join(process.info["cmdline"] or []):
            found.append(process.pid)
    return found


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("edition") / "student_edition"
    teaching.student_edition(BOOK, out)
    return out


@pytest.fixture(scope="session", name="installed")
def installed_library(tmp_path_factory):
    """The book's library and this kit, installed from their wheels as the sandbox gets them."""
    return grading.sandbox_library(ROOT, tmp_path_factory.mktemp("library"))


@pytest.fixture(scope="module")
def graded(edition, tmp_path_factory):
    """The submissions folder, the grade table, the command's output, and what was checked around it."""
    if grading.bwrap() is None:
        pytest.fail("bubblewrap is not installed: .ci/run installs it (apt-get install bubblewrap)")
    work = tmp_path_factory.mktemp("class")
    folder, out = work / "submissions", work / "grades.csv"
    write_folder(folder, edition, out)
    repository_before = fingerprint(*(ROOT / name for name in WATCHED))
    submissions_before = fingerprint(folder)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "teachkit", "grade", folder, "--out", out, "--timeout", str(TIMEOUT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    seconds = time.monotonic() - started
    table_bytes = out.read_bytes() if out.exists() else b""
    time.sleep(2)  # a process left behind would rewrite the table by now
    with open(out, newline="") as f:
        rows = {row["file"]: row for row in csv.DictReader(f)}
    print(f"\ngraded {len(rows)} notebooks in {seconds:.0f} s\n{table_bytes.decode()}")
    return {
        "done": done,
        "rows": rows,
        "table": table_bytes,
        "out": out,
        "folder": folder,
        "repository_before": repository_before,
        "submissions_before": submissions_before,
    }


def test_the_run_completes_with_a_row_per_notebook(graded):
    assert graded["done"].returncode == 0, graded["done"].stderr[-3000:]
    names = set(HONEST) | set(ATTACKS) | set(BROKEN) | {"format_3.ipynb"}
    assert set(graded["rows"]) == names
    assert list(next(iter(graded["rows"].values()))) == ["file", "chapter", *LABELS, "total", "possible", "reason"]
    assert list(graded["rows"]) == sorted(names), "rows are sorted by file name"
    assert "grading: 100%" in graded["done"].stderr, "a progress bar is shown"


@pytest.mark.parametrize("name", sorted(set(HONEST) | set(ATTACKS)))
def test_every_grade_is_exactly_what_the_notebook_earned(graded, name):
    scores, reason = expected_rows()[name]
    row = graded["rows"][name]
    assert [int(row[label]) for label in LABELS] == scores, row
    assert (int(row["total"]), int(row["possible"])) == (sum(scores), len(LABELS)), row
    assert row["reason"] == reason and row["chapter"] == CHAPTER, row


def test_an_old_format_notebook_is_upgraded_and_graded(graded):
    row = graded["rows"]["format_3.ipynb"]
    assert (row["total"], row["reason"]) == (str(len(LABELS)), ""), row


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_file_that_is_no_gradable_notebook_gets_a_row_with_its_reason(graded, name):
    row = graded["rows"][name]
    assert row["reason"].startswith(BROKEN[name]), row
    assert row["total"] == "0" and all(row[label] in ("", "0") for label in LABELS), row


def test_repository_and_submissions_are_byte_for_byte_unchanged(graded):
    assert fingerprint(*(ROOT / name for name in WATCHED)) == graded["repository_before"]
    assert fingerprint(graded["folder"]) == graded["submissions_before"]


def test_no_process_is_left_and_the_table_stays_as_written(graded):
    assert not leftovers()
    assert graded["out"].read_bytes() == graded["table"]
    assert not list(graded["out"].parent.glob(".grades.csv.*")), "no temporary table is left"


# ----------------------------------------------------------------------------- the grader's parts


def test_a_second_run_on_the_same_folder_gives_the_same_table(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    nbformat.write(notebook(SOLUTIONS), folder / "right.ipynb")
    nbformat.write(notebook(ATTACKS["lying_objects.ipynb"][0]), folder / "liar.ipynb")
    (folder / "broken.ipynb").write_text("{")
    tables = []
    for run in (1, 2):
        columns, rows = grading.grade(folder, KEY, ROOT, grading.Limits(timeout=60), progress=False)
        grading.write_table(columns, rows, tmp_path / f"run{run}.csv")
        tables.append((tmp_path / f"run{run}.csv").read_bytes())
    assert tables[0] == tables[1]
    assert b"right.ipynb,10_wage_gaps_and_migradollars,1,1,1,1,4,4,\n" in tables[0]


def test_a_run_still_in_the_notebooks_code_at_its_timeout_is_not_retried(tmp_path, installed):
    """Asleep or busy, the kernel had not replied: a second run would only repeat it (issue 29)."""
    limits = grading.Limits(timeout=8)
    sleeper = grading.run_sandboxed(notebook("import time\ntime.sleep(600)"), {}, tmp_path / "a", installed, limits)
    busy = grading.run_sandboxed(notebook("while True:\n    pass"), {}, tmp_path / "b", installed, limits)
    assert sleeper.problem == busy.problem == "timed out after 8 s (once)"


def test_the_sandbox_has_no_network_and_sees_no_repository(tmp_path, installed):
    probe = f"""
import json, os, socket
seen = {{"repository": os.path.exists({str(ROOT / "exercises")!r}), "root": sorted(os.listdir("/")), "uid": os.getuid()}}
try:
    socket.create_connection(("1.1.1.1", 53), timeout=2)
    seen["network"] = True
except OSError:
    seen["network"] = False
answer_probe = json.dumps(seen)
"""
    run = grading.run_sandboxed(notebook(probe), {"probe": "answer_probe"}, tmp_path / "s", installed, grading.Limits())
    seen = json.loads(run.answers["probe"])
    assert seen["repository"] is False and seen["network"] is False and seen["uid"] == grading.SANDBOX_UID
    assert {"book", "submission", "tmp", "usr"} <= set(seen["root"])


def test_grading_refuses_without_a_sandbox_and_says_how_to_get_one(tmp_path, monkeypatch):
    monkeypatch.setattr(grading, "bwrap", lambda: None)
    with pytest.raises(grading.NoSandbox, match="apt-get install bubblewrap"):
        grading.grade(tmp_path, KEY, ROOT, progress=False)
    done = subprocess.run(
        [sys.executable, "-m", "teachkit", "grade", tmp_path, "--out", tmp_path / "g.csv"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/nonexistent"},
    )
    assert done.returncode != 0 and "refusing to grade" in done.stderr and "bubblewrap" in done.stderr
    assert not (tmp_path / "g.csv").exists()


def test_unsafe_grades_without_a_sandbox_and_warns(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    nbformat.write(notebook(SOLUTIONS), folder / "mine.ipynb")
    done = subprocess.run(
        [sys.executable, "-m", "teachkit", "grade", folder, "--out", tmp_path / "g.csv", "--unsafe"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0 and "WARNING: --unsafe" in done.stderr, done.stderr[-2000:]
    assert "mine.ipynb,10_wage_gaps_and_migradollars,1,1,1,1,4,4,\n" in (tmp_path / "g.csv").read_text()


def test_the_runner_exports_the_answers_as_plain_json(tmp_path):
    """What runs inside the sandbox, run here on a trusted notebook: answers out, kernel state recorded."""
    (tmp_path / "submission.ipynb").write_text(json.dumps(notebook("import numpy as np\nanswer_x = np.float64(4)")))
    (tmp_path / "variables.json").write_text(json.dumps({"x": "answer_x", "y": "answer_y"}))
    grading.run_inside(tmp_path)
    assert json.loads((tmp_path / "answers.json").read_text()) == {"x": 4.0, "y": None}
    assert json.loads((tmp_path / "status.json").read_text()) == {"status": "finished"}


def test_the_command_line_grades_and_writes_the_table(tmp_path, capsys):
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "broken.ipynb").write_text("{")
    nbformat.write(notebook(WRONG), folder / "wrong.ipynb")
    teaching.main(
        [
            "grade",
            str(folder),
            "--book",
            str(ROOT),
            "--out",
            str(tmp_path / "g.csv"),
            "--timeout",
            "90",
            "--memory",
            "2GiB",
        ]
    )
    table = (tmp_path / "g.csv").read_text().splitlines()
    assert table[0] == "file,chapter," + ",".join(LABELS) + ",total,possible,reason"
    assert table[2] == "wrong.ipynb,10_wage_gaps_and_migradollars,0,0,0,0,0,4,"
    assert "grade table of 2 notebooks written" in capsys.readouterr().out
