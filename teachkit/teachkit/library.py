"""The book's library as its built wheels: what the sandbox, the student edition and Gradescope get.

``wheels(book, into)`` builds the wheel of the chapters' library (migration-book-widgets, from the
book's root, carrying data/ as ``widgets._data``) and of this kit (from the book's ``teachkit/``)
with ``pip wheel``, from a clean temporary copy of each project's packages so that no ``build/``
folder of an earlier build (which may hold a module since moved) reaches a wheel, and nothing is
written into the book. ``install(wheels, into)`` installs them, byte-compiled, into a plain folder
that the grader's sandbox mounts read-only and puts on its path.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

__all__ = ["install", "wheels"]

PROJECTS = {"widgets": ".", "teachkit": "teachkit"}  # package -> its project folder in the book


def _project(folder: Path) -> tuple[str, list[str]]:
    """A setuptools project's distribution name and the top-level folders of its packages, as its
    pyproject.toml gives them."""
    config = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))
    tool = config["tool"]["setuptools"]
    folders = tool.get("package-dir", {})
    tops = sorted({folders.get(name, name.replace(".", "/")).split("/")[0] for name in tool["packages"]})
    return config["project"]["name"], tops


def wheels(book: Path, into: Path) -> dict[str, Path]:
    """Build the wheels of the book's library and of this kit into the folder ``into``: each
    package's wheel."""
    into.mkdir(parents=True, exist_ok=True)
    names = {}
    with tempfile.TemporaryDirectory(prefix="wheels-") as work:
        for package, folder in PROJECTS.items():
            names[package], tops = _project(book / folder)
            copy = Path(work) / package
            copy.mkdir()
            shutil.copy(book / folder / "pyproject.toml", copy)
            for top in tops:
                shutil.copytree(book / folder / top, copy / top, ignore=shutil.ignore_patterns("__pycache__"))
        command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(into)]
        subprocess.run(
            [*command, *(str(Path(work) / package) for package in PROJECTS)], check=True, capture_output=True
        )
    return {package: next(into.glob(f"{name.replace('-', '_')}-*.whl")) for package, name in names.items()}


def install(built, into: Path) -> Path:
    """Install the wheels ``built`` (without their dependencies, which the grader's Python has) into
    the folder ``into``, byte-compiled, readable by every user (the sandbox's is not this one)."""
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target", str(into)]
    subprocess.run([*command, *map(str, built)], check=True, capture_output=True)
    shutil.rmtree(into / "bin", ignore_errors=True)  # the console command: not run in a sandbox
    for path in [into, *into.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return into
