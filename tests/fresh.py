"""What a new user starts from, for the install tests: a clean copy of the repository, a fresh
virtual environment, and a way to run notebooks in it.

``checkout(dest)`` copies the files git tracks or would track (the working tree as committed or
about to be, without ``.venv``, ``_build`` or anything ignored), so a test sees what a fresh clone
would hold. ``venv(path)`` makes an empty virtual environment with this machine's Python 3.11.
``execute(notebook, cwd, kernel(python, folder))`` runs a notebook with that environment's kernel
working in ``cwd``, retrying once if nbclient hangs after a widget cell (nbclient issue #312: the
kernel is idle but the reply never arrives).
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from conftest import ROOT
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError

CELL_TIMEOUT = 120  # seconds; a chapter cell takes a few seconds, a hang waits this long once


def checkout(dest: Path) -> Path:
    """A copy of the repository's tracked and trackable files at ``dest``."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is left out
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def git_clone(dest: Path) -> Path:
    """A git repository at ``dest`` whose one commit is :func:`checkout`'s copy (what a push would hold)."""
    checkout(dest)
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@localhost", "-c", "init.defaultBranch=main"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "snapshot"]):
        subprocess.run([*git, *args], cwd=dest, check=True)
    return dest


def venv(path: Path) -> Path:
    """An empty virtual environment at ``path``; returns its python."""
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    return path / "bin" / "python"


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a command, failing with its output if it fails."""
    done = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done


def kernel(python: Path, folder: Path) -> dict:
    """Environment variables under which kernel ``fresh`` is ``python``'s ipykernel (a spec in ``folder``)."""
    spec = folder / "kernels" / "fresh"
    spec.mkdir(parents=True, exist_ok=True)
    argv = [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "fresh", "language": "python"}))
    return {"JUPYTER_PATH": str(folder)}


def execute(notebook: Path, cwd: Path, kernel_env: dict) -> nbformat.NotebookNode:
    """Run ``notebook`` with kernel ``fresh`` (:func:`kernel`) working in ``cwd``; returns it executed."""
    old = {key: os.environ.get(key) for key in kernel_env}
    os.environ.update(kernel_env)
    try:
        for attempt in (1, 2):
            nb = nbformat.read(notebook, as_version=4)
            try:
                NotebookClient(
                    nb, timeout=CELL_TIMEOUT, kernel_name="fresh", resources={"metadata": {"path": str(cwd)}}
                ).execute()
                return nb
            except CellTimeoutError:
                if attempt == 2:
                    raise
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
