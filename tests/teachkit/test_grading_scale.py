"""The grader at a class's scale (issue 29), beside the hostile suite of test_grading.py.

No submission can stop the class (a deep folder tree, an invalid notebook nested hundreds deep, file
names of any bytes); the sandbox's limits hold against a notebook that pushes past each (small caps
here, to stay fast); the printed summary and the tables cannot be forged by a name; subfolders and
twins get their own rows; the report and the gradebook CSV say what the table says.
"""

import csv
import json
import os
import subprocess
import sys

import nbformat
import pytest
from conftest import ROOT
from test_grading import BOOK, CHAPTER, LABELS, SOLUTIONS, WRONG, installed_library, notebook  # noqa: F401

from teachkit import grading, teaching

MIB = grading.MIB
DEEP_TREE = """
import os
fd = os.open(".", os.O_RDONLY)
for _ in range(3000):
    os.mkdir("d", dir_fd=fd)
    inner = os.open("d", os.O_RDONLY, dir_fd=fd)
    os.close(fd)
    fd = inner
"""
NESTED = '{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [], "x": ' + "[" * 480 + "]" * 480 + "}"
FORGED = "x\nfake.ipynb: 4\u22154\nlate.ipynb"  # would print a false line (U+2215 looks like "/")


def fs(raw: bytes) -> str:
    """A file name given as bytes, for the file system functions."""
    return os.fsdecode(raw)


# ----------------------------------------------------------------------------- the grader's parts


def test_names_are_shown_escaped_and_never_alike():
    names = [
        b"M\xfcller.ipynb",
        "Müller.ipynb".encode(),
        b"M\\xfcller.ipynb",
        b"a\nb",
        b"a\\nb",
        b"\t=1",
        "\u202e".encode(),
    ]
    shown = [grading.shown(name) for name in names]
    assert shown[:4] == ["M\\xfcller.ipynb", "Müller.ipynb", "M\\\\xfcller.ipynb", "a\\nb"]
    assert shown[5:] == ["\\x09=1", "\\u202e"]
    assert len(set(shown)) == len(shown) and all(text.isprintable() for text in shown)
    assert grading.shown("x" * 500, 60) == "x" * 60 + "…"


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_lead_is_guarded(lead):
    assert grading._inert(lead + "HYPERLINK()") == "'" + lead + "HYPERLINK()"
    assert grading._inert("name.ipynb") == "name.ipynb" and grading._inert(4) == 4


