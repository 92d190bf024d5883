"""The package installs as a real package, not only in editable mode (issue 12, point 1).

A built wheel must hold every module of every subpackage and every file of data/; and the package
must work from that wheel alone, imported straight from the zip, so nothing reads files beside the
checkout. (``pip install .`` is exercised by the Binder test, ``pip install git+URL`` by the Colab
test.)
"""

import subprocess
import sys
import tomllib
import zipfile

import pytest
from conftest import ROOT
from fresh import checkout, run

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def test_every_package_folder_is_listed():
    folders = sorted(".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "widgets").rglob("__init__.py"))
    missing = [f for f in folders if f not in SETUPTOOLS["packages"]]
    assert not missing, f"packages under widgets/ not listed in pyproject.toml [tool.setuptools] packages: {missing}"
    assert SETUPTOOLS["package-dir"] == {"widgets._data": "data"}, "data/ must install as widgets._data"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    source = checkout(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("wheel")
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(source)])
    (built,) = out.glob("*.whl")
    return built


def test_the_wheel_carries_every_module_and_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = [str(p.relative_to(ROOT)) for p in (ROOT / "widgets").rglob("*.py") if "__pycache__" not in p.parts]
    data = ["widgets/_data/" + p.name for p in (ROOT / "data").iterdir() if p.is_file()]
    missing = [m for m in [*modules, *data] if m not in names]
    assert not missing, f"{wheel.name} lacks {missing}"


def test_the_package_works_from_the_wheel_as_a_zip(wheel, tmp_path):
    """Every data table loads and every model runs with the wheel as the only copy of the package."""
    script = (
        "import widgets, widgets.data as d\n"
        "from widgets.models import REGISTRY\n"
        f"assert widgets.__file__.startswith({str(wheel)!r}), widgets.__file__\n"
        "tables = [len(d.load(name)) for name in d.resources()]\n"
        "assert all(tables) and len(d.printed('numbers'))\n"
        "print(len(tables), 'tables;', sum(len(m.run()) > 0 for m in REGISTRY.values()), 'models')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env={"PYTHONPATH": str(wheel), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    print(done.stdout)
