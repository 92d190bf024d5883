"""The notebooks as the build executed them (``_build/jupyter_execute/``): the build runs every chapter
with the current ``widgets/`` (``execute_notebooks: force``, errors fail it), so this test reads its
copies instead of running each chapter again under nbval.

  test_checked_outputs_match     every cell tagged ``nbval-check-output`` printed what the committed notebook
                                 stores, compared as ``nbval --nbval-lax`` compares (streams merged per name;
                                 every output field but metadata, counts, widget ids and PNG/JPEG images),
                                 except that blank lines in a stream are ignored (see ``comparable``)

Each copy must be of the committed notebook (same code) and newer than every file of ``widgets/`` and
``data/``: a stale build fails with the command to run. One chapter alone, without a build:
``python -m pytest --nbval-lax chapters/NAME.ipynb``.
"""

from collections import defaultdict

import nbformat
import pytest
from conftest import NOTEBOOKS, ROOT
from nbval.plugin import coalesce_streams, transform_streams_for_comparison

EXECUTED = ROOT / "_build" / "jupyter_execute"
CHECK_TAG = "nbval-check-output"
SKIP = {"metadata", "traceback", "prompt_number", "output_type", "name", "execution_count"}
SKIP |= {"application/vnd.jupyter.widget-view+json", "image/png", "image/jpeg"}  # as nbval skips them
BUILD = "jupyter-book build --all -W -n --keep-going ."


def comparable(outputs, built: bool = False) -> dict[str, list]:
    """Outputs as nbval compares them: per field (a MIME type, or a stream's name), the list of values.

    The build's copies hold each stream as myst-nb left it (``nb_merge_streams: true``): the first output of
    a stream already carries the text of the later ones, each chunk stripped and ended with a newline, and
    the later ones stay too. So for a built copy only the first is read, and in every stream blank lines
    and trailing spaces are ignored (where the kernel split its text decides where myst-nb adds a newline).
    """
    if built:
        names = set()
        outputs = [
            o for o in outputs if o["output_type"] != "stream" or not (o["name"] in names or names.add(o["name"]))
        ]
    fields = defaultdict(list)
    for output in transform_streams_for_comparison(coalesce_streams([nbformat.from_dict(o) for o in outputs])):
        for key, value in output.items():
            if key == "data":
                for mime, content in value.items():
                    if mime not in SKIP:
                        fields[mime].append(content)
            elif key in ("stdout", "stderr"):
                fields[key].append("\n".join(line.rstrip() for line in value.splitlines() if line.strip()))
            elif key not in SKIP:
                fields[key].append(value)
    return dict(fields)


def code(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "code"]


@pytest.fixture(scope="module")
def newest_input() -> float:
    files = [p for folder in ("widgets", "data") for p in (ROOT / folder).rglob("*") if p.is_file()]
    return max(p.stat().st_mtime for p in files if "__pycache__" not in p.parts)


def executed(path, newest_input):
    """The committed notebook and the build's executed copy of it, or a failure saying to build."""
    copy = EXECUTED / path.relative_to(ROOT)
    if not copy.exists():
        pytest.fail(f"no executed copy {copy.relative_to(ROOT)}: run the README's build command ({BUILD})", False)
    if copy.stat().st_mtime < newest_input:
        pytest.fail(f"{copy.relative_to(ROOT)} is older than widgets/ or data/: build again ({BUILD})", False)
    stored, ran = nbformat.read(path, as_version=4), nbformat.read(copy, as_version=4)
    if [c.source for c in code(stored)] != [c.source for c in code(ran)]:
        pytest.fail(f"{copy.relative_to(ROOT)} was built from another version of {path.name}: build again", False)
    return stored, ran


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_checked_outputs_match(path, newest_input):
    stored, ran = executed(path, newest_input)
    for before, after in zip(code(stored), code(ran)):
        errors = [o.get("ename") for o in after.get("outputs", []) if o.output_type == "error"]
        assert not errors, f"{path.name}: {after.source[:60]!r} raised {errors}"
        if CHECK_TAG in before.metadata.get("tags", []):
            want, got = comparable(before.outputs), comparable(after.outputs, built=True)
            assert got == want, f"{path.name}: {before.source[:60]!r} printed\n{got}\nnot, as stored,\n{want}"


def test_a_changed_number_is_caught():
    stored = [{"output_type": "stream", "name": "stdout", "text": "Ratio: 7:1\nShare: 0.3\n"}]
    merged = [dict(stored[0], text="Ratio: 7:1\n\nShare: 0.3\n"), dict(stored[0], text="\nShare: 0.3\n")]
    assert comparable(stored) == comparable(merged, built=True)
    assert comparable(stored) != comparable([dict(stored[0], text="Ratio: 7:1\n")], built=True)
    assert comparable(stored) != comparable([dict(stored[0], text="Ratio: 8:1\n")])
    assert comparable(stored) != comparable([{"output_type": "execute_result", "data": {"text/plain": "7"}}])
