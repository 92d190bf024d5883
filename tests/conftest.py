"""Shared paths for the tests, the kinds of test (pytest markers), and the Binder environment.

Every test gets one kind, by its module (``KINDS`` below; a test may also mark itself):
  unit     the code in widgets/ (models, charts, tables, parts) and bookbuild/ (the Sphinx hooks); no build, no browser
  content  the data, its sources, the essays' claims and the chapters' text, read from the repository
  site     the built book (_build/html and the notebooks the build executed): browser and HTML checkers
  live     fresh installs and kernels: the wheel, Colab, the Binder environment in JupyterLab
  sandbox  the grader and the teaching kit: bubblewrap sandboxes, otter, the student edition
The quick tier, ``python -m pytest -m quick``, is unit and content: run it before each commit.

A module missing from ``KINDS`` gets a kind from what it uses (``_guess``): the browser, the checkers
or the built HTML make it site; fresh environments, kernels or JupyterLab make it live; the grader
makes it sandbox; anything else is unit. The run's summary names each such module and the line to add.
"""

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
NOTEBOOKS = CHAPTERS + sorted((ROOT / "reference").glob("*.ipynb"))  # every notebook page of the book
HTML = ROOT / "_build" / "html"

QUICK = ("unit", "content")
KINDS = {  # test module, as its path under tests/ without .py -> kind
    "test_params": "unit",
    "test_models": "unit",
    "test_models_labour": "unit",
    "test_models_pipeline": "unit",
    "test_models_professional": "unit",
    "test_models_sassen": "unit",
    "test_charts": "unit",
    "test_tables": "unit",
    "test_diagrams": "unit",
    "test_explorer": "unit",
    "test_controls": "unit",
    "test_live": "unit",
    "test_doctests": "unit",
    "test_reference": "unit",
    "test_public": "unit",
    "parts/*": "unit",
    "bookbuild/test_takeaway": "site",  # the PDF and downloads of the built book (before the next line)
    "bookbuild/*": "unit",
    "test_data": "content",
    "test_outside_sources": "content",
    "test_claims": "content",
    "test_model_claims": "content",
    "test_own_words": "content",
    "test_notebooks": "content",
    "test_quotations": "content",
    "test_browser": "site",
    "test_html": "site",
    "test_what_to_try": "site",
    "test_executed": "site",
    "test_reader_*": "site",
    "test_chartdata": "site",
    "test_save_data": "site",
    "test_install": "live",
    "test_colab": "live",
    "test_binder": "live",
    "test_lab": "live",
    "test_solutions_run": "live",
    "teachkit/*": "sandbox",
}
USES = [  # (kind, what in a module's source shows it) for modules missing from KINDS, first match wins
    ("site", r"\b(browser_report|playwright|checkers|HTML)\b"),
    ("live", r"\b(fresh|lab|nbclient|binder_env)\b"),
    ("sandbox", r"\b(grading|bwrap|otter)\b"),
]
GUESSED: dict[str, tuple[str, str]] = {}  # module -> (kind, reason), for the run's summary


def module_name(path: Path) -> str:
    return path.relative_to(ROOT / "tests").with_suffix("").as_posix()


def kind_of(path: Path) -> str:
    """The kind of the tests in the module at ``path``: from KINDS, else guessed from its source."""
    name = module_name(path)
    for pattern, kind in KINDS.items():
        if Path(name).match(pattern) and ("/" in pattern) == ("/" in name):
            return kind
    source = path.read_text()
    kind, reason = next(((k, m.group(1)) for k, rx in USES if (m := re.search(rx, source))), ("unit", "nothing else"))
    GUESSED[name] = (kind, reason)
    return kind


def pytest_collection_modifyitems(config, items):
    """Mark every test with its kind (unless it carries one) and the quick tier with ``quick``."""
    kinds = {}
    for item in items:
        own = [m.name for m in item.iter_markers() if m.name in (*QUICK, "site", "live", "sandbox")]
        path = Path(str(item.path))
        if not own and path.is_relative_to(ROOT / "tests"):
            own = [kinds.setdefault(path, kind_of(path))]
            item.add_marker(own[0])
        if own and own[0] in QUICK:
            item.add_marker("quick")


def pytest_terminal_summary(terminalreporter):
    """Name modules whose kind was guessed; print the browser suites' reports (tests/browser_report.py, tests/lab.py)."""
    for name, (kind, reason) in sorted(GUESSED.items()):
        terminalreporter.write_line(
            f"tests/{name}.py has no kind in tests/conftest.py KINDS; treated as {kind} (it uses {reason}). "
            f'Add "{name}": "{kind}" to KINDS.',
            yellow=True,
        )

    lab = sys.modules.get("lab")
    if lab is not None and lab.SESSION:
        terminalreporter.section("the chapters in JupyterLab (slider key press to redrawn chart)")
        terminalreporter.write_line(lab.report(lab.SESSION))

    report = sys.modules.get("browser_report")
    if report is None or not report.SESSION.started:
        return
    terminalreporter.section("the book in a browser")
    if report.SESSION.missing:
        terminalreporter.write_line("BROWSER TESTS DID NOT RUN: " + report.SESSION.missing, red=True, bold=True)
    if report.SESSION.results:
        terminalreporter.write_line(report.format_report())


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, for a module's browser tests of the built book; fails saying what is missing."""
    import browser_report as br

    message = br.chromium_missing_message()
    if message:
        pytest.fail(message, pytrace=False)
    if not (HTML / "index.html").exists():
        pytest.fail(f"no built book in {HTML}: run the README's build command first", pytrace=False)
    with br.launch() as b:
        yield b
