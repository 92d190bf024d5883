"""Shared paths for the tests."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
NOTEBOOKS = CHAPTERS + sorted((ROOT / "reference").glob("*.ipynb"))  # every notebook page of the book
HTML = ROOT / "_build" / "html"
