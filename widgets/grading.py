"""Grade a folder of submitted notebooks, each in its own bubblewrap sandbox.

For every notebook the grader (this process) reads and validates the file, finds its chapter in the
notebook's ``otter.assignment_name`` metadata, and writes a clean copy into a fresh scratch folder.
It then starts, for that one notebook::

    bwrap --unshare-all --disable-userns --uid 65534 --gid 65534 --cap-drop ALL --die-with-parent
          --new-session  (read-only: /usr, Python, the virtual environment; /book: a copy of widgets/
          and data/ made for this run)  (read-write: the scratch folder, a private /tmp)
          -- prlimit --as=MEMORY --fsize=... -- python -m widgets.grading run ...

Inside, nbclient executes the notebook and a last cell writes the answer variables as plain JSON
(widgets.answers.plain) into the scratch folder. The repository, exercises/ (the checks and the
reference solutions), the other submissions and the grade table are not in the sandbox at all;
there is no network (a fresh network namespace holds only loopback) and no process survives it
(a fresh PID namespace dies with its first process). The grader kills the sandbox's process group
at the wall-clock timeout, runs once more a notebook that timed out having used little CPU (an
nbclient hang after an ipywidget cell, nbclient issue #312), then reads at most MAX_ANSWERS bytes of
JSON and scores them (widgets.answers.score) against the expected values it computed itself, before
any submission ran, from widgets.data and widgets.models. Nothing a student's code produced is
executed or unpickled here.

Every problem (a corrupt, invalid or foreign notebook, an unknown chapter, a timeout, a crash)
becomes a row with a ``reason``; the table is sorted by file name and written once, atomically.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .charts import GRADING_ENV

GIB = 2**30
MAX_NOTEBOOK = 50 * 2**20  # bytes of a submitted notebook the grader reads
MAX_ANSWERS = 2**20  # bytes of exported answers the grader reads
HANG_WINDOW = 10  # seconds at the end of a run over which its CPU use is measured
HANG_CPU_SHARE = 0.03  # a timed-out run using less of a CPU than this over that window was hung, not computing
SANDBOX_UID = 65534  # "nobody" inside the sandbox's user namespace
INSTALL_HINT = (
    "bubblewrap (bwrap) is needed to grade safely: install it with `apt-get install bubblewrap` "
    "(Debian/Ubuntu) or `dnf install bubblewrap` (Fedora); on a host with Docker, otter's own "
    "`otter grade --timeout ... --no-network` is the other option. `--unsafe` grades without a "
    "sandbox, running students' code with your rights: only for your own test notebooks."
)


class NoSandbox(RuntimeError):
    """Raised when bubblewrap is missing and grading without a sandbox was not asked for."""


@dataclass(frozen=True)
class Limits:
    """Per-notebook limits: wall-clock seconds and bytes of address space."""

    timeout: float = 120
    memory: int = 2 * GIB


@dataclass
class Run:
    """What one sandboxed run of a notebook gave: its answers (plain data) and what went wrong."""

    answers: dict | None
    problem: str = ""


def bwrap() -> str | None:
    """The path of bubblewrap's ``bwrap``, or None when it is not installed."""
    return shutil.which("bwrap")


def book_copy(root: Path, into: Path) -> Path:
    """A copy of the repository's ``widgets/`` and ``data/``, the only part of it the sandbox sees."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(root / "widgets", into / "widgets", ignore=ignore)
    shutil.copytree(root / "data", into / "data", ignore=ignore)
    return into


def _system_binds() -> list[str]:
    """bwrap arguments mounting the system's programs and libraries, Python and its packages, read-only."""
    args = ["--ro-bind", "/usr", "/usr"]
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    for path in ("/etc/ld.so.cache", "/etc/alternatives", "/etc/localtime"):
        args += ["--ro-bind-try", path, path]
    for prefix in sorted({sys.base_prefix, sys.prefix, sys.exec_prefix}):
        if not prefix.startswith("/usr/"):
            args += ["--ro-bind", prefix, prefix]
    return args


def sandbox_command(scratch: Path, book: Path, limits: Limits, inner: list[str]) -> list[str]:
    """The command that runs ``inner`` in a bubblewrap sandbox seeing only ``book`` (read-only) and
    ``scratch`` (its one writable folder, as /submission), with the memory limit set by prlimit."""
    return [
        bwrap(),
        "--unshare-all",
        "--unshare-user",
        "--disable-userns",
        "--uid",
        str(SANDBOX_UID),
        "--gid",
        str(SANDBOX_UID),
        "--cap-drop",
        "ALL",
        "--die-with-parent",
        "--new-session",
        "--hostname",
        "sandbox",
        # /tmp first: the binds below may lie under it (a checkout or virtual environment in /tmp)
        "--size",
        str(256 * 2**20),
        "--tmpfs",
        "/tmp",
        *_system_binds(),
        "--ro-bind",
        str(book),
        "/book",
        "--bind",
        str(scratch),
        "/submission",
        "--dev",
        "/dev",
        "--proc",
        "/proc",
        "--chdir",
        "/submission",
        "--",
        "prlimit",
        f"--as={limits.memory}",
        f"--fsize={64 * 2**20}",
        "--core=0",
        "--",
        *inner,
    ]


