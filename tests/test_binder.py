"""Binder: the environment repo2docker would build runs every chapter (issue 12, point 2).

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

import re
import sys

import pytest
from conftest import CHAPTERS
from fresh import checkout, execute, kernel, run, venv
from nbconvert import HTMLExporter

PREFIX = "${KERNEL_PYTHON_PREFIX}"


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


def test_repo2docker_installs_the_requirements_then_the_package(dockerfile):
    steps = pip_steps(dockerfile[1])
    assert steps == [
        f'{PREFIX}/bin/pip install --no-cache-dir -r "requirements.txt"',
        f"{PREFIX}/bin/pip install --no-cache-dir .",
    ], steps


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


def test_the_package_is_installed_not_linked(binder_env, tmp_path):
    python, source = binder_env
    where = run([str(python), "-c", "import widgets; print(widgets.__file__)"], cwd=tmp_path).stdout.strip()
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
