"""Run the checkers web teams trust over the built book: the Nu Html Checker, pa11y, axe, Lighthouse.

Shared by the tests (``test_html.py``, which fail on any error) and the measurement script
(``benchmarks/checkers.py``, which prints every checker's totals per page). The npm tools live in
``.ci/node_modules`` (``npm install --prefix .ci``, as ``.ci/run`` does, with
``PUPPETEER_SKIP_DOWNLOAD=1``: they drive Debian's Chromium, never a downloaded browser).

Which pages: every page of ``_toc.yml`` plus the pages Sphinx adds (``index.html``, ``genindex.html``,
``search.html``); :func:`book_pages`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import browser_report as br

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / ".ci" / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
PA11Y_SCRIPT = Path(__file__).with_name("pa11y_pages.cjs")
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
SPHINX_PAGES = ["index.html", "genindex.html", "search.html"]
LIGHTHOUSE_CATEGORIES = ("accessibility", "best-practices", "seo")
INSTALL_HINT = "install the checkers: PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix .ci (as .ci/run does)"


def book_pages(root: Path = ROOT) -> list[str]:
    """The table of contents' pages, then the pages Sphinx adds."""
    return br.toc_pages(root) + SPHINX_PAGES


def missing_tools() -> str | None:
    """Why the checkers cannot run here, or None."""
    if not shutil.which("java"):
        return "Java is missing (Debian: apt-get install -y default-jre-headless; .ci/run does this)"
    if not VNU_JAR.exists() or not (NODE_MODULES / "pa11y").exists():
        return f"no {VNU_JAR.relative_to(ROOT)} or pa11y: {INSTALL_HINT}"
    return None


def vnu(html_dir: Path, pages: list[str]) -> dict[str, list[dict]]:
    """The Nu Html Checker's messages per page: dicts with ``type`` ('error', 'info'), ``subType``, ``message``."""
    files = [str(html_dir / p) for p in pages]
    run = subprocess.run(
        ["java", "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(run.stderr)  # vnu writes its report to stderr
    by_page: dict[str, list[dict]] = {p: [] for p in pages}
    for message in report["messages"]:
        path = Path(message.get("url", "").removeprefix("file:")).resolve()
        page = path.relative_to(html_dir.resolve()).as_posix() if path.is_relative_to(html_dir.resolve()) else ""
        by_page.setdefault(page, []).append(message)
    return by_page


def vnu_errors(messages: list[dict]) -> list[dict]:
    return [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]


def vnu_warnings(messages: list[dict]) -> list[dict]:
    return [m for m in messages if m["type"] == "info" and m.get("subType") == "warning"]


def pa11y(base: str, pages: list[str]) -> dict[str, list[dict]]:
    """pa11y's issues per page (HTML_CodeSniffer, WCAG 2 AA; errors and warnings), one shared Chromium."""
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    run = subprocess.run(
        ["node", str(PA11Y_SCRIPT), base, *pages], capture_output=True, text=True, timeout=1800, env=env
    )
    if run.returncode:
        raise RuntimeError(f"pa11y failed: {run.stderr.strip()[-2000:]}")
    return json.loads(run.stdout)


def axe(browser, base: str, page: str) -> list[dict]:
    """axe-core's violations on one page (every impact), as the browser suite records them."""
    context = browser.new_context(viewport=br.VIEWPORT)
    try:
        tab = context.new_page()
        tab.goto(f"{base}/{page}", wait_until="load", timeout=60_000)
        tab.wait_for_load_state("networkidle")  # index.html may redirect to the first page
        return br._run_axe(tab)
    finally:
        context.close()


def lighthouse(url: str) -> dict[str, int]:
    """Lighthouse's accessibility, best-practices and SEO scores (0-100) for one URL, in Debian's Chromium."""
    flags = " ".join(["--headless=new", *[f for f in br.FLAGS if f != "--headless"]])
    run = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--chrome-path={br.CHROMIUM}",
            f"--chrome-flags={flags}",
            "--only-categories=" + ",".join(LIGHTHOUSE_CATEGORIES),
            "--output=json",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if run.returncode:
        raise RuntimeError(f"lighthouse failed on {url}: {run.stderr.strip()[-2000:]}")
    report = json.loads(run.stdout)
    scores = {name: round(100 * report["categories"][name]["score"]) for name in LIGHTHOUSE_CATEGORIES}
    audits = report["audits"]
    scores["failing audits"] = sorted(
        ref["id"]
        for name in LIGHTHOUSE_CATEGORIES
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"]
        and audits[ref["id"]]["scoreDisplayMode"] in ("binary", "numeric")
        and (audits[ref["id"]]["score"] or 0) < 1
    )
    return scores
