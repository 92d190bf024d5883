"""Every chapter notebook is committed executed and proves at least one key number.

tests/test_executed.py (as nbval would) compares only cells that have stored outputs with
the build's run, so an unexecuted notebook would pass while checking nothing: these tests stop that.
"""

import json
import os
import re

import pytest
from conftest import CHAPTERS, NOTEBOOKS, ROOT

CHECK_TAG = "nbval-check-output"


def code_cells(path):
    cells = json.loads(path.read_text())["cells"]
    return [c for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_there_are_chapters():
    assert CHAPTERS, "no chapter notebooks found in chapters/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_code_cell_was_executed(path):
    unexecuted = [
        i
        for i, c in enumerate(code_cells(path))
        if c.get("execution_count") is None and "skip-execution" not in c.get("metadata", {}).get("tags", [])
    ]
    assert not unexecuted, (
        f"{path.name}: code cells {unexecuted} have never been executed; run `jupyter execute --inplace {path.relative_to(ROOT)}`"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_import_cell_sets_up_the_charts(path):
    """The cell after the bootstrap imports the package and calls widgets.charts.use(), which picks the
    renderer (importing the package sets nothing global)."""
    source = "".join(code_cells(path)[1]["source"])
    assert re.search(r"^from widgets import [\w, ]*\bcharts\b", source, re.M), f"{path.name}: {source[:80]!r}"
    assert "\ncharts.use()" in source, f"{path.name}: the import cell does not call charts.use(): {source!r}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_one_live_panel_per_model_and_every_cell_runs(path):
    """In a kernel an explorer is its model's live panel (widgets.live), so no cell adds a second one
    (controls.panel) and no cell skips execution in the build."""
    for c in code_cells(path):
        tags = set(c.get("metadata", {}).get("tags", []))
        source = "".join(c["source"])
        assert "controls.panel(" not in source, f"{path.name}: a second live panel: {source[:60]!r}"
        assert "skip-execution" not in tags, f"{path.name}: {source[:60]!r} skips execution"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_has_a_checked_cell_with_output(path):
    checked = [c for c in code_cells(path) if CHECK_TAG in c.get("metadata", {}).get("tags", [])]
    assert checked, f"{path.name}: no cell is tagged {CHECK_TAG}, so nbval checks no key number"
    empty = [c["source"] for c in checked if not c.get("outputs")]
    assert not empty, f"{path.name}: checked cells with no stored output compare nothing: {empty}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_error_outputs(path):
    errors = [o.get("ename") for c in code_cells(path) for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors, f"{path.name}: stored error outputs {errors}"


def test_chapters_are_in_the_table_of_contents():
    toc = (ROOT / "_toc.yml").read_text()
    missing = [
        str(p.relative_to(ROOT).with_suffix(""))
        for p in NOTEBOOKS
        if str(p.relative_to(ROOT).with_suffix("")) not in toc
    ]
    assert not missing, f"chapters not listed in _toc.yml: {missing}"


ARGUMENT_MAP = ROOT.parent / "shared" / "ARGUMENT_MAP.md"


@pytest.mark.skipif(
    not ARGUMENT_MAP.exists() and not os.environ.get("CI"),
    reason=f"argument map not found at {ARGUMENT_MAP} (CI always has it)",
)
def test_every_row_of_the_argument_map_has_a_labelled_section():
    rows = re.findall(r"^\| ([0IV]+\.\d+) \|", ARGUMENT_MAP.read_text(), re.M)
    labels = set()
    for path in CHAPTERS:
        for cell in json.loads(path.read_text())["cells"]:
            if cell["cell_type"] == "markdown":
                labels |= set(re.findall(r"^\(arg-([0IV]+-\d+)\)=", "".join(cell["source"]), re.M))
    wanted = {row.replace(".", "-") for row in rows}
    assert len(wanted) >= 30, "the argument map was not read"
    assert not wanted - labels, f"rows with no (arg-...)= section: {sorted(wanted - labels)}"
    assert not labels - wanted, f"labels naming no row of the map: {sorted(labels - wanted)}"
    # Each part of the essays (Portes I-III, Sassen IV) also has its "Since the essays" section.
    parts = {row.split(".")[0] for row in rows} & {"I", "II", "III", "IV"}
    since = set()
    for path in CHAPTERS:
        for cell in json.loads(path.read_text())["cells"]:
            if cell["cell_type"] == "markdown":
                since |= set(re.findall(r"^\(since-([IV]+)\)=", "".join(cell["source"]), re.M))
    assert parts == {"I", "II", "III", "IV"}, f"the map's parts changed: {sorted(parts)}"
    assert not parts - since, f"parts with no (since-...)= section: {sorted(parts - since)}"
