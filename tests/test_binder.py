"""Binder: the environment repo2docker would build runs every chapter (issue 12, point 2), and is lean.

repo2docker reads ``.binder/`` before the repository's root files: ``.binder/requirements.txt`` holds only
what a reader needs live (the book's package, JupyterLab, jupyterlab-myst, ipywidgets), pinned as in the
root ``requirements.txt``, which keeps the full set for building and testing. What it installs must stay
under 450 MB (``BUDGET_MB``, MiB): the files pip adds to an empty virtual environment, bytecode included.

repo2docker (``--no-build``: no Docker needed) prints the Dockerfile it would build from a clean
copy of the repository. The test checks it pins Python 3.11, then replays that Dockerfile's pip
steps, the same commands in the same order, in the copy (repo2docker's working directory) and in a
fresh virtual environment standing for the image's kernel environment. The one change:
``--no-cache-dir`` is dropped, so pip may reuse downloads; it installs the same files. Then every
chapter runs top to bottom in that environment's kernel, working in the copy's ``chapters/`` (where
a Binder kernel starts), with the package installed non-editable, as Binder has it; and its
nbconvert HTML export shows a drawing for every chart and live panel, with no chart script (the
export's own template still names CDNs for require.js and MathJax: nbconvert's defaults).

What is not replayed: the image's base conda environment (repo2docker's own JupyterLab and
server, installed before these steps; ours are pinned in requirements.txt and install over them).
"""

import os
import re
import sys
from pathlib import Path

import pytest
from conftest import CHAPTERS, ROOT
from fresh import checkout, execute, kernel, run, venv
from nbconvert import HTMLExporter

PREFIX = "${KERNEL_PYTHON_PREFIX}"
BUDGET_MB = 450


def pins(path: Path) -> dict[str, str]:
    """name -> version of every ``name==version`` line of a requirements file."""
    lines = (line.split("#")[0].strip() for line in path.read_text().splitlines())
    return {name.lower(): version for name, _, version in (line.partition("==") for line in lines) if version}


@pytest.fixture(scope="module")
def dockerfile(tmp_path_factory):
    source = checkout(tmp_path_factory.mktemp("binder") / "repo")
    r2d = [sys.executable, "-m", "repo2docker", "--no-build", "--debug", "--user-name", "jovyan", "--user-id", "1000"]
    done = run([*r2d, str(source)])
    return source, done.stdout + done.stderr


def pip_steps(text: str) -> list[str]:
    """The Dockerfile's RUN lines that call the kernel environment's pip, in order."""
    return [
        line.removeprefix("RUN ").strip() for line in text.splitlines() if re.match(r"RUN .*/bin/pip install", line)
    ]


def test_repo2docker_builds_python_3_11(dockerfile):
    _, text = dockerfile
    assert "Building conda environment for python=3.11" in text, text[:2000]
    assert "Python version unspecified" not in text


def test_repo2docker_installs_only_the_lean_requirements(dockerfile):
    steps = pip_steps(dockerfile[1])
    assert steps == [f'{PREFIX}/bin/pip install --no-cache-dir -r ".binder/requirements.txt"'], steps
    lean = (ROOT / ".binder" / "requirements.txt").read_text().splitlines()
    assert "." in lean, "the lean requirements do not install the book's package"


def test_the_lean_pins_are_the_full_sets_pins():
    lean, full = pins(ROOT / ".binder" / "requirements.txt"), pins(ROOT / "requirements.txt")
    assert {"jupyterlab", "jupyterlab-myst", "ipywidgets"} <= set(lean), sorted(lean)
    assert {name: full.get(name) for name in lean} == lean, "pin .binder/requirements.txt as requirements.txt does"


@pytest.fixture(scope="module")
def binder_env(dockerfile, tmp_path_factory):
    """The replayed environment: its python, and the copy of the repository it was installed from."""
    source, text = dockerfile
    prefix = tmp_path_factory.mktemp("kernel-env")
    python = venv(prefix)
    for step in pip_steps(text):
        command = step.replace(PREFIX, str(prefix)).replace(" --no-cache-dir", "") + " --quiet"
        run(["bash", "-c", command], cwd=source)
    return python, source


def test_the_environment_is_lean(binder_env, tmp_path):
    python, _ = binder_env
    empty = venv(tmp_path / "empty").parent.parent

    def files(env: Path) -> dict[Path, int]:
        return {p.relative_to(env): p.stat().st_size for p in env.rglob("*") if p.is_file() and not p.is_symlink()}

    base = files(empty)
    size = sum(n for p, n in files(python.parent.parent).items() if p not in base) / 2**20
    assert size <= BUDGET_MB, f"the Binder requirements install {size:.0f} MB (bytecode included), over {BUDGET_MB} MB"


def test_the_package_is_installed_not_linked(binder_env, tmp_path):
    python, source = binder_env
    alone = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # a reader's kernel has no checkout on its path
    where = run([str(python), "-c", "import widgets; print(widgets.__file__)"], cwd=tmp_path, env=alone).stdout.strip()
    assert "site-packages" in where and not where.startswith(str(source)), where


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.name)
def test_every_chapter_runs_in_the_binder_environment(binder_env, chapter, tmp_path):
    python, source = binder_env
    notebook = source / "chapters" / chapter.name
    done = execute(notebook, notebook.parent, kernel(python, tmp_path))  # raises on the first cell with an error
    done.metadata.pop("widgets", None)  # nbclient saves widget state; JupyterLab, by default, does not
    html, _ = HTMLExporter().from_notebook_node(done)
    drawings = sum("image/svg+xml" in o.get("data", {}) for c in done.cells for o in c.get("outputs", []))
    widgets = sum(
        "application/vnd.jupyter.widget-view+json" in o.get("data", {})
        for c in done.cells
        for o in c.get("outputs", [])
    )
    assert drawings >= widgets and drawings, f"{chapter.name}: {widgets} live panels but {drawings} drawings"
    assert html.count('class="jp-RenderedSVG') >= drawings, f"{chapter.name}: the export shows fewer drawings"
    # nbconvert's own template asks CDNs for require.js and MathJax (its defaults); no chart may need a script.
    assert "vegaEmbed" not in html and "npm/vega" not in html, f"{chapter.name}: the export still loads Vega"