def sandbox_env(book: str) -> dict[str, str]:
    """The whole environment of a sandboxed run: no variable of the grader's is passed on."""
    return {
        "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
        "HOME": "/tmp",
        "LANG": "C.UTF-8",
        "PYTHONPATH": book,
        GRADING_ENV: "1",  # charts are not drawn (widgets.charts): only the answers are needed
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "JUPYTER_RUNTIME_DIR": "/tmp/jupyter-runtime",
        "JUPYTER_PLATFORM_DIRS": "1",
        "IPYTHONDIR": "/tmp/ipython",
        "MPLCONFIGDIR": "/tmp/matplotlib",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
    }


def _cpu_seconds(pid: int) -> float:
    """CPU seconds used so far by a process and all its descendants (0 if they are gone)."""
    import psutil

    try:
        parent = psutil.Process(pid)
        processes = [parent, *parent.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


def _run_once(command: list[str], env: dict, limits: Limits) -> tuple[str, float]:
    """Run a sandbox to its end or its timeout: ``("done", 0)`` or ``("timeout", share of a CPU its
    processes used over the last part of the run)``. A hung run (nbclient waiting for a reply the
    idle kernel already sent) uses almost none; a computing one its share of the machine."""
    window = min(HANG_WINDOW, limits.timeout / 4)
    with open(os.devnull, "wb") as devnull:
        process = subprocess.Popen(
            command, env=env, stdin=subprocess.DEVNULL, stdout=devnull, stderr=devnull, start_new_session=True
        )
    try:
        try:
            process.wait(timeout=limits.timeout - window)
            return "done", 0.0
        except subprocess.TimeoutExpired:
            before = _cpu_seconds(process.pid)
        try:
            process.wait(timeout=window)
            return "done", 0.0
        except subprocess.TimeoutExpired:
            return "timeout", (_cpu_seconds(process.pid) - before) / window
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # the sandbox's session; its PID namespace dies with it
        except ProcessLookupError:
            pass
        process.wait()


def run_sandboxed(notebook: dict, variables: dict[str, str], scratch: Path, book: Path, limits: Limits,
                  unsafe: bool = False) -> Run:  # fmt: skip
    """Execute one notebook in a fresh scratch folder (in a sandbox unless ``unsafe``) and read back
    its exported answers. Retries once a run that timed out without using its CPU."""
    attempts = []
    for _ in range(2):
        if scratch.exists():
            shutil.rmtree(scratch)
        scratch.mkdir(parents=True)
        (scratch / "submission.ipynb").write_text(json.dumps(notebook))
        (scratch / "variables.json").write_text(json.dumps(variables))
        if unsafe:
            inner = [sys.executable, "-m", "widgets.grading", "run", str(scratch)]
            command, env = inner, {**sandbox_env(str(book)), "HOME": str(scratch)}
        else:
            inner = ["python", "-m", "widgets.grading", "run", "/submission"]
            command, env = sandbox_command(scratch, book, limits, inner), sandbox_env("/book")
        outcome, cpu_share = _run_once(command, env, limits)
        attempts.append(outcome)
        if outcome == "done" or cpu_share >= HANG_CPU_SHARE:
            break  # finished, or was computing at its timeout (an endless loop): no second run
    return _read_results(scratch, attempts, limits)


def _read_json(path: Path, limit: int):
    """The JSON data in ``path`` if it is a regular file of at most ``limit`` bytes, else None."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > limit:
            return None
        with open(path, "rb") as f:
            return json.loads(f.read(limit + 1))
    except (OSError, ValueError, RecursionError):
        return None


def _read_results(scratch: Path, attempts: list[str], limits: Limits) -> Run:
    """The answers a run left in its scratch folder, and a reason if the run did not end well."""
    if attempts[-1] == "timeout":
        times = "twice" if len(attempts) == 2 else "once"
        return Run(None, f"timed out after {limits.timeout:g} s ({times})")
    answers = _read_json(scratch / "answers.json", MAX_ANSWERS)
    status = _read_json(scratch / "status.json", 4096)
    status = status.get("status", "") if isinstance(status, dict) else ""
    if status == "kernel died":
        return Run(None, "the kernel died (a crash, or the memory limit)")
    if not isinstance(answers, dict):
        return Run(None, "no answers could be read (the notebook did not finish)")
    return Run(answers)


# ----------------------------------------------------------------------------- the class


def read_submission(path: Path) -> tuple[dict | None, str | None, str]:
    """A submitted notebook as a validated nbformat-4 dict, its chapter, and what is wrong with it
    (empty when nothing is). The file is only parsed as JSON, never run, here."""
    import nbformat

    if path.is_symlink():
        return None, None, "not graded: a symbolic link, not a submitted file"
    try:
        if path.stat().st_size > MAX_NOTEBOOK:
            return None, None, f"not graded: larger than {MAX_NOTEBOOK // 2**20} MB"
        notebook = nbformat.reads(path.read_bytes().decode("utf-8"), as_version=4)
        nbformat.validate(notebook)
    except Exception as error:  # any way a file can fail to be a notebook becomes a reason
        first = str(error).strip().split("\n")[0][:120]
        return None, None, f"not a valid notebook ({type(error).__name__}: {first})"
    chapter = (
        notebook.metadata.get("otter", {}).get("assignment_name")
        if isinstance(notebook.metadata.get("otter"), dict)
        else None
    )
    if not isinstance(chapter, str):
        return None, None, "no otter assignment name in its metadata: not a notebook of the student edition"
    return json.loads(nbformat.writes(notebook)), chapter, ""


def grade(submissions: Path, answer_key, limits: Limits = Limits(), unsafe: bool = False, progress: bool = True,
          source: Path | None = None) -> tuple[list[str], list[dict]]:  # fmt: skip
    """Grade every ``*.ipynb`` in ``submissions``: the table's columns and one row per notebook.

    ``answer_key(chapter)`` gives a chapter's ``{label: {"variable", "form", "expected"}}`` (or None
    for an unknown chapter); it is called for every chapter in the folder before any notebook runs.
    ``source`` is the repository whose ``widgets/`` and ``data/`` the sandbox gets a copy of.
    """
    from tqdm import tqdm

    from widgets import answers

    if not unsafe and bwrap() is None:
        raise NoSandbox(INSTALL_HINT)
    source = source or Path(__file__).resolve().parent.parent
    files = sorted(p for p in submissions.iterdir() if p.suffix == ".ipynb" and (p.is_file() or p.is_symlink()))
    read = {path.name: read_submission(path) for path in files}
    keys = {chapter: answer_key(chapter) for chapter in sorted({c for _, c, _ in read.values() if c})}
    labels = [label for key in keys.values() if key for label in key]
    rows = []
    with tempfile.TemporaryDirectory(prefix="grading-") as work:
        book = book_copy(source, Path(work) / "book")
        for path in tqdm(files, desc="grading", unit="notebook", disable=not progress, file=sys.stderr):
            notebook, chapter, problem = read[path.name]
            key = keys.get(chapter) if chapter else None
            row = {"file": path.name, "chapter": chapter or ""}
            if chapter and key is None:
                problem = f"unknown chapter {chapter[:60]!r}"
            if key is None:
                rows.append({**row, "total": 0, "possible": 0, "reason": problem})
                continue
            if not problem:
                variables = {label: entry["variable"] for label, entry in key.items()}
                run = run_sandboxed(notebook, variables, Path(work) / "scratch", book, limits, unsafe)
                problem, given = run.problem, run.answers or {}
            else:
                given = {}
            scores = {
                label: answers.score(entry["form"], given.get(label), entry["expected"])[0]
                for label, entry in key.items()
            }
            rows.append({**row, **scores, "total": sum(scores.values()), "possible": len(key), "reason": problem})
    return ["file", "chapter", *labels, "total", "possible", "reason"], rows


def _inert(value):
    """A table cell a spreadsheet will not read as a formula (a file may be named ``=cmd().ipynb``)."""
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") else value


def write_table(columns: list[str], rows: list[dict], out: Path) -> None:
    """Write the grade table as CSV, atomically: a reader sees the old table or the whole new one."""
    import csv

    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=columns, restval="", lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: _inert(v) for k, v in row.items()} for row in rows)
        os.replace(temporary, out)
    except BaseException:
        os.unlink(temporary)
        raise


# ----------------------------------------------------------------------------- inside the sandbox

EXPORT = (
    "import json as _grader_json\n"
    "from widgets.answers import answers_of as _grader_answers_of\n"
    "with open({path!r}, 'w') as _grader_file:\n"
    "    _grader_json.dump(_grader_answers_of(globals(), {variables!r}), _grader_file)\n"
)


def run_inside(folder: Path) -> None:
    """Execute ``folder/submission.ipynb`` with nbclient and a last cell that writes the answer
    variables named in ``folder/variables.json`` to ``folder/answers.json``; record in
    ``folder/status.json`` whether the kernel survived. Runs in the sandbox."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    variables = json.loads((folder / "variables.json").read_text())
    notebook = nbformat.read(folder / "submission.ipynb", as_version=4)
    export = EXPORT.format(path=str(folder / "answers.json"), variables=variables)
    notebook.cells.append(nbformat.v4.new_code_cell(export))
    client = NotebookClient(
        notebook, timeout=None, allow_errors=True, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    )
    try:
        client.execute()
        status = "finished"
    except DeadKernelError:
        status = "kernel died"
    except Exception as error:  # the notebook could not be run at all; recorded, not raised
        status = f"not run: {type(error).__name__}"
    (folder / "status.json").write_text(json.dumps({"status": status}))


if __name__ == "__main__":
    if sys.argv[1:2] == ["run"]:
        run_inside(Path(sys.argv[2]))
