"""Each module and package of widgets, bookbuild and teachkit names its public surface (``__all__``), and every
name it lists exists."""

import ast
import importlib
import importlib.util
import pkgutil
from pathlib import Path

import pytest

import bookbuild
import teachkit
import widgets

PACKAGES = [widgets, bookbuild, teachkit]
MODULES = [
    name
    for package in PACKAGES
    for name in [package.__name__] + [m.name for m in pkgutil.walk_packages(package.__path__, f"{package.__name__}.")]
]


def test_every_package_is_walked():
    assert {name.split(".")[0] for name in MODULES} == {"widgets", "bookbuild", "teachkit"}
    assert {"bookbuild.takeaway", "teachkit.grading", "teachkit.__main__"} <= set(MODULES)


def _read(name):
    """A ``__main__`` module is read, not imported (importing it runs its command): its ``__all__`` and the
    names its top level binds."""
    tree = ast.parse(Path(importlib.util.find_spec(name).origin).read_text(encoding="utf-8"))
    listed, bound = None, set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                if isinstance(target, ast.Name):
                    bound.add(target.id)
                    if target.id == "__all__":
                        listed = ast.literal_eval(node.value)
    return listed, bound.__contains__


def _imported(name):
    module = importlib.import_module(name)

    def has(n):
        return hasattr(module, n) or (
            hasattr(module, "__path__") and importlib.util.find_spec(f"{name}.{n}") is not None
        )

    return getattr(module, "__all__", None), has


@pytest.mark.parametrize("name", MODULES)
def test_a_module_lists_its_public_names_and_they_exist(name):
    listed, has = _read(name) if name.endswith(".__main__") else _imported(name)
    assert listed, f"{name} has no __all__"
    assert len(set(listed)) == len(listed), f"{name}: __all__ repeats a name: {listed}"
    missing = [n for n in listed if not has(n)]
    assert not missing, f"{name}: __all__ names what it does not have: {missing}"
    private = [n for n in listed if n.startswith("_")]
    assert not private, f"{name}: __all__ lists private names: {private}"
