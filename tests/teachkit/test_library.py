"""The book's library as the sandbox, the student edition and Gradescope get it: built wheels (teachkit/library.py).

The wheels hold the chapters' library with its data (``widgets._data``) and the kit, and nothing
else of the book; building them writes nothing into the book; installed into a plain folder, they
are byte-compiled and read the data through the package, from any working folder; the sandbox's
environment chooses the renderer that draws no chart.
"""

import os
import subprocess
import sys
import zipfile

from conftest import ROOT
from test_grading import installed_library  # noqa: F401 (the fixture `installed`)

from teachkit import grading, library
from widgets import data


def test_the_wheels_hold_the_library_with_its_data_and_the_kit(tmp_path):
    before = {folder: sorted(os.listdir(folder)) for folder in (ROOT, ROOT / "teachkit")}
    built = library.wheels(ROOT, tmp_path)
    assert {folder: sorted(os.listdir(folder)) for folder in before} == before, "nothing is written into the book"
    assert sorted(built) == ["teachkit", "widgets"]
    with zipfile.ZipFile(built["widgets"]) as wheel:
        names = wheel.namelist()
    assert "widgets/_data/datapackage.json" in names and "widgets/data.py" in names
    assert not [name for name in names if name.split("/")[0] not in ("widgets",) and ".dist-info/" not in name]
    assert not [name for name in names if "teaching" in name or "grading" in name or "__pycache__" in name]
    with zipfile.ZipFile(built["teachkit"]) as wheel:
        assert {"teachkit/answers.py", "teachkit/grading.py", "teachkit/teaching.py"} <= set(wheel.namelist())


def test_installed_the_library_is_byte_compiled_and_reads_its_own_data(installed, tmp_path):
    assert (installed / "widgets" / "__pycache__").is_dir() and (installed / "teachkit" / "__pycache__").is_dir()
    (tmp_path / "data").mkdir()  # a decoy beside the working folder: the package's data is read, not this
    code = "from widgets import data; import teachkit.answers; print(data.DATA); print(data.number('wage_gap_mx_us'))"
    env = {**os.environ, "PYTHONPATH": str(installed)}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == [str(installed / "widgets" / "_data"), str(data.number("wage_gap_mx_us"))]


def test_the_sandboxs_pythons_skip_the_grammar_that_costs_seconds_at_import(installed, tmp_path):
    """jsonschema (under nbformat and altair) imports rfc3987_syntax if it can: 1.7 s of CPU a process."""
    code = "import sys, jsonschema; print(sys.modules['rfc3987_syntax'])"
    env = {**os.environ, "PYTHONPATH": str(installed)}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert done.returncode == 0 and done.stdout == "None\n", done.stderr


def test_the_sandbox_draws_no_chart():
    env = grading.sandbox_env("/book")
    assert env["MIGRATION_BOOK_RENDERER"] == "undrawn" and env["PYTHONPATH"] == "/book"
