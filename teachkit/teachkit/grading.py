"""Grade a folder of submitted notebooks, each in its own bubblewrap sandbox, several side by side.

The grader (this process) lists the folder and its subfolders (a notebook in ``a/b.ipynb`` gets the
row ``a/b.ipynb``), then grades ``--jobs`` notebooks at a time, each in a worker thread that reads
and validates one file, finds its chapter in the notebook's ``otter.assignment_name`` metadata, and
writes a clean copy into a fresh scratch folder of its own. It then starts, for that one notebook::

    bwrap --unshare-all --disable-userns --uid 65534 --gid 65534 --cap-drop ALL --die-with-parent
          --new-session  (read-only: /usr, Python, the virtual environment; /book: the book's library
          and this kit installed from their wheels for this run; /submission/submission.ipynb)  (writable, each a tmpfs with a
          size cap: /submission, /tmp, /dev/shm; /dev itself read-only)  (writable on the host disk:
          only /submission/answers.json and status.json, each capped by --fsize)
          -- prlimit --as=MEMORY-DISK --fsize=OUTPUT --nproc=PROCESSES -- python -m teachkit.grading run ...

The tmpfs caps add up to ``Limits.disk`` and are taken out of ``Limits.memory``: the address-space
limit is what is left, so files a notebook writes in memory count within its memory limit. When the
grader runs as root, bubblewrap is started as the unprivileged user ``nobody`` (setpriv): the kernel
does not apply the process limit to root's processes, even behind a user namespace.

Inside, nbclient executes the notebook and a last cell writes the answer variables as plain JSON
(teachkit.answers.plain). The repository, exercises/ (the checks and the reference solutions), the
other submissions and the grade table are not in the sandbox at all; there is no network (a fresh
network namespace holds only loopback) and no process survives it (a fresh PID namespace dies with
its first process). The grader kills the sandbox's process group at the wall-clock timeout. A run is
retried once only when the retry can help: the kernel had replied to the cell being run, so the
wait was the runner's (an nbclient hang after an ipywidget cell, nbclient issue #312), not the
notebook's. The kernel is killed once the last cell has run (a graceful shutdown waits a second or
more for nothing), and every Python in the sandbox starts lighter: the library is byte-compiled, and a
``sitecustomize`` (SITE) keeps a slow optional import out of jsonschema; an honest chapter-10 notebook
costs about 2.5 s of CPU. The grader reads at most MAX_ANSWERS bytes of JSON and scores them
(teachkit.answers.score) against the expected values it computes itself, from widgets.data and
widgets.models. Nothing a student's code produced is executed or unpickled here.

Every problem (a corrupt, invalid or foreign notebook, an unknown chapter, a timeout, a crash, a file
that is no regular file, even a failure of the grader on one file) becomes a row with a ``reason``;
names are shown with every control character and undecodable byte escaped; the table is sorted by
file name and written once, atomically, with a one-page HTML report and a gradebook CSV beside it.
"""

from __future__ import annotations

import collections
import html
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from widgets.charts import RENDERER_ENV

from . import library

__all__ = [
    "GIB",
    "Limits",
    "MIB",
    "NoSandbox",
    "SANDBOX_UID",
    "bwrap",
    "grade",
    "kernel_limits_processes",
    "read_submission",
    "remove_tree",
    "run_inside",
    "run_sandboxed",
    "sandbox_env",
    "sandbox_library",
    "shown",
    "submission_files",
    "summary",
    "worth_retrying",
    "write_gradebook",
    "write_report",
    "write_table",
]

