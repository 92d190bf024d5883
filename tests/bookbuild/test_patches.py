"""bookbuild.patches, the book's patches of third-party output, against the installed packages: each patch is
written for the installed version, still matches what that version writes, and warns when it finds nothing.
The template overrides in _templates/ are checked in the same small build (a notebook page, the search page)."""

import json
import re
from importlib.metadata import version
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from sphinx.application import Sphinx

from bookbuild import patches

ROOT = Path(__file__).resolve().parents[2]


def test_the_installed_packages_are_the_versions_the_patches_were_written_for():
    assert {package: version(package) for package in patches.WRITTEN_FOR} == patches.WRITTEN_FOR


def test_every_patched_package_has_the_version_it_was_written_for():
    patched = {patch.package for patch in patches.PAGE_PATCHES} | {patches.TAB_STOPS_PACKAGE, patches.ICONS_PACKAGE}
    assert patched <= set(patches.WRITTEN_FOR)


def test_another_version_warns(monkeypatch):
    warned = []
    monkeypatch.setattr(patches, "LOG", SimpleNamespace(warning=warned.append))
    monkeypatch.setattr(patches, "WRITTEN_FOR", {"sphinx-book-theme": "0.0.1", "no-such-package-here": "1"})
    patches.check_versions(None)
    assert len(warned) == 2 and "written for sphinx-book-theme 0.0.1" in warned[0] and "none is installed" in warned[1]


NOTEBOOK = {
    "cells": [{"cell_type": "markdown", "id": "a1", "metadata": {}, "source": ["# A notebook page\n", "\n", "Text."]}],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}
CONF = f"""
extensions = ["myst_nb", "bookbuild"]
html_theme = "sphinx_book_theme"
html_theme_options = {{"repository_url": "https://github.com/x/y", "launch_buttons": {{"binderhub_url": "https://mybinder.org"}}}}
templates_path = [{str(ROOT / "_templates")!r}]
html_math_renderer = "mathml"
nb_execution_mode = "off"
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A two-page book (a notebook, so the launch menu shows) built with the installed theme and the book's
    templates; the build's warnings."""
    src = tmp_path_factory.mktemp("book")
    (src / "conf.py").write_text(CONF)
    (src / "index.md").write_text("# The book\n\n```{toctree}\npage\n```\n")
    (src / "page.ipynb").write_text(json.dumps(NOTEBOOK))
    out, warnings = src / "_build", StringIO()
    Sphinx(str(src), str(src), str(out), str(out / ".doctrees"), "html", status=None, warning=warnings).build()
    return out, warnings.getvalue()


def test_each_page_patch_matches_what_the_installed_theme_writes(built):
    out, warnings = built
    assert "bookbuild.patches" not in warnings and "tab-stop function was not found" not in warnings, warnings
    page = (out / "page.html").read_text(encoding="utf-8")
    assert '<button type="submit" class="btn search-submit">Search</button></form>' in page
    assert 'id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar" role="region" aria-label="Book"' in page
    assert re.search(r'<img alt="Binder logo" src="[^"]*logo_binder\.svg" loading="lazy"', page)
    assert "new ResizeObserver(" in (out / "_static" / "scripts" / "pydata-sphinx-theme.js").read_text(encoding="utf-8")


def test_the_template_overrides_are_used(built):
    """_templates/: the buttons named by their visible text, the icon sheet for fontawesome.js, search scripts
    only on the search page."""
    out, _ = built
    page = (out / "page.html").read_text(encoding="utf-8")
    assert 'aria-label="Colour mode: light, dark or system setting"' in page and 'aria-label="Color mode"' not in page
    assert (
        '<button class="btn search-button-field search-button__button pst-js-only" title="Search (Ctrl+K)" data' in page
    )
    assert 'href="_static/book-icons.css"' in page and "fontawesome.js" not in page and 'rel="preload"' not in page
    assert "pydata-sphinx-theme.js" in page, "the theme's own scripts still load"
    assert "searchtools.js" not in page and "searchindex.js" not in page
    search = (out / "search.html").read_text(encoding="utf-8")
    assert "searchtools.js" in search and "searchindex.js" in search