def test_a_tree_thousands_deep_and_locked_is_removed_without_recursion(tmp_path):
    fd = os.open(tmp_path, os.O_RDONLY)
    os.mkdir("top", dir_fd=fd)
    for depth in range(3000):
        inner = os.open("top" if depth == 0 else "d", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
        os.mkdir("d", dir_fd=fd)
        if depth == 1500:
            os.close(os.open("file", os.O_CREAT | os.O_WRONLY, dir_fd=fd))
    os.close(fd)
    (tmp_path / "top" / "locked").mkdir()
    (tmp_path / "top" / "locked" / "f").write_text("x")
    (tmp_path / "top" / "locked").chmod(0)
    grading.remove_tree(tmp_path / "top")
    assert not (tmp_path / "top").exists()
    grading.remove_tree(tmp_path / "top")  # gone already: nothing to do


def test_a_notebook_nested_hundreds_deep_gets_a_short_reason(tmp_path):
    (tmp_path / "nested.ipynb").write_text(NESTED)
    _, _, reason = grading.read_submission(tmp_path / "nested.ipynb")
    assert reason.startswith("not a valid notebook (") and len(reason) < 200
    (tmp_path / "latin.ipynb").write_bytes(b'{"x": "M\xfcller"}')
    assert (
        grading.read_submission(tmp_path / "latin.ipynb")[2]
        == "not a valid notebook (UnicodeDecodeError: not UTF-8 at byte 8)"
    )


def test_subfolders_checkpoints_and_odd_names_are_all_listed(tmp_path):
    for name in ("a/twin.ipynb", "b/twin.ipynb", "a/.ipynb_checkpoints/twin-checkpoint.ipynb", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}")
    (tmp_path / fs(b"M\xfcller.ipynb")).write_text("{}")
    (tmp_path / FORGED).write_text("{}")
    os.mkfifo(tmp_path / "pipe.ipynb")
    entries = {entry.name: entry for entry in grading.submission_files(tmp_path)}
    assert sorted(entries) == [
        "M\\xfcller.ipynb", "a/.ipynb_checkpoints/twin-checkpoint.ipynb", "a/twin.ipynb", "b/twin.ipynb",
        "pipe.ipynb", "x\\nfake.ipynb: 4\u22154\\nlate.ipynb",
    ]  # fmt: skip
    assert entries["a/.ipynb_checkpoints/twin-checkpoint.ipynb"].refused.startswith("not graded: a Jupyter checkpoint")
    assert grading.read_submission(entries["pipe.ipynb"].path)[2] == "not graded: not a regular file"


def test_a_retry_only_where_the_kernel_had_replied():
    assert grading.worth_retrying({"status": "running", "cell": 3, "replied": True})
    for status in ({"status": "running", "cell": 3, "replied": False}, {"status": "finished"}, None, [1], "x"):
        assert not grading.worth_retrying(status)


def test_limits_out_of_range_raise_naming_the_limit():
    with pytest.raises(ValueError, match=r"Limits.disk = .* is outside"):
        grading.Limits(memory=512 * MIB)
    with pytest.raises(ValueError, match=r"Limits.processes = 2 is outside 32"):
        grading.Limits(processes=2)
    limits = grading.Limits(memory=2 * grading.GIB, disk=384 * MIB)
    assert sum(limits.tmpfs().values()) + limits.address_space == limits.memory


ROWS = [
    {"file": "a/twin.ipynb", "chapter": CHAPTER, **dict.fromkeys(LABELS, 1), "total": 4, "possible": 4, "reason": ""},
    {
        "file": "b/twin.ipynb",
        "chapter": CHAPTER,
        **dict.fromkeys(LABELS, 0),
        "total": 0,
        "possible": 4,
        "reason": "",
        "wrong": {label: "(no answer)" for label in LABELS} | {LABELS[0]: "<script>7</script>"},
    },  # fmt: skip
    {"file": "=evil.ipynb", "chapter": "", "total": 0, "possible": 0, "reason": "not a valid notebook (X: <b>)"},
]
COLUMNS = ["file", "chapter", *LABELS, "total", "possible", "reason"]


def test_the_report_is_one_offline_page_with_chart_wrong_answers_and_reasons(tmp_path):
    grading.write_report(COLUMNS, ROWS, tmp_path / "r.html")
    page = (tmp_path / "r.html").read_text()
    assert "<svg" in page and "50% (1/2)" in page and "&lt;script&gt;7&lt;/script&gt;" in page
    assert "<script" not in page and "http" not in page.replace("http-equiv", "")
    assert "=evil.ipynb" in page and "not a valid notebook (X: &lt;b&gt;)" in page


def test_the_gradebook_has_canvas_columns_and_one_row_per_submission(tmp_path):
    grading.write_gradebook(ROWS, tmp_path / "g.csv")
    rows = list(csv.reader((tmp_path / "g.csv").open(encoding="utf-8")))
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", f"{CHAPTER} (autograded)"]
    assert rows[1:] == [["twin", "", "", "", "a", "4"], ["twin", "", "", "", "b", "0"], ["'=evil", "", "", "", "", ""]]


# ----------------------------------------------------------------------------- a class, in sandboxes


PROBE = """
import json, os
written = {}
for folder in ("/dev", "/dev/shm", "/tmp", "/submission"):
    done = 0
    try:
        with open(folder + "/fill", "wb") as f:
            for _ in range(64):
                f.write(b"x" * 2**20)
                f.flush()
                done += 1
    except OSError as error:
        pass
    written[folder] = done
host = 0
try:
    with open("/submission/answers.json", "wb") as f:
        for _ in range(64):
            f.write(b"x" * 2**20)
            f.flush()
            host += 1
except OSError:
    pass
written["host"] = host
for folder in ("/dev/shm", "/tmp", "/submission"):
    if os.path.exists(folder + "/fill"):
        os.remove(folder + "/fill")
answer_probe = json.dumps(written)
"""
FORK = """
import os, time
forked = 0
for _ in range(200):
    try:
        if os.fork() == 0:
            time.sleep(30)
            os._exit(0)
        forked += 1
    except OSError:
        break
time.sleep(3)  # long enough for the grader's count, should the kernel not stop the forks
answer_probe = forked
"""


def test_each_limit_holds_against_a_notebook_that_pushes_past_it(tmp_path, installed):
    """Caps of 12 MiB of tmpfs (3 + 3 + 6), 4 MiB a file, 40 processes; /dev is not writable."""
    limits = grading.Limits(timeout=60, disk=12 * MIB, output=4 * MIB, processes=40)
    probe = grading.run_sandboxed(notebook(PROBE), {"probe": "answer_probe"}, tmp_path / "a", installed, limits)
    written = json.loads(probe.answers["probe"])
    assert written["/dev"] == 0 and written["/submission"] == written["host"] == 4, written  # --fsize first
    assert 1 <= written["/dev/shm"] <= 3 and 1 <= written["/tmp"] <= 3, written  # the tmpfs caps
    forks = grading.run_sandboxed(notebook(FORK), {"probe": "answer_probe"}, tmp_path / "b", installed, limits)
    if grading.kernel_limits_processes():
        assert forks.problem == "" and forks.answers["probe"] < 40, forks
    else:  # a root grader whose Python nobody can reach: the grader's own count stops the sandbox
        assert forks.problem == "stopped: more than 40 processes", forks


@pytest.fixture(scope="module")
def odd_class(tmp_path_factory):
    """A class that once stopped the grader, graded by the command line, two at a time."""
    work = tmp_path_factory.mktemp("odd")
    folder = work / "class"
    for name, sources in {
        "deep_tree.ipynb": [DEEP_TREE, SOLUTIONS],
        fs(b"M\xfcller.ipynb"): [SOLUTIONS],
        FORGED: [WRONG],
        "\t=1+1.ipynb": [WRONG],
        "=1+1.ipynb": [WRONG],
        "sec-a/twin.ipynb": [SOLUTIONS],
        "sec-b/twin.ipynb": [WRONG],
    }.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook(*sources), folder / name)
    (folder / "nested.ipynb").write_text(NESTED)
    done = subprocess.run(
        [sys.executable, "-m", "teachkit", "grade", folder, "--out", work / "g.csv", "--jobs", "2"],
        cwd=ROOT, capture_output=True, timeout=900,
    )  # fmt: skip
    with open(work / "g.csv", newline="", encoding="utf-8") as f:
        rows = {row["file"]: row for row in csv.DictReader(f)}
    return done, rows, work


