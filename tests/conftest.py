"""Shared paths for the tests."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
NOTEBOOKS = CHAPTERS + sorted((ROOT / "reference").glob("*.ipynb"))  # every notebook page of the book
HTML = ROOT / "_build" / "html"


def pytest_terminal_summary(terminalreporter):
    """Print the browser suites' reports (tests/browser_report.py, tests/lab.py) at the end of a run that included them."""
    import sys

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
