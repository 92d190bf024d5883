"""The package installs as a real package, not only in editable mode (issue 12, point 1).

A built wheel must hold every module of every subpackage and every file of data/; and the package
must work from that wheel alone, imported straight from the zip, so nothing reads files beside the
checkout. Installed into a fresh virtual environment with nothing but its declared dependencies,
every module of it must import, and none may import a distribution it does not declare (issue 25).
(``pip install .`` is exercised by the Binder test, ``pip install git+URL`` by the Colab test.)
"""

import json
import os
import re
import subprocess
import sys
import tomllib
import zipfile

import pytest
from conftest import ROOT
from fresh import checkout, run, venv
from packaging.requirements import Requirement
from test_colab import pins

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


# Run in the fresh environment: import the declared distributions' own modules first (what they load
# themselves is theirs), then every module of the package; report what failed, and which distributions
# the package's modules import beyond those declared: named in an import statement run at module import
# (read from the source, so a dependency's dependency imported by name counts) or loaded while importing.
IMPORT_ALL = """
import ast, importlib, importlib.metadata as md, importlib.util, json, pkgutil, sys
declared = set(sys.argv[1:])
norm = lambda name: name.lower().replace("_", "-").replace(".", "-")
owners = md.packages_distributions()
for top, dists in owners.items():
    if declared & {norm(d) for d in dists} and top.isidentifier() and not top.startswith("_"):
        try:
            importlib.import_module(top)
        except Exception:
            pass  # a declared distribution's optional module: not the package's to import
before = set(sys.modules)
failed = {}
import widgets
names = ["widgets"] + [m.name for m in pkgutil.walk_packages(widgets.__path__, "widgets.", onerror=failed.setdefault)]
named = set()
def at_import(nodes):
    for node in nodes:
        if isinstance(node, ast.Import):
            named.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level:
            named.add(node.module.split(".")[0])
        elif not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            at_import(ast.iter_child_nodes(node))
for name in names:
    with open(importlib.util.find_spec(name).origin) as source:
        at_import(ast.parse(source.read()).body)
    try:
        importlib.import_module(name)
    except Exception as error:
        failed[name] = f"{type(error).__name__}: {error}"
loaded = {m.split(".")[0] for m in set(sys.modules) - before}
others = (named | loaded) - set(sys.stdlib_module_names) - {"widgets", "__future__"}
undeclared = sorted({d for top in others for d in owners.get(top, [top]) if norm(d) not in declared})
print(json.dumps({"modules": names, "failed": failed, "undeclared": undeclared}))
"""


def test_every_module_imports_from_the_wheel_with_only_the_declared_dependencies(wheel, tmp_path):
    """A student's kernel gets the wheel and what pyproject.toml declares, nothing else (issue 25)."""
    declared = [Requirement(d).name for d in PYPROJECT["project"]["dependencies"]]
    python = venv(tmp_path / "env")
    constraints = tmp_path / "constraints.txt"
    constraints.write_text("\n".join(pins()) + "\n")  # the versions the book is tested with
    alone = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # no checkout on the path
    run([str(python), "-m", "pip", "install", "--quiet", "-c", str(constraints), str(wheel)], env=alone)
    normalised = [re.sub(r"[-_.]+", "-", name).lower() for name in declared]
    done = run([str(python), "-I", "-c", IMPORT_ALL, *normalised], cwd=tmp_path)
    found = json.loads(done.stdout.splitlines()[-1])
    failed = [f"{name}: {why}" for name, why in sorted(found["failed"].items())]
    print(f"{len(found['modules'])} modules, {len(failed)} failed to import with only {', '.join(declared)}:")
    print("\n".join(failed) or "none")
    print(f"undeclared distributions imported: {', '.join(found['undeclared']) or 'none'}")
    assert not failed, f"{len(failed)} of {len(found['modules'])} modules do not import from the wheel:\n" + "\n".join(
        failed
    )
    assert not found["undeclared"], f"modules of the wheel import undeclared distributions: {found['undeclared']}"