def test_nothing_in_a_submission_stops_the_class(odd_class):
    done, rows, _ = odd_class
    assert done.returncode == 0, done.stderr[-3000:]
    assert (rows["deep_tree.ipynb"]["total"], rows["deep_tree.ipynb"]["reason"]) == ("4", "")
    assert rows["M\\xfcller.ipynb"]["total"] == "4"
    assert rows["nested.ipynb"]["reason"].startswith("not a valid notebook (")


def test_a_name_cannot_forge_the_summary_or_the_table(odd_class):
    done, rows, _ = odd_class
    lines = done.stdout.decode("utf-8").splitlines()
    assert "x\\nfake.ipynb: 4\u22154\\nlate.ipynb: 0/4" in lines and not any(line.startswith("fake") for line in lines)
    assert rows["\\x09=1+1.ipynb"]["total"] == "0" and rows["'=1+1.ipynb"]["total"] == "0"
    assert all(row["file"].isprintable() for row in rows.values())


def test_twins_in_subfolders_get_a_row_each(odd_class):
    _, rows, work = odd_class
    assert (rows["sec-a/twin.ipynb"]["total"], rows["sec-b/twin.ipynb"]["total"]) == ("4", "0")
    assert "Grades of class" in (work / "g.html").read_text()
    assert (work / "g-gradebook.csv").read_text().count("twin,") == 2
    assert teaching.chapter_labels(BOOK, CHAPTER) == LABELS


def test_the_report_chart_has_room_for_its_figures():
    """Each bar's figure ("100% (300/300)") is drawn whole inside the chart, in Chromium's own text layout."""
    import browser_report as br

    if br.chromium_missing_message():
        pytest.fail(br.chromium_missing_message(), pytrace=False)
    svg = grading._chart([("a", "ex-10-threshold", 300, 300), ("b", "ex-10-rule", 135, 300)])
    with br.launch() as browser:
        page = browser.new_page()
        page.set_content(f"<style>svg text{{font:15px system-ui,sans-serif}}</style>{svg}")
        overflow = page.evaluate(
            "() => { const svg = document.querySelector('svg'); const w = svg.viewBox.baseVal.width;"
            " return [...svg.querySelectorAll('text')].map(t => t.getBBox()).filter(b => b.x + b.width > w).length }"
        )
    assert overflow == 0, f"{overflow} labels run past the chart's right edge"
