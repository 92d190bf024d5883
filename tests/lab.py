"""Drive a real JupyterLab in Debian's Chromium as a student would: open a chapter, run all cells,
look at what is drawn, move every slider of every live panel and time the redraw.

:func:`jupyterlab` starts ``jupyter lab`` on 127.0.0.1 over a copy of ``chapters/`` (so autosave
never touches the committed notebooks), with its own settings (full rendering, not windowed, so
every cell is in the page) and no update checks. :func:`run_chapter` opens one notebook in a fresh
browser context whose every request to another host is aborted and recorded, runs all cells, and
returns a :class:`ChapterResult`. Used by ``tests/test_lab.py`` and ``benchmarks/live.py``.

What counts:
  an error        an ``error`` output or a ``stderr`` stream in any cell (from the notebook model)
  a chart drawn   every SVG output (an ``<img>`` JupyterLab made from ``image/svg+xml``) has loaded
                  with a non-zero size; every live panel's inline ``<svg>`` has drawn marks
  a slider works  focused and moved one step with the arrow keys, its panel's drawing changes;
                  the time from the key press to the first change of the drawing is the redraw time
  one panel each  the live panels, by kind ("explorer": an explorer drawn in the kernel, "panel": a
                  controls.panel), and how many code cells call an explorer
  MyST rendered   no markdown cell shows a raw role or directive (``{term}``, `````{``, ``:::{``)
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import browser_report as br

SESSION: list = []  # every ChapterResult of this run, for the report at its end
RUN_TIMEOUT_S = 600  # all cells of a chapter, on a loaded machine
REDRAW_TIMEOUT_MS = 15_000


@dataclasses.dataclass
class ChapterResult:
    chapter: str
    errors: list[str] = dataclasses.field(default_factory=list)
    foreign: list[str] = dataclasses.field(default_factory=list)
    charts: int = 0
    undrawn: list[str] = dataclasses.field(default_factory=list)
    sliders: int = 0
    panels: list[str] = dataclasses.field(default_factory=list)
    explorers: int = 0
    dead: list[str] = dataclasses.field(default_factory=list)
    redraw_ms: list[float] = dataclasses.field(default_factory=list)
    raw_myst: list[str] = dataclasses.field(default_factory=list)
    run_s: float = 0.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def jupyterlab(chapters: Path):
    """A JupyterLab server over a copy of ``chapters``; yields its base URL (token included as ?token=)."""
    with tempfile.TemporaryDirectory(prefix="lab-") as tmp:
        tmp = Path(tmp)
        shutil.copytree(chapters, tmp / "root" / "chapters", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        settings = tmp / "settings" / "@jupyterlab" / "notebook-extension"
        settings.mkdir(parents=True)
        (settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
        port, token = _free_port(), secrets.token_hex(16)
        env = {
            **os.environ,
            "JUPYTER_CONFIG_DIR": str(tmp / "config"),
            "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
        }
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyterlab",
                "--no-browser",
                "--allow-root",  # CI runs as root
                "--ServerApp.ip=127.0.0.1",
                f"--ServerApp.port={port}",
                f"--IdentityProvider.token={token}",
                f"--ServerApp.root_dir={tmp / 'root'}",
                "--LabApp.expose_app_in_browser=True",
                f"--LabApp.user_settings_dir={tmp / 'settings'}",
                f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                "--LabApp.news_url=",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(tmp / "server.log", "w"),  # noqa: SIM115 - closed with the folder
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5)
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("JupyterLab did not start:\n" + (tmp / "server.log").read_text()) from None
                    time.sleep(0.5)
            yield base, token
        finally:
            server.terminate()
            try:
                server.wait(20)
            except subprocess.TimeoutExpired:
                server.kill()


READY = """async ([path, limitMs]) => {
  const app = window.jupyterapp, deadline = Date.now() + limitMs;
  const wait = async (what, ok) => {
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`${path}: ${what} after ${limitMs} ms`);
      await new Promise(r => setTimeout(r, 100));
    }
  };
  await app.started; await app.restored;
  const panel = () => app.shell.currentWidget;
  await wait("not the current tab", () => panel() && panel().sessionContext && panel().context.path === path);
  await panel().context.ready; await panel().sessionContext.ready;
  await wait("no kernel", () => panel().sessionContext.session && panel().sessionContext.session.kernel);
  return true;
}"""

RUN_ALL = """async (limitMs) => {
  const app = window.jupyterapp, panel = app.shell.currentWidget, deadline = Date.now() + limitMs;
  // Outputs and execution counts saved in the file are cleared first, so "every cell has a count" means it ran.
  await app.commands.execute('notebook:clear-all-cell-outputs');
  await app.commands.execute('notebook:run-all-cells');
  const done = () => panel.content.widgets.every(c => c.model.type !== 'code' || !c.model.sharedModel.getSource().trim()
      || c.model.executionCount !== null) && panel.sessionContext.session.kernel.status === 'idle';
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`cells still running after ${limitMs} ms`);
    await new Promise(r => setTimeout(r, 250));
  }
  await new Promise(r => setTimeout(r, 1000));  // widget views attach after the last reply
  return true;
}"""

OUTPUTS = """() => window.jupyterapp.shell.currentWidget.content.widgets.map((c, i) => ({
  index: i, type: c.model.type, source: c.model.sharedModel.getSource(),
  outputs: c.model.type === 'code' ? c.model.outputs.toJSON() : [],
  text: c.model.type === 'markdown' ? c.node.innerText : '' }))"""

DRAWN = """() => {
  const root = window.jupyterapp.shell.currentWidget.content.node;
  const imgs = [...root.querySelectorAll('.jp-RenderedSVG img, .jp-RenderedImage img')];
  const pictures = [...root.querySelectorAll('.book-panel, .book-explorer')].map(b => b.querySelector('.widget-html-content svg'));
  return {
    images: imgs.map(i => ({ok: i.complete && i.naturalWidth > 0, alt: (i.alt || '').slice(0, 60)})),
    pictures: pictures.map(s => !!s && s.querySelectorAll('.role-mark > *').length > 0),
  };
}"""

BOXES = """() => [...document.querySelectorAll('.book-panel, .book-explorer')].map(box => ({
  kind: box.classList.contains('book-panel') ? 'panel' : 'explorer',
  sliders: [...box.querySelectorAll('.widget-slider')].map(s => ({
    label: s.closest('.widget-hbox').querySelector('.widget-html-content').innerText.trim(),
    value: s.querySelector('.widget-readout').innerText.trim() })) }))"""

ARM = """([box, slider]) => {
  const b = document.querySelectorAll('.book-panel, .book-explorer')[box];
  const picture = b.querySelector('.widget-html-content svg').parentElement;
  window.__moved = null; window.__drawn = null;
  const obs = new MutationObserver(() => { if (window.__drawn === null) { window.__drawn = performance.now(); obs.disconnect(); } });
  obs.observe(picture, {childList: true, subtree: true, characterData: true});
  document.addEventListener('keydown', () => { window.__moved = performance.now(); }, {capture: true, once: true});
  const handle = b.querySelectorAll('.widget-slider')[slider].querySelector('.noUi-handle');
  handle.scrollIntoView({block: 'center'}); handle.focus();
  return handle.getAttribute('aria-valuenow') === handle.getAttribute('aria-valuemax');
}"""


EXPLORER_CALL = re.compile(r"\w*explorer\(")  # explorer.explorer(...), labour.village_explorer(...)


def _raw_myst(text: str) -> bool:
    return any(mark in text for mark in ("{term}`", "{footcite}`", "{doc}`", "{ref}`", "```{", ":::{"))


def run_chapter(browser, base: str, token: str, chapter: str) -> ChapterResult:
    """Open ``chapters/<chapter>`` in JupyterLab, run all cells, check the drawings, move every slider."""
    result = ChapterResult(chapter)
    context = browser.new_context(viewport=br.VIEWPORT)

    def route(r):
        url = r.request.url
        if url.startswith(base + "/") or url.split(":", 1)[0] in ("data", "blob", "about"):
            r.continue_()
        else:
            result.foreign.append(url)
            r.abort("blockedbyclient")

    context.route("**/*", route)
    page = context.new_page()
    try:
        # ?reset: a fresh workspace, so the chapters opened before are not restored beside this one
        page.goto(f"{base}/lab/tree/chapters/{chapter}?reset&token={token}", wait_until="domcontentloaded")
        page.wait_for_function("() => window.jupyterapp", timeout=120_000)
        page.evaluate(READY, [f"chapters/{chapter}", 120_000])  # page.evaluate has no timeout: the script has one
        started = time.perf_counter()
        page.evaluate(RUN_ALL, RUN_TIMEOUT_S * 1000)
        result.run_s = time.perf_counter() - started
        page.set_default_timeout(30_000)
        for cell in page.evaluate(OUTPUTS):
            for out in cell["outputs"]:
                if out["output_type"] == "error":
                    result.errors.append(f"cell {cell['index']}: {out['ename']}: {out['evalue']}")
                elif out["output_type"] == "stream" and out.get("name") == "stderr":
                    result.errors.append(f"cell {cell['index']} wrote to stderr: {''.join(out['text'])[:300]}")
            if cell["type"] == "code" and EXPLORER_CALL.search(cell["source"]):
                result.explorers += 1
            if cell["type"] == "markdown" and _raw_myst(cell["text"]):
                result.raw_myst.append(f"cell {cell['index']}: {cell['text'][:120]!r}")
        drawn = page.evaluate(DRAWN)
        result.charts = len(drawn["images"]) + len(drawn["pictures"])
        result.undrawn += [f"svg output {i} ({d['alt']})" for i, d in enumerate(drawn["images"]) if not d["ok"]]
        result.undrawn += [f"live panel {i}" for i, ok in enumerate(drawn["pictures"]) if not ok]
        boxes = page.evaluate(BOXES)
        result.panels = [box["kind"] for box in boxes]
        for b, box in enumerate(boxes):
            for s, slider in enumerate(box["sliders"]):
                result.sliders += 1
                _move(page, b, s, f"{box['kind']} {b}, slider {slider['label']!r}", result)
    finally:
        with contextlib.suppress(Exception):  # the kernel is not needed any more; a failure above matters more
            page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
        context.close()
    return result


def _move(page, box: int, slider: int, name: str, result: ChapterResult) -> None:
    at_max = page.evaluate(ARM, [box, slider])
    page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
    try:
        page.wait_for_function("() => window.__drawn !== null", timeout=REDRAW_TIMEOUT_MS)
    except Exception:  # playwright's TimeoutError: the drawing never changed
        result.dead.append(f"{name}: moving it one step changed nothing in {REDRAW_TIMEOUT_MS} ms")
        return
    result.redraw_ms.append(page.evaluate("() => window.__drawn - window.__moved"))
    page.wait_for_timeout(100)  # let the last message settle before the next slider


def report(results: list[ChapterResult]) -> str:
    """One line per chapter: cells' run time, charts, sliders moved, median and slowest redraw."""
    import statistics

    lines = [f"{'chapter':45} {'run s':>6} {'charts':>6} {'sliders':>7} {'median ms':>9} {'max ms':>7}"]
    for r in results:
        median = f"{statistics.median(r.redraw_ms):.0f}" if r.redraw_ms else "-"
        slowest = f"{max(r.redraw_ms):.0f}" if r.redraw_ms else "-"
        lines.append(f"{r.chapter:45} {r.run_s:6.1f} {r.charts:6} {r.sliders:7} {median:>9} {slowest:>7}")
    every = [t for r in results for t in r.redraw_ms]
    if every:
        lines.append(f"all sliders: median {statistics.median(every):.0f} ms over {len(every)} moves")
    return "\n".join(lines)
