"""Tests of bookbuild.lean, the build steps that keep pages light: explorer specs moved out of the
page, scripts deferred and dropped, icons as CSS masks, unused CSS removed, math as MathML."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from docutils import nodes
from sphinx.builders.html._assets import _JavaScript

from bookbuild import lean
from widgets import charts, explorer


@pytest.fixture(scope="module")
def explorer_html():
    return charts.offline_html(explorer.explorer("village", vary=["outmigration_rate"], n=3).to_dict())["text/html"]


def test_an_explorers_spec_moves_to_a_file_of_compiled_vega(tmp_path, explorer_html):
    page = tmp_path / "chapters" / "page.html"
    page.parent.mkdir()
    moved = lean.externalize(explorer_html, page, tmp_path)
    assert "<script" not in moved and "<svg" in moved, "the page keeps the drawing and loses the spec"
    href = moved.split('data-spec="')[1].split('"')[0]
    assert href.startswith("../_explorers/vg-") and href.endswith(".js"), "a script: it loads from file:// too"
    compiled = lean.read_spec(page.parent / href)
    assert "signals" in compiled and "$schema" in compiled and "vega/v" in compiled["$schema"]


def test_a_static_chart_is_left_as_it_is(tmp_path):
    static = charts.offline_html({"mark": "point", "data": {"values": [{"x": 1}]}})["text/html"]
    assert lean.externalize(static, tmp_path / "p.html", tmp_path) == static
    assert not (tmp_path / lean.EXPLORER_DIR).exists()


def script(name, **attributes):
    """A script or style sheet entry as Sphinx passes it in ``script_files`` (immutable, shared by pages)."""
    return _JavaScript(name, **attributes)


def test_scripts_are_deferred_and_unused_ones_dropped(explorer_html):
    app = SimpleNamespace()  # trim_assets adds no file of its own (the loader is added once, by bookbuild)
    scripts = [
        script("_static/documentation_options.js"),
        script("_static/a.js"),
        script("_static/b.js", **{"async": "async"}),
        script("_static/sphinx-thebe.js"),
        script(None, type="application/vnd.jupyter.widget-state+json", body="{}"),
    ]
    context = {"script_files": scripts, "body": explorer_html, "css_files": [script("_static/sphinx-thebe.css")]}
    lean.trim_assets(app, "p", "page.html", context, None)
    kept = {s.filename: s.attributes for s in context["script_files"]}
    assert list(kept) == ["_static/documentation_options.js", "_static/a.js", "_static/b.js"]
    assert kept["_static/a.js"] == {"defer": "defer"} and "defer" not in kept["_static/documentation_options.js"]
    assert "defer" not in kept["_static/b.js"], "an async script is left async"
    assert context["css_files"] == []


def test_the_search_page_runs_doctools_before_searchtools():
    """searchtools.js, written undeferred into the search page, calls doctools.js's ``_ready`` at once;
    the theme's script objects are shared by every page, so deferring one page's copy must not defer the rest's."""
    doctools = script("_static/doctools.js")
    deferred = {"script_files": [doctools]}
    lean.trim_assets(SimpleNamespace(), "chapters/p", "page.html", deferred, None)
    search = {"script_files": [doctools]}
    lean.trim_assets(SimpleNamespace(), "search", "search.html", search, None)
    assert deferred["script_files"][0].attributes == {"defer": "defer"}
    assert search["script_files"][0].attributes == {} and doctools.attributes == {}


def test_rubric_headings_become_the_page_contents():
    doctree = nodes.section()
    doctree += nodes.rubric("", "", nodes.Text("First "), nodes.emphasis("", "model & co"), ids=["a", "m"], level=2)
    doctree += nodes.rubric("", "Second", ids=["b"], level=2)
    doctree += nodes.rubric("", "A plain rubric", ids=["c"])  # not a printed heading
    context = {"toc": "", "title": "Models"}
    lean.rubric_toc(None, "p", "page.html", context, doctree)
    assert (
        '<a class="reference internal" href="#a">First model &amp; co</a>' in context["toc"] and "#b" in context["toc"]
    )
    assert "#c" not in context["toc"]
    kept = {"toc": "<ul><li>x</li><li>y</li></ul>", "title": "T"}
    lean.rubric_toc(None, "p", "page.html", kept, doctree)
    assert kept["toc"] == "<ul><li>x</li><li>y</li></ul>", "a page with its own contents keeps them"
    lean.rubric_toc(None, "genindex", "genindex.html", context, None)  # Sphinx's own pages have no doctree


FONTAWESOME = 'var a={"rocket":[512,448,[],"f135","M1 2L3 4"],"xmark":[384,512,[],"f00d","M5 6"]};bunker(("fas",a));'


def test_icons_are_css_masks_drawn_from_the_scripts_own_paths():
    css = lean.icon_css(FONTAWESOME, ["rocket", "missing"])
    assert ':is(.fa-solid, .fas).fa-rocket { --icon: url("data:image/svg+xml,<svg' in css
    assert "viewBox='0 0 512 448'><path d='M1 2L3 4'/>" in css and "fa-missing" not in css and "fa-xmark" not in css


def test_rules_whose_classes_nothing_uses_are_removed(tmp_path):
    static = tmp_path / "_static"
    (static / "scripts").mkdir(parents=True)
    (static / "scripts" / "theme.js").write_text('el.classList.add("opened")')
    (static / "theme.css").write_text(
        ".used{color:red}.unused{color:blue}.used,.unused{margin:0}.opened:not(.never){top:0}"
        "@media (min-width:1px){.unused{x:1}.used{y:2}}p{z:3}"
    )
    (static / "book.css").write_text(".unused{kept:1}")
    page = tmp_path / "page.html"
    page.write_text('<p class="used other">x</p>')
    lean.purge_styles(static, [page])
    assert (static / "theme.css").read_text() == (
        ".used{color:red}.used{margin:0}.opened:not(.never){top:0}@media (min-width:1px){.used{y:2}}p{z:3}"
    )
    assert (static / "book.css").read_text() == ".unused{kept:1}", "the book's own style sheet is never trimmed"


def test_math_is_mathml():
    inline = lean._mathml(r"k = \frac{1}{1 - c\ell}", "inline")
    assert inline.startswith("<math") and "<mfrac>" in inline and 'display="inline"' in inline
    assert 'display="block"' in lean._mathml("x", "block")


def test_the_loader_reads_the_specs_global_the_spec_files_set():
    """static/explorers.js finds each explorer's compiled spec under the global its spec file sets (SPEC_PREFIX)."""
    script = (Path(lean.__file__).parent / "static" / lean.EXPLORERS_JS).read_text(encoding="utf-8")
    assert f"window.{lean.SPECS_GLOBAL}[el.id]" in script and lean.SPEC_PREFIX.startswith(
        f"(window.{lean.SPECS_GLOBAL}"
    )