MIB = 2**20
GIB = 2**30
MAX_NOTEBOOK = 50 * MIB  # bytes of a submitted notebook the grader reads
MAX_ANSWERS = MIB  # bytes of exported answers the grader reads
SANDBOX_UID = 65534  # "nobody" inside the sandbox's user namespace (and outside it, when the grader is root)
NOTEBOOK = ".ipynb"
NO_ANSWER = "(no answer)"  # the report's entry for an exercise left empty
CHECKPOINTS = ".ipynb_checkpoints"  # Jupyter's autosave copies: refused, so that a student is not graded twice
SPARE_JOBS = 2  # sandboxes beyond one per core: a notebook spends part of its time waiting (its kernel, a sleep)
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
    """Per-notebook limits: wall-clock seconds; bytes of memory (address space plus the files the
    notebook writes in the sandbox's tmpfs folders); bytes of those files; bytes of any one file (so
    of each of the two files it can write on the host disk); processes (threads count too for the
    kernel's limit: a notebook's kernel and runner use about 20)."""

    timeout: float = 120
    memory: int = 2 * GIB
    disk: int = 384 * MIB
    output: int = 64 * MIB
    processes: int = 128

    def __post_init__(self):
        checks = (
            ("timeout", self.timeout, 1, 24 * 3600, "seconds"),
            ("disk", self.disk, 3 * MIB, self.memory - 512 * MIB, "bytes (at most memory - 512 MiB)"),
            ("output", self.output, 2 * MAX_ANSWERS, GIB, "bytes"),
            ("processes", self.processes, 32, 100_000, "processes"),
        )
        for name, value, low, high, unit in checks:
            if not low <= value <= high:
                raise ValueError(f"Limits.{name} = {value!r} is outside {low:g} to {high:g} {unit}")

    @property
    def address_space(self) -> int:
        """The address-space limit: the memory limit less the tmpfs caps."""
        return self.memory - self.disk

    def tmpfs(self) -> dict[str, int]:
        """Each writable tmpfs in the sandbox and its size cap; they add up to ``disk``."""
        quarter = self.disk // 4
        return {"/submission": self.disk - 2 * quarter, "/tmp": quarter, "/dev/shm": quarter}


@dataclass
class Run:
    """What one sandboxed run of a notebook gave: its answers (plain data) and what went wrong."""

    answers: dict | None
    problem: str = ""


def bwrap() -> str | None:
    """The path of bubblewrap's ``bwrap``, or None when it is not installed."""
    return shutil.which("bwrap")


def shown(text: str | bytes, limit: int = 0) -> str:
    """``text`` (or a file name's bytes) safe to print and to put in a table: a backslash doubled,
    every character that is not printable (newline, tab, a bidi control) and every byte that is not
    UTF-8 written as an escape (``\\n``, ``\\x09``, ``\\xfc``), so that two names never show alike and
    no name can start a new line; cut to ``limit`` characters when one is given."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "surrogateescape")
    out = []
    for char in text:
        code = ord(char)
        if char == "\\":
            out.append("\\\\")
        elif 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, kept by surrogateescape
            out.append(f"\\x{code - 0xDC00:02x}")
        elif char == "\n":
            out.append("\\n")
        elif not char.isprintable():
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(char)
        if limit and len(out) > limit:
            return "".join(out[:limit]) + "…"
    return "".join(out)


def remove_tree(path: Path) -> None:
    """Delete a folder and all in it, without recursion and with two folders open at a time: each
    pass moves the sub-folders of the top folder's sub-folders up into it, so a tree of any depth
    (a notebook can leave one thousands deep, past what ``shutil.rmtree`` or a path can reach) goes.
    Folders whose rights were taken away are given them back first."""
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
    try:
        os.chmod(path, 0o700)
        top = os.open(path, flags)
    except FileNotFoundError:
        return
    moved = 0
    try:
        while True:
            with os.scandir(top) as entries:
                names = [(entry.name, entry.is_dir(follow_symlinks=False)) for entry in entries]
            if not names:
                break
            for name, is_dir in names:
                if not is_dir:
                    os.unlink(name, dir_fd=top)
                    continue
                os.chmod(name, 0o700, dir_fd=top)
                inner = os.open(name, flags, dir_fd=top)
                try:
                    with os.scandir(inner) as entries:
                        children = [(entry.name, entry.is_dir(follow_symlinks=False)) for entry in entries]
                    for child, child_is_dir in children:
                        if child_is_dir:
                            moved += 1
                            os.rename(child, f".moved-{moved}", src_dir_fd=inner, dst_dir_fd=top)
                        else:
                            os.unlink(child, dir_fd=inner)
                finally:
                    os.close(inner)
                os.rmdir(name, dir_fd=top)
    finally:
        os.close(top)
    os.rmdir(path)


SITE = '''"""What every Python in the grader's sandbox (the runner and the kernel) does first: skip the optional
IRI format checker of jsonschema (imported by nbformat and by altair), whose package builds a grammar
at import, about 1.7 s of CPU in each process; nothing in grading checks an IRI's syntax."""

import sys

