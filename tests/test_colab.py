"""Colab and any bare kernel: a chapter opened alone installs the book's package itself (issue 12, point 3).

Every notebook's first code cell is the bootstrap: when the ``widgets`` package cannot be found it runs
``%pip install "git+<repository.url>"`` (the next cell imports it); where the package is installed
it does nothing. It is tagged ``remove-cell`` so the HTML book does not show it, and it must name the
repository URL written in ``_config.yml`` (the one place that address is written).

The lone-notebook test does what Colab does, offline: one chapter notebook copied alone into an
empty folder, a fresh virtual environment holding only a kernel, and git pointed at a local clone
of this repository with ``url.<clone>.insteadOf <repository.url>`` in a temporary git config. pip
installs from a folder of wheels (made before the run with ``pip download``, pinned like
requirements.txt) and has no index; any other request to the network goes to a dead proxy.
"""

import json
import re
import sys

import pytest
import yaml
from conftest import NOTEBOOKS, ROOT
from fresh import execute, git_clone, kernel, run, venv

URL = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
LONE_CHAPTER = ROOT / "chapters" / "10_wage_gaps_and_migradollars.ipynb"
DEAD_PROXY = "http://127.0.0.1:9"


def first_code_cell(path):
    return next(c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_first_cell_is_the_bootstrap_naming_the_repository(path):
    cell = first_code_cell(path)
    source = "".join(cell["source"])
    assert cell["cell_type"] == "code" and 'find_spec("widgets")' in source, (
        f"{path.name}: the first code cell is not the bootstrap"
    )
    named = re.findall(r'%pip install [^\n]*"git\+([^"]+)"', source)
    assert named == [URL], f"{path.name}: the bootstrap installs {named}, _config.yml's repository.url is {URL}"
    assert "remove-cell" in cell["metadata"].get("tags", []), f"{path.name}: the bootstrap must be tagged remove-cell"
    assert not cell.get("outputs"), f"{path.name}: where the package is installed the bootstrap must print nothing"


def test_the_docs_name_the_same_repository():
    """Every address the docs give for installing or pulling the book is repository.url (links to other
    projects, such as bubblewrap's, are not addresses of the book)."""
    named = []
    for doc in ("README.md", "guide/instructors.md"):
        text = (ROOT / doc).read_text().replace("https%3A//", "https://")
        for found in re.findall(r"(?:git\+|repo=|git clone )(https://github\.com/[\w.-]+/[\w.-]+)", text):
            named.append(found)
            assert found == URL, f"{doc} names {found}; _config.yml's repository.url is {URL}"
    assert len(named) >= 2, "the hub section gives the install line and the nbgitpuller link"


def pins() -> list[str]:
    """requirements.txt's exact pins, as pip constraints."""
    return [line.split("#")[0].strip() for line in (ROOT / "requirements.txt").read_text().splitlines() if "==" in line]


@pytest.fixture(scope="module")
def wheels(tmp_path_factory):
    """Wheels of ipykernel, the package's build backend and its dependencies, for an install with no index."""
    import tomllib

    folder = tmp_path_factory.mktemp("wheels")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    wanted = ["ipykernel", *project["build-system"]["requires"], "wheel", *project["project"]["dependencies"]]
    constraints = folder / "constraints.txt"
    constraints.write_text("\n".join(pins()) + "\n")
    run([sys.executable, "-m", "pip", "download", "--quiet", "-d", str(folder), "-c", str(constraints), *wanted])
    return folder


def test_a_lone_chapter_installs_the_package_and_runs(wheels, tmp_path):
    clone = git_clone(tmp_path / "clone")
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text(f'[url "{clone}"]\n\tinsteadOf = {URL}\n')
    python = venv(tmp_path / "env")
    run([str(python), "-m", "pip", "install", "--quiet", "--no-index", "--find-links", str(wheels), "ipykernel"])
    alone = tmp_path / "colab"
    alone.mkdir()
    notebook = alone / LONE_CHAPTER.name
    notebook.write_text(LONE_CHAPTER.read_text())
    env = {
        **kernel(python, tmp_path / "jupyter"),
        "GIT_CONFIG_GLOBAL": str(gitconfig),
        "GIT_CONFIG_NOSYSTEM": "1",
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheels),
        "PIP_CONSTRAINT": "",
        **{proxy: DEAD_PROXY for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy")},
    }
    done = execute(notebook, alone, env)  # raises on the first cell with an error
    where = run([str(python), "-c", "import widgets; print(widgets.__file__)"], cwd=alone).stdout
    assert str(tmp_path / "env") in where, f"widgets was not installed into the fresh environment: {where}"
    ran = [c for c in done.cells if c["cell_type"] == "code" and "skip-execution" not in c.metadata.get("tags", [])]
    assert all(c.get("execution_count") for c in ran), "a cell did not run"
