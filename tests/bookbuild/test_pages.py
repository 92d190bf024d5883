"""Tests of bookbuild.pages, the build-time markup fixes, on doctrees and pages made here."""

from types import SimpleNamespace

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from bookbuild import pages


def _doctree(rst: str):
    document = new_document("test", get_default_settings(Parser))
    Parser().parse(rst, document)
    return document


def test_exercise_bodies_get_ids_of_their_own():
    tree = nodes.document(None, None)
    for owner in ("ex-1", "ex-1-solution"):
        box = nodes.container(ids=[owner])
        box += nodes.section(ids=["exercise-content" if owner == "ex-1" else "solution-content"])
        tree += box
    pages._unique_exercise_ids(None, tree, "doc")
    assert [s["ids"] for s in tree.findall(nodes.section)] == [["ex-1-content"], ["ex-1-solution-content"]]


def test_hidden_input_toggle_is_named_by_its_visible_text():
    writer = SimpleNamespace(body=[])
    node = {"classes": ["above-input"], "prompt_show": "Show code <source>", "prompt_hide": "Hide code"}
    pages._visit_hide_cell(writer, node)
    pages._depart_hide_cell(writer, node)
    html = "".join(writer.body)
    assert "<summary>" in html and "aria-label" not in html and "<p" not in html
    assert '<span class="collapsed admonition-title">Show code &lt;source&gt;</span>' in html
    assert html.endswith("</details>\n")


def _html(rst: str) -> str:
    """The body docutils' HTML5 writer makes of ``rst``, with the book's footnote and citation visitors."""
    from docutils.core import publish_parts
    from docutils.writers import html5_polyglot

    class Translator(html5_polyglot.HTMLTranslator):
        visit_footnote = pages._visit_footnote
        visit_citation = pages._visit_citation

    writer = html5_polyglot.Writer()
    writer.translator_class = Translator
    return publish_parts(rst, writer=writer)["body"]


def test_footnote_list_is_not_a_landmark():
    body = _html("Text [#a]_ and [#b]_.\n\n.. [#a] One.\n.. [#b] Two.\n")
    assert body.count('<aside role="none" class="footnote-list') == 1 and body.count("<aside") == 3
    assert body.count('role="doc-footnote"') == 2 and body.count("</aside>") == 3


def test_bibliography_entries_become_list_items():
    body = _html("See [Ab2000]_ and [Cd2001]_.\n\n.. [Ab2000] One.\n.. [Cd2001] Two.\n")
    assert body.count('<div role="list" class="citation-list">') == 1 and body.count('role="listitem"') == 2
    assert "doc-biblioentry" not in body and body.count("<div") == body.count("</div>")


def test_general_index_prints_a_title():
    app = SimpleNamespace(config=SimpleNamespace(html_title="The book", project="x"))
    context = {"pagetitle": ""}
    pages._print_title(app, "genindex", "genindex.html", context, None)
    assert context["pagetitle"] == "Index"
    context = {"pagetitle": "Kept"}
    pages._print_title(app, "p", "page.html", context, None)
    assert context["pagetitle"] == "Kept"


def test_description_prefers_learning_goals_then_the_first_paragraph():
    goals = _doctree(
        ".. admonition:: Learning goals\n\n   After this chapter you can:\n\n   1. read a table;\n   2. run a model.\n\n"
        "Opening paragraph that is long enough to describe the page.\n"
    )
    assert pages.description(goals) == "After this chapter you can: read a table; run a model."
    plain = _doctree(".. note::\n\n   A note that is long enough but is not the page's text.\n\n" + "word " * 60 + "\n")
    text = pages.description(plain)
    assert text.startswith("word word") and text.endswith("…") and len(text) <= pages.DESCRIPTION_CHARS
    assert pages.description(_doctree("Too short.\n")) == ""


def test_meta_description_is_added_and_escaped():
    app = SimpleNamespace(config=SimpleNamespace(html_title="The book", project="x"))
    context = {"metatags": "", "title": "Search"}
    pages._meta_description(app, "search", "search.html", context, None)
    assert context["metatags"].strip() == '<meta name="description" content="Search: The book" />'
    context = {"metatags": ""}
    pages._meta_description(
        app, "p", "page.html", context, _doctree('A "quoted" paragraph long enough to describe it.\n')
    )
    assert "&quot;quoted&quot;" in context["metatags"]


def _written_book(tmp_path, page: str):
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "one.html").write_text(page)
    (tmp_path / "index.html").write_text("<meta>")
    config = SimpleNamespace(html_title="The book", project="x", language="en", root_doc="intro")
    config.html_favicon = "_static/favicon.svg"
    return SimpleNamespace(outdir=str(tmp_path), builder=SimpleNamespace(format="html"), config=config)


def test_index_is_a_real_page(tmp_path):
    app = _written_book(tmp_path, "")
    pages._write_index(app, None)
    index = (tmp_path / "index.html").read_text()
    assert index.startswith("<!DOCTYPE html>") and '<html lang="en">' in index and "<title>The book</title>" in index
    assert 'url=intro.html"' in index and 'href="_static/favicon.svg"' in index


def test_index_is_left_alone_after_a_failed_build(tmp_path):
    app = _written_book(tmp_path, "<p>x</p>")
    pages._write_index(app, RuntimeError("build failed"))
    assert (tmp_path / "index.html").read_text() == "<meta>"


def test_footer_link():
    context = {"theme_extra_footer": '<a href="reference/downloads.html">Downloads</a>'}
    context["pathto"] = lambda doc: f"../{doc}.html"
    pages.footer_links(None, "chapters/x", "page.html", context, None)
    assert context["theme_extra_footer"] == '<a href="../reference/downloads.html">Downloads</a>'


def test_setup_connects_every_handler():
    connected, added = [], []
    app = SimpleNamespace(
        connect=lambda event, fn, **kw: connected.append(fn), add_node=lambda *a, **k: added.append(a)
    )
    pages.setup(app)
    assert added and {
        pages._unique_exercise_ids,
        pages._meta_description,
        pages._write_index,
        pages.footer_links,
    } <= set(connected)
