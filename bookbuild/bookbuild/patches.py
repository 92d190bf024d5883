"""The book's patches of third-party output: only those that no supported route can make.

The build prefers a tool's supported hooks: template overrides in ``_templates/`` (the theme's header,
colour-mode and search buttons, its asset macros, its page head), Sphinx events (the page context:
scripts, footer links, page contents) and docutils visitors (citations, footnote lists, myst-nb's code
toggle; :mod:`bookbuild.pages`). What is left is here, each patch with

- the package it patches, whose version it was written for is in :data:`WRITTEN_FOR`: the build warns
  when another version is installed (``-W`` makes that an error), and ``tests/bookbuild/test_patches.py``
  checks the version and that each pattern still matches what the installed package writes;
- ``why``: the line saying why no supported route exists;
- a build warning when it finds nothing to patch, so a theme that changes its markup is noticed.
"""

import re
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from sphinx.util import logging

__all__ = [
    "LOG",
    "PAGE_PATCHES",
    "TAB_STOPS",
    "WRITTEN_FOR",
    "check_versions",
    "icon_paths",
    "patch_pages",
    "setup",
    "watch_tab_stops",
]

LOG = logging.getLogger(__name__)
WRITTEN_FOR = {"pydata-sphinx-theme": "0.17.1", "sphinx-book-theme": "1.3.0"}


@dataclass(frozen=True)
class Patch:
    """One rewrite of every written page: ``pattern`` -> ``replacement`` (``re.sub``)."""

    what: str
    why: str
    package: str
    pattern: re.Pattern
    replacement: str


PAGE_PATCHES = (
    Patch(
        "the search form has a submit button (WCAG H32: a form needs one)",
        "the theme includes its search field by a relative path (../components/search-field.html) that "
        "_templates/ cannot shadow, from two templates (the search dialog and the search page)",
        "pydata-sphinx-theme",
        re.compile(r'(<form class="bd-search[^"]*"[^>]*>.*?)(</form>)', re.S),
        r'\1<button type="submit" class="btn search-submit">Search</button>\2',
    ),
    Patch(
        "the primary sidebar (book title, search, contents) is a landmark",
        "layout.html writes this <div> outside any block: an override would copy the theme's whole page layout",
        "pydata-sphinx-theme",
        re.compile(r'<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar">'),
        r'<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar" role="region" aria-label="Book">',
    ),
    Patch(
        "the logos in the closed launch menu load when it opens",
        "the launch buttons' macros are imported by a relative path (../macros/buttons.html) that _templates/ "
        "cannot shadow, and the button data has no attribute for the image",
        "sphinx-book-theme",
        re.compile(r'(<img alt="[^"]*" src="[^"]*_static/images/logo_[a-z]+\.(?:png|svg)")'),
        r'\1 loading="lazy"',
    ),
)


def check_versions(app) -> None:
    """Warn when an installed package is not the version the patches were written for."""
    for package, written_for in WRITTEN_FOR.items():
        try:
            installed = version(package)
        except PackageNotFoundError:
            installed = "none"
        if installed != written_for:
            LOG.warning(
                f"bookbuild.patches: written for {package} {written_for}, {installed} is installed: check each "
                "patch and template override against it (tests/bookbuild/test_patches.py)"
            )


def patch_pages(app, exception) -> None:
    """Apply PAGE_PATCHES to every written page (not the root index.html, written by the book); warn for
    a patch that found nothing anywhere. Then the theme's script (:func:`watch_tab_stops`)."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    used = {patch.what: 0 for patch in PAGE_PATCHES}
    for path in outdir.rglob("*.html"):
        if "_static" in path.parts or (path.name == "index.html" and path.parent == outdir):
            continue
        text = original = path.read_text(encoding="utf-8")
        for patch in PAGE_PATCHES:
            text, n = patch.pattern.subn(patch.replacement, text)
            used[patch.what] += n
        if text != original:
            path.write_text(text, encoding="utf-8")
    for what, n in used.items():
        if not n:
            LOG.warning(f"bookbuild.patches: no page needed the patch '{what}': has the theme's markup changed?")
    watch_tab_stops(outdir / "_static" / "scripts" / "pydata-sphinx-theme.js")


# --------------------------------------------------------------------------- the theme's tab stops

# pydata-sphinx-theme makes every code block and cell output that scrolls focusable (so a keyboard can
# scroll it) by reading the scroll size of all of them at load, on every resize, and 300 ms after any
# change under <main>: each time a layout of the whole page, which also undoes content-visibility
# (book.css), and which an explorer's every redraw sets off again. The same rule (same selectors, same
# test) runs instead from a ResizeObserver: for each box when it is first laid out, and again when its
# size changes, at no cost for boxes off screen.
# Why a patch: the theme runs this function from its bundled script at load, with no option or hook to
# turn it off (an upstream-ready fix is the same ResizeObserver in the theme's own source).
TAB_STOPS_PACKAGE = "pydata-sphinx-theme"
TAB_STOPS = re.compile(
    r"function (\w+)\(\)\{const (\w+)=\(\)=>\{document\.querySelectorAll\((\[[^\]]*\])\.join\(\", \"\)\)"
    r"\.forEach\(.*?subtree:!0,childList:!0\}\),\2\(\)\}"
)
TAB_STOPS_ON_RESIZE = (
    "function %s(){const o=new ResizeObserver(n=>n.forEach(({target:e})=>{"
    "e.tabIndex=e.scrollWidth>e.clientWidth||e.scrollHeight>e.clientHeight?0:-1}));"
    'document.querySelectorAll(%s.join(", ")).forEach(e=>o.observe(e))}'
)


def watch_tab_stops(script: Path) -> None:
    """Rewrite the theme's tab-stop function in its shipped script (see TAB_STOPS); warn if it is not there."""
    if not script.exists():
        return
    text = script.read_text(encoding="utf-8")
    new, count = TAB_STOPS.subn(lambda m: TAB_STOPS_ON_RESIZE % (m.group(1), m.group(3)), text)
    if count != 1:
        LOG.warning(f"{script.name}: the theme's tab-stop function was not found ({count}); it lays out every page")
        return
    script.write_text(new, encoding="utf-8")


# --------------------------------------------------------------------------- icons

# Font Awesome's path data, read out of the theme's fontawesome.js (bookbuild/lean.py draws the icons
# the pages use from it as CSS masks, and _templates/static/webpack-macros.html loads that sheet instead).
# Why read the script: the theme ships its icons only as this script, which draws them at run time; the
# path data has no other installed form.
ICONS_PACKAGE = "pydata-sphinx-theme"
ICON_DEFINE = re.compile(r'\("(fa[srb])",\w+\)')
ICON_ENTRY = r'[{,]"?%s"?:\[(\d+),(\d+),\[[^\]]*\],"[0-9a-f]+","([^"]+)"\]'


def icon_paths(script: str, name: str) -> dict[str, tuple[int, int, str]]:
    """Font Awesome's own path data for icon ``name``, by style (fas, far, fab), read from fontawesome.js."""
    ends = [(m.start(), m.group(1)) for m in ICON_DEFINE.finditer(script)]
    found = {}
    for m in re.finditer(ICON_ENTRY % re.escape(name), script):
        style = next((s for end, s in ends if end > m.start()), None)
        if style and style not in found:
            found[style] = (int(m.group(1)), int(m.group(2)), m.group(3))
    return found


def setup(app) -> None:
    app.connect("builder-inited", check_versions)
    app.connect("build-finished", patch_pages, priority=600)  # after bookbuild.lean.finish, as before
