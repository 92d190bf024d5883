"""Shared paths for the tests."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
NOTEBOOKS = CHAPTERS + sorted((ROOT / "reference").glob("*.ipynb"))  # every notebook page of the book
HTML = ROOT / "_build" / "html"


def pytest_terminal_summary(terminalreporter):
    """Print the browser suite's report (tests/browser_report.py) at the end of a run that included it."""
    import sys

    report = sys.modules.get("browser_report")
    if report is None or not report.SESSION.started:
        return
    terminalreporter.section("the book in a browser")
    if report.SESSION.missing:
        terminalreporter.write_line("BROWSER TESTS DID NOT RUN: " + report.SESSION.missing, red=True, bold=True)
    if report.SESSION.results:
        terminalreporter.write_line(report.format_report())