sys.modules.setdefault("rfc3987_syntax", None)  # its import fails, and jsonschema goes without it
'''


def sandbox_library(book: Path, into: Path) -> Path:
    """The folder the sandbox mounts at /book: the book's library and this kit installed from their
    wheels (teachkit.library), byte-compiled, with the ``sitecustomize`` module of ``SITE``."""
    installed = library.install(library.wheels(book, into / "wheels").values(), into / "book")
    (installed / "sitecustomize.py").write_text(SITE)
    (installed / "sitecustomize.py").chmod(0o644)
    return installed


def _python_folders() -> list[str]:
    """The folders of Python and its packages outside /usr, bound read-only into the sandbox."""
    return [
        prefix for prefix in sorted({sys.base_prefix, sys.prefix, sys.exec_prefix}) if not prefix.startswith("/usr/")
    ]


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
    for prefix in _python_folders():
        args += ["--ro-bind", prefix, prefix]
    return args


INPUTS = ("submission.ipynb", "variables.json")  # read-only in the sandbox
OUTPUTS = ("answers.json", "status.json")  # the only host files the sandbox can write


def _reachable_by_others(path: str) -> bool:
    """Whether every folder on the way to ``path`` lets other users through (``o+x``)."""
    parts = Path(path).resolve().parts
    return all(os.stat(Path(*parts[: i + 1])).st_mode & stat.S_IXOTH for i in range(len(parts)))


def kernel_limits_processes() -> bool:
    """Whether the kernel itself holds a sandbox to ``Limits.processes`` (prlimit's RLIMIT_NPROC): yes
    for a grader that is not root; for root (whose processes the kernel does not count), only when
    bubblewrap can be started as ``nobody``, which needs Python's folders reachable by other users
    (not a Python under /root). Either way the grader also counts a sandbox's processes while it
    runs and stops one that has more (see ``_run_once``)."""
    return os.geteuid() != 0 or all(_reachable_by_others(prefix) for prefix in _python_folders())


def _unprivileged() -> list[str]:
    """A prefix that starts bubblewrap as ``nobody`` when the grader is root and that can work
    (``kernel_limits_processes``), else nothing."""
    if os.geteuid() != 0 or not kernel_limits_processes():
        return []
    return ["setpriv", f"--reuid={SANDBOX_UID}", f"--regid={SANDBOX_UID}", "--clear-groups", "--"]


def sandbox_command(scratch: Path, book: Path, limits: Limits, inner: list[str]) -> list[str]:
    """The command that runs ``inner`` in a bubblewrap sandbox seeing Python, ``book`` and the scratch
    folder's inputs read-only, its two output files writable, and three capped tmpfs folders
    (/submission, its working folder, /tmp and /dev/shm); resource limits set by prlimit."""
    sizes = limits.tmpfs()
    files = []
    for name in INPUTS:
        files += ["--ro-bind", str(scratch / name), f"/submission/{name}"]
    for name in OUTPUTS:
        files += ["--bind", str(scratch / name), f"/submission/{name}"]
    return [
        *_unprivileged(),
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
        str(sizes["/tmp"]),
        "--tmpfs",
        "/tmp",
        *_system_binds(),
        "--ro-bind",
        str(book),
        "/book",
        "--dev",
        "/dev",
        "--remount-ro",
        "/dev",  # bwrap's /dev is a tmpfs without a size limit: nothing may be written in it
        "--size",
        str(sizes["/dev/shm"]),
        "--tmpfs",
        "/dev/shm",
        "--size",
        str(sizes["/submission"]),
        "--tmpfs",
        "/submission",
        *files,
        "--proc",
        "/proc",
        "--chdir",
        "/submission",
        "--",
        "prlimit",
        f"--as={limits.address_space}",
        f"--fsize={limits.output}",
        f"--nproc={limits.processes}",
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
        RENDERER_ENV: "undrawn",  # charts are not drawn (widgets.charts.use): only the answers are needed
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "JUPYTER_RUNTIME_DIR": "/tmp/jupyter-runtime",
        "JUPYTER_PLATFORM_DIRS": "1",
        "IPYTHONDIR": "/tmp/ipython",
        "MPLCONFIGDIR": "/tmp/matplotlib",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
    }


def _processes(pid: int) -> int:
    """How many processes ``pid`` and its descendants are (0 when it is gone)."""
    import psutil

    try:
        return 1 + len(psutil.Process(pid).children(recursive=True))
    except psutil.Error:
        return 0


def _run_once(command: list[str], env: dict, limits: Limits, cwd: Path | None = None) -> str:
    """Run a sandbox to its end (``"done"``), or kill it at its timeout (``"timeout"``) or when it
    holds more than ``limits.processes`` processes (``"processes"``, counted twice a second)."""
    with open(os.devnull, "wb") as devnull:
        process = subprocess.Popen(
            command, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=devnull, stderr=devnull, start_new_session=True
        )
    deadline = time.monotonic() + limits.timeout
    try:
        while True:
            try:
                process.wait(timeout=max(0.0, min(0.5, deadline - time.monotonic())))
                return "done"
            except subprocess.TimeoutExpired:
                if time.monotonic() >= deadline:
                    return "timeout"
                if _processes(process.pid) > limits.processes:
                    return "processes"
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # the sandbox's session; its PID namespace dies with it
        except ProcessLookupError:
            pass
        process.wait()


def _prepare(scratch: Path, notebook: dict | str, variables: dict[str, str]) -> None:
    """A fresh scratch folder holding the notebook and the variable names, and empty output files,
    owned by ``nobody`` when bubblewrap is started as ``nobody``."""
    remove_tree(scratch)
    scratch.mkdir(parents=True, mode=0o700)
    text = notebook if isinstance(notebook, str) else json.dumps(notebook)
    (scratch / "submission.ipynb").write_text(text, encoding="utf-8")
    (scratch / "variables.json").write_text(json.dumps(variables))
    for name in OUTPUTS:
        (scratch / name).write_bytes(b"")
    if _unprivileged():
        for path in (scratch, *(scratch / name for name in INPUTS + OUTPUTS)):
            os.chown(path, SANDBOX_UID, SANDBOX_UID)


def worth_retrying(status) -> bool:
    """Whether a run that timed out may finish if run again: its runner had sent a cell and the
    kernel had replied (so the wait was nbclient's, issue #312), rather than the kernel still running
    the notebook's code (a loop, a long sleep), which a second run would only repeat."""
    return isinstance(status, dict) and status.get("status") == "running" and status.get("replied") is True


def run_sandboxed(notebook: dict | str, variables: dict[str, str], scratch: Path, book: Path, limits: Limits,
                  unsafe: bool = False) -> Run:  # fmt: skip
    """Execute one notebook (a dict, or its JSON text) with its own fresh scratch folder, in a sandbox
    unless ``unsafe``, and read back its exported answers. Retries once a run whose timeout was the
    runner's hang, not the notebook's (``worth_retrying``). The scratch folder is left for the caller."""
    attempts = []
    for _ in range(2):
        _prepare(scratch, notebook, variables)
        if unsafe:
            command = [sys.executable, "-m", "teachkit.grading", "run", str(scratch)]
            env = {**sandbox_env(str(book)), "HOME": str(scratch)}
        else:
            inner = ["python", "-m", "teachkit.grading", "run", "/submission"]
            command, env = sandbox_command(scratch, book, limits, inner), sandbox_env("/book")
        attempts.append(_run_once(command, env, limits, cwd=scratch if unsafe else None))
        if attempts[-1] == "done" or not worth_retrying(_read_json(scratch / "status.json", 4096)):
            break
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
    status = _read_json(scratch / "status.json", 4096)
    status = status.get("status", "") if isinstance(status, dict) else ""
    answers = _read_json(scratch / "answers.json", MAX_ANSWERS)
    if attempts[-1] == "processes":
        return Run(None, f"stopped: more than {limits.processes} processes")
    if attempts[-1] == "timeout":
        times = "twice" if len(attempts) == 2 else "once"
        return Run(None, f"timed out after {limits.timeout:g} s ({times})")
    if status == "kernel died":
        return Run(None, "the kernel died (a crash, or the memory limit)")
    if not isinstance(answers, dict):
        return Run(None, "no answers could be read (the notebook did not finish)")
    return Run(answers)


# ----------------------------------------------------------------------------- the class


def _message(error: BaseException) -> str:
    """A short, safe account of an error about an untrusted file: its own message string when it
    has one, never ``str(error)``, which may print (and recurse into) the file's data."""
    try:
        if isinstance(error, UnicodeDecodeError):
            text = f"not UTF-8 at byte {error.start}"
        else:
            text = getattr(error, "message", None)
            if not isinstance(text, str):
                text = error.args[0] if error.args and isinstance(error.args[0], str) else ""
        return shown(text.strip().split("\n")[0], 120)
    except Exception:  # a message that cannot even be read is left out
        return ""


def read_submission(path: Path) -> tuple[dict | None, str | None, str]:
    """A submitted notebook as a validated nbformat-4 dict, its chapter, and what is wrong with it
    (empty when nothing is). The file is only parsed as JSON, never run, here."""
    import nbformat

    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            return None, None, "not graded: a symbolic link, not a submitted file"
        if not stat.S_ISREG(info.st_mode):
            return None, None, "not graded: not a regular file"
        if info.st_size > MAX_NOTEBOOK:
            return None, None, f"not graded: larger than {MAX_NOTEBOOK // MIB} MB"
        with open(path, "rb", opener=lambda p, flags: os.open(p, flags | os.O_NOFOLLOW | os.O_NONBLOCK)) as f:
            data = f.read(MAX_NOTEBOOK + 1)
        notebook = nbformat.reads(data.decode("utf-8"), as_version=4)
        del data
        nbformat.validate(notebook)
    except Exception as error:  # any way a file can fail to be a notebook becomes a reason
        message = _message(error)
        return None, None, f"not a valid notebook ({type(error).__name__}{': ' + message if message else ''})"
    otter = notebook.metadata.get("otter")
    chapter = otter.get("assignment_name") if isinstance(otter, dict) else None
    if not isinstance(chapter, str):
        return None, None, "no otter assignment name in its metadata: not a notebook of the student edition"
    return notebook, chapter, ""


@dataclass(frozen=True)
class Entry:
    """One file found in the submissions folder: its name as shown (its path from the folder, with
    ``/`` between folders), its path, and the reason it is refused without being read, if it is."""

    name: str
    path: Path
    refused: str = ""


def submission_files(folder: Path) -> list[Entry]:
    """Every ``*.ipynb`` in ``folder`` and its subfolders (not following links to folders), sorted by
    name as shown; a notebook in a Jupyter checkpoint folder, and a subfolder that cannot be listed,
    are entries with their reason. Walks with a list, not recursion."""
    found = []
    pending = [(Path(folder), b"")]
    while pending:
        directory, prefix = pending.pop()
        try:
            with os.scandir(directory) as entries:
                listed = [(entry.name, entry.is_dir(follow_symlinks=False)) for entry in entries]
        except OSError as error:
            reason = f"not graded: a folder that could not be read ({type(error).__name__})"
            found.append(Entry(shown(prefix) or ".", directory, reason))
            continue
        for name, is_dir in listed:
            raw = prefix + os.fsencode(name)
            if is_dir:
                pending.append((directory / name, raw + b"/"))
            elif raw.endswith(NOTEBOOK.encode()):
                refused = ""
                if f"/{CHECKPOINTS}/".encode() in b"/" + raw:
                    refused = "not graded: a Jupyter checkpoint (autosave) copy, not a submission"
                found.append(Entry(shown(raw), directory / name, refused))
    return sorted(found, key=lambda entry: entry.name)


class AnswerKeys:
    """``answer_key(chapter)`` computed once per chapter and shared by the worker threads."""

    def __init__(self, answer_key):
        self.answer_key, self.keys, self.lock = answer_key, {}, threading.Lock()

    def __call__(self, chapter: str) -> dict | None:
        with self.lock:
            if chapter not in self.keys:
                self.keys[chapter] = self.answer_key(chapter)
            return self.keys[chapter]


def _short(value) -> str:
    """A wrong answer as short text for the report: its JSON, cut to 60 characters."""
    try:
        return shown(json.dumps(value, sort_keys=True, ensure_ascii=False), 60)
    except (TypeError, ValueError, RecursionError):
        return "(unreadable)"


def grade_one(entry: Entry, keys: AnswerKeys, work: Path, book: Path, limits: Limits, unsafe: bool = False) -> dict:
    """The row of one submission; never raises: a failure of the grader itself is the row's reason.
    A row also carries ``wrong``: each wrongly answered exercise's answer, as short text, for the report."""
    from . import answers

    row = {"file": entry.name, "chapter": ""}
    if entry.refused:
        return {**row, "total": 0, "possible": 0, "reason": entry.refused}
    scratch = None
    try:
        notebook, chapter, problem = read_submission(entry.path)
        key = keys(chapter) if chapter else None
        row["chapter"] = chapter if key is not None else shown(chapter or "", 60)
        if chapter and key is None:
            problem = f"unknown chapter '{shown(chapter, 60)}'"
        if key is None:
            return {**row, "total": 0, "possible": 0, "reason": problem}
        variables = {label: item["variable"] for label, item in key.items()}
        scratch = Path(tempfile.mkdtemp(dir=work, prefix="scratch-"))
        run = run_sandboxed(notebook, variables, scratch, book, limits, unsafe)
        del notebook
        given = run.answers or {}
        scores, wrong = {}, {}
        for label, expected in key.items():
            scores[label] = answers.score(expected["form"], given.get(label), expected["expected"])[0]
            if not scores[label] and not run.problem:
                wrong[label] = NO_ANSWER if given.get(label) is None else _short(given.get(label))
        return {**row, **scores, "total": sum(scores.values()), "possible": len(key), "reason": run.problem,
                "wrong": wrong}  # fmt: skip
    except Exception as error:  # the class goes on: this file's row says what failed
        return {
            **row,
            "total": 0,
            "possible": 0,
            "reason": f"not graded: the grader failed on it ({type(error).__name__})",
        }
    finally:
        if scratch is not None:
            remove_tree(scratch)


def grade(submissions: Path, answer_key, book: Path, limits: Limits = Limits(), unsafe: bool = False,
          progress: bool = True, jobs: int | None = None) -> tuple[list[str], list[dict]]:  # fmt: skip
    """Grade every ``*.ipynb`` in ``submissions`` and its subfolders, ``jobs`` at a time (default:
    the machine's cores and SPARE_JOBS more): the table's columns and one row per notebook, sorted by
    file name.

    ``answer_key(chapter)`` gives a chapter's ``{label: {"variable", "form", "expected"}}`` (or None
    for an unknown chapter); it is called once per chapter, in this process, from the data and models
    alone. ``book`` is the book's checkout: the sandbox gets its library and this kit as built wheels
    (teachkit.library), installed into a folder of this run.
    Notebooks are read one at a time by each worker, so memory does not grow with the class.
    """
    from tqdm import tqdm

    if not unsafe and bwrap() is None:
        raise NoSandbox(INSTALL_HINT)
    entries = submission_files(submissions)
    keys = AnswerKeys(answer_key)
    work = Path(tempfile.mkdtemp(prefix="grading-"))
    rows = []
    try:
        os.chmod(work, 0o711)  # the sandbox's user reaches its own scratch folder and the book, lists nothing
        installed = sandbox_library(book, work)
        with ThreadPoolExecutor(max_workers=jobs or (os.cpu_count() or 1) + SPARE_JOBS) as pool:
            futures = [pool.submit(grade_one, entry, keys, work, installed, limits, unsafe) for entry in entries]
            bar = tqdm(as_completed(futures), total=len(futures), desc="grading", unit="notebook",
                       disable=not progress, file=sys.stderr)  # fmt: skip
            rows = [future.result() for future in bar]
    finally:
        remove_tree(work)
    labels = [label for chapter in sorted(keys.keys) if keys.keys[chapter] for label in keys.keys[chapter]]
    rows.sort(key=lambda row: row["file"])
    return ["file", "chapter", *labels, "total", "possible", "reason"], rows


FORMULA = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets read as the start of a formula (OWASP's list)


def _inert(value):
    """A table cell a spreadsheet will not read as a formula (a file may be named ``=cmd().ipynb``)."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA) else value


def _write_atomically(out: Path, write) -> None:
    """Call ``write(file)`` on a temporary file beside ``out``, then put it in ``out``'s place: a
    reader sees the old file or the whole new one."""
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as f:
            write(f)
        os.replace(temporary, out)
    except BaseException:
        os.unlink(temporary)
        raise


def write_table(columns: list[str], rows: list[dict], out: Path) -> None:
    """Write the grade table as UTF-8 CSV, atomically."""
    import csv

    def write(f):
        writer = csv.DictWriter(f, fieldnames=columns, restval="", extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _inert(v) for k, v in row.items()} for row in rows)

    _write_atomically(out, write)


GRADEBOOK = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")


def write_gradebook(rows: list[dict], out: Path) -> None:
    """Write a CSV shaped for a gradebook import, after Canvas's columns: ``Student``, ``ID``, ``SIS
    User ID``, ``SIS Login ID``, ``Section``, then one column of points per chapter graded (named
    ``<chapter> (autograded)``). Student is the file's name without ``.ipynb`` and Section its
    folder; the ID columns are left for the instructor to fill from the LMS's own export."""
    import csv

    chapters = sorted({row["chapter"] for row in rows if row.get("possible")})

    def write(f):
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow([*GRADEBOOK, *(f"{chapter} (autograded)" for chapter in chapters)])
        for row in rows:
            folder, _, name = row["file"].rpartition("/")
            points = [row["total"] if row["chapter"] == chapter and row.get("possible") else "" for chapter in chapters]
            writer.writerow([_inert(name.removesuffix(NOTEBOOK)), "", "", "", _inert(folder), *points])

    _write_atomically(out, write)


def summary(rows: list[dict]) -> list[str]:
    """One line per notebook for the terminal: its shown (escaped) name, points and reason."""
    return [f"{row['file']}: {row['total']}/{row['possible']} {row['reason']}".rstrip() for row in rows]


REPORT_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #ccc;vertical-align:top}
.n{text-align:right;font-variant-numeric:tabular-nums}code{font-size:.85rem;overflow-wrap:anywhere}
td{overflow-wrap:anywhere}td:first-child{min-width:8rem}svg text{font:15px system-ui,sans-serif;fill:#1a1a1a}
.bar{fill:#1f5f8b}.track{fill:#e6e6e6}.wrap{overflow-x:auto}
"""


def _pass_rates(columns: list[str], rows: list[dict]) -> list[tuple[str, str, int, int]]:
    """Each exercise's chapter, label, notebooks that earned its point and notebooks of its chapter."""
    labels = columns[2:-3]
    rates = []
    for label in labels:
        graded = [row for row in rows if label in row]
        rates.append((graded[0]["chapter"] if graded else "", label, sum(row[label] for row in graded), len(graded)))
    return rates


def _chart(rates: list[tuple[str, str, int, int]]) -> str:
    """The pass rates as an inline SVG bar chart (no script, no font or file from elsewhere): each
    exercise's label above its bar, so that the chart stays legible scaled to a phone's width."""
    width, row = 300, 52
    shares = [passed / count if count else 0 for _, _, passed, count in rates]
    figures = [f"{share:.0%} ({passed}/{count})" for share, (_, _, passed, count) in zip(shares, rates)]
    room = 16 + 10 * max(map(len, figures), default=0)  # 15 px text: a figure or sign is at most about 10 px wide
    parts = [
        f'<svg role="img" aria-labelledby="chart-title" viewBox="0 0 {width + room} {row * len(rates) + 8}" '
        f'width="100%" style="max-width:{width + room}px">',
        '<title id="chart-title">Share of notebooks that earned each exercise\'s point</title>',
    ]
    for i, ((_, label, _, _), share, figure) in enumerate(zip(rates, shares, figures)):
        y = 8 + i * row
        parts += [
            f'<text x="0" y="{y + 12}">{html.escape(label)}</text>',
            f'<rect class="track" x="0" y="{y + 18}" width="{width}" height="20"/>',
            f'<rect class="bar" x="0" y="{y + 18}" width="{share * width:.1f}" height="20"/>',
            f'<text x="{width + 8}" y="{y + 34}">{figure}</text>',
        ]
    return "\n".join(parts + ["</svg>"])


def write_report(columns: list[str], rows: list[dict], out: Path, title: str = "Grading report") -> None:
    """Write a one-page HTML report that opens offline (all styles and the chart inline): pass rates
    per exercise as a chart and a table, the five most common wrong answers of each exercise, and
    every row with a reason. Every name and answer from a submission is HTML-escaped."""
    e = html.escape
    rates = _pass_rates(columns, rows)
    graded = [row for row in rows if row.get("possible")]
    with_reason = [row for row in rows if row["reason"]]
    mean = sum(row["total"] for row in graded) / len(graded) if graded else 0
    body = [
        f"<h1>{e(title)}</h1>",
        f"<p>{len(rows)} notebooks; {len(graded)} of a known chapter, mean {mean:.2f} points; "
        f"{len(with_reason)} with a reason (below). Exercises graded here are the autograded ones: "
        "mark the reading and argument exercises by hand.</p>",
        "<h2>Pass rate per exercise</h2>",
        '<div class="wrap">' + _chart(rates) + "</div>" if rates else "<p>No exercise was graded.</p>",
        '<div class="wrap"><table><caption class="visually-hidden">Pass rates</caption>',
        '<tr><th scope="col">Exercise (chapter)</th><th scope="col" class="n">Earned</th>'
        '<th scope="col" class="n">Notebooks</th></tr>',
        *(
            f'<tr><td>{e(label)} ({e(chapter)})</td><td class="n">{passed}</td><td class="n">{count}</td></tr>'
            for chapter, label, passed, count in rates
        ),
        "</table></div>",
        "<h2>Most common wrong answers</h2>",
    ]
    for _, label, _, _ in rates:
        counts = collections.Counter(row["wrong"][label] for row in rows if label in row.get("wrong", {}))
        body.append(f"<h3>{e(label)}</h3>")
        if not counts:
            body.append("<p>No wrong answer.</p>")
            continue
        body.append(
            '<div class="wrap"><table><tr><th scope="col">Answer given</th><th scope="col" class="n">Notebooks</th></tr>'
        )
        body += [
            f'<tr><td>{"<em>no answer</em>" if a == NO_ANSWER else f"<code>{e(a)}</code>"}</td><td class="n">{n}</td></tr>'
            for a, n in counts.most_common(5)
        ]
        body.append("</table></div>")
    body.append("<h2>Notebooks with a reason</h2>")
    if with_reason:
        body.append('<div class="wrap"><table><tr><th scope="col">File</th><th scope="col">Chapter</th>'
                    '<th scope="col" class="n">Points</th><th scope="col">Reason</th></tr>')  # fmt: skip
        body += [
            f"<tr><td><code>{e(row['file'])}</code></td><td>{e(row['chapter'])}</td>"
            f'<td class="n">{row["total"]}/{row["possible"]}</td><td>{e(row["reason"])}</td></tr>'
            for row in with_reason
        ]
        body.append("</table></div>")
    else:
        body.append("<p>None: every notebook ran to its end.</p>")
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)}</title><style>{REPORT_STYLE}"
        ".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}</style>"
        "</head><body><main>\n" + "\n".join(body) + "\n</main></body></html>\n"
    )
    _write_atomically(out, lambda f: f.write(page))


# ----------------------------------------------------------------------------- inside the sandbox

EXPORT = (
    "import json as _grader_json\n"
    "from teachkit.answers import answers_of as _grader_answers_of\n"
    "with open({path!r}, 'w') as _grader_file:\n"
    "    _grader_json.dump(_grader_answers_of(globals(), {variables!r}), _grader_file)\n"
)


def run_inside(folder: Path) -> None:
    """Execute ``folder/submission.ipynb`` with nbclient and a last cell that writes the answer
    variables named in ``folder/variables.json`` to ``folder/answers.json``. ``folder/status.json``
    says how far it got (the cell sent, whether the kernel replied: see ``worth_retrying``), then
    whether the kernel survived. Runs in the sandbox."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    def record(**status):
        (folder / "status.json").write_text(json.dumps(status))

    variables = json.loads((folder / "variables.json").read_text())
    notebook = nbformat.read(folder / "submission.ipynb", as_version=4)
    export = EXPORT.format(path=str(folder / "answers.json"), variables=variables)
    notebook.cells.append(nbformat.v4.new_code_cell(export))
    client = NotebookClient(
        notebook, timeout=None, allow_errors=True, kernel_name="python3", resources={"metadata": {"path": str(folder)}},
        shutdown_kernel="immediate",  # the answers are written by then: the kernel is killed, not asked to stop
        on_cell_execute=lambda cell, cell_index: record(status="running", cell=cell_index, replied=False),
        on_cell_executed=lambda cell, cell_index, execute_reply: record(status="running", cell=cell_index, replied=True),
    )  # fmt: skip
    try:
        client.execute()
        status = "finished"
    except DeadKernelError:
        status = "kernel died"
    except Exception as error:  # the notebook could not be run at all; recorded, not raised
        status = f"not run: {type(error).__name__}"
    record(status=status)


if __name__ == "__main__":
    if sys.argv[1:2] == ["run"]:
        run_inside(Path(sys.argv[2]))