def _written_book(tmp_path, page: str):
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "one.html").write_text(page)
    (tmp_path / "index.html").write_text("<meta>")
    return SimpleNamespace(outdir=str(tmp_path), builder=SimpleNamespace(format="html"))


THEME_PAGE = (
    '<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar">'
    '<form class="bd-search d-flex" action="search.html"><input name="q"></form>'
    '<img alt="Binder logo" src="../_static/images/logo_binder.svg"></div>'
)


def test_pages_are_patched(tmp_path):
    app = _written_book(tmp_path, THEME_PAGE)
    patches.patch_pages(app, None)
    page = (tmp_path / "chapters" / "one.html").read_text()
    assert '<button type="submit" class="btn search-submit">Search</button></form>' in page
    assert 'role="region" aria-label="Book"' in page and 'logo_binder.svg" loading="lazy">' in page
    assert (tmp_path / "index.html").read_text() == "<meta>", "index.html is written by bookbuild.pages, not patched"


def test_a_patch_that_finds_nothing_warns(tmp_path, monkeypatch):
    warned = []
    monkeypatch.setattr(patches, "LOG", SimpleNamespace(warning=warned.append))
    patches.patch_pages(_written_book(tmp_path, "<p>no theme here</p>"), None)
    assert len(warned) == len(patches.PAGE_PATCHES) and "theme's markup changed" in warned[0]


def test_written_pages_are_left_alone_after_a_failed_build(tmp_path):
    app = _written_book(tmp_path, THEME_PAGE)
    patches.patch_pages(app, RuntimeError("build failed"))
    assert (tmp_path / "chapters" / "one.html").read_text() == THEME_PAGE


FONTAWESOME = 'var a={"rocket":[512,448,[],"f135","M1 2L3 4"],"xmark":[384,512,[],"f00d","M5 6"]};bunker(("fas",a));'


def test_icon_paths_are_read_from_the_installed_font_awesome():
    import pydata_sphinx_theme

    assert patches.icon_paths(FONTAWESOME, "rocket") == {"fas": (512, 448, "M1 2L3 4")}
    shipped = Path(pydata_sphinx_theme.__file__).parent / "theme/pydata_sphinx_theme/static/scripts/fontawesome.js"
    script = shipped.read_text(encoding="utf-8")
    for name in ("magnifying-glass", "sun", "moon", "circle-half-stroke"):
        width, height, path = patches.icon_paths(script, name)["fas"]
        assert width > 0 and height > 0 and path.startswith("M"), name
    assert "fab" in patches.icon_paths(script, "github")


def test_the_themes_tab_stops_are_checked_on_resize(tmp_path, monkeypatch):
    """The installed theme's script has the function rewritten (same selectors, same rule); any other warns."""
    import pydata_sphinx_theme

    shipped = Path(pydata_sphinx_theme.__file__).parent / "theme/pydata_sphinx_theme/static/scripts"
    script = tmp_path / "pydata-sphinx-theme.js"
    script.write_text((shipped / script.name).read_text(encoding="utf-8"), encoding="utf-8")
    selectors = patches.TAB_STOPS.search(script.read_text(encoding="utf-8")).group(3)
    patches.watch_tab_stops(script)
    rewritten = script.read_text(encoding="utf-8")
    assert not patches.TAB_STOPS.search(rewritten), "the page-wide check is gone"
    assert "new ResizeObserver(" in rewritten and f"document.querySelectorAll({selectors}" in rewritten
    other = tmp_path / "other.js"
    other.write_text("function I(){}", encoding="utf-8")
    warnings = []
    monkeypatch.setattr(patches, "LOG", SimpleNamespace(warning=warnings.append))
    patches.watch_tab_stops(other)
    assert other.read_text(encoding="utf-8") == "function I(){}", "a script it does not know is left alone"
    assert warnings and "tab-stop function was not found" in warnings[0], "and the build says so (-W fails it)"
