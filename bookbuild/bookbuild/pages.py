"""What every built page carries beyond its content: valid markup, accessible names, a description.

Sphinx's theme and extensions write some markup the Nu Html Checker, pa11y or axe reject. Each is
fixed here, at build time, without touching installed packages or copying their files:

- sphinx-exercise gives every exercise and solution body the same id (``exercise-content``,
  ``solution-content``): the ids are made unique from the exercise's own id (doctree transform).
- myst-nb's "Show code cell source" toggle puts ``<p>`` in ``<summary>`` (invalid) and names it
  "Toggle hidden content" while it shows other words: its HTML visitor is replaced by one writing
  ``<span>`` and no ``aria-label``, so the name is the visible text.
- docutils writes the footnote list as a nested ``<aside>`` (a complementary landmark inside
  ``<main>``): its HTML visitor writes a plain container, each footnote keeps ``role="doc-footnote"``.
- docutils marks citations ``role="doc-biblioentry"`` inside ``role="list"``: its visitor writes
  list items.
- The theme's chrome: the colour-mode and search buttons are named by their visible text
  (``_templates/theme-switcher.html``, ``_templates/search-button-field.html``); the search form's
  submit button and the sidebar's landmark are patches (:mod:`bookbuild.patches`, where each says
  why no template can make it).
- The general index has an empty ``<h1>`` (its print title): it gets the page's title.
- The footer's link to the downloads page is made relative to each page (it works from ``file://``).
- Every page gets a ``<meta name="description">`` from its first paragraph (:func:`description`),
  and ``index.html`` is a real page (doctype, title, language) that sends the reader to the first page.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from docutils import nodes
from myst_nb.sphinx_ import HideCodeCellNode

__all__ = ["DESCRIPTION_CHARS", "DOWNLOADS_PAGE", "description", "footer_links", "setup"]

DESCRIPTION_CHARS = 155  # what search engines show; Lighthouse only asks that one be there
SHARED_IDS = ("exercise-content", "solution-content")
SPHINX_TITLES = {"genindex": "Index", "search": "Search"}
DOWNLOADS_PAGE = "reference/downloads"  # the page that links the PDF and zips (bookbuild.takeaway makes them)

# --------------------------------------------------------------------------- doctree and body


def _unique_exercise_ids(app, doctree, docname):
    """sphinx-exercise's body sections all have one id; name each after its exercise or solution."""
    for section in doctree.findall(nodes.section):
        shared = [i for i in section["ids"] if i in SHARED_IDS]
        if not shared:
            continue
        owner = section.parent.get("ids") if section.parent is not None else None
        section["ids"] = [i for i in section["ids"] if i not in SHARED_IDS]
        if owner:
            section["ids"].append(f"{owner[0]}-content")


def _visit_hide_cell(self, node):
    """myst-nb's hidden-input toggle, as valid HTML whose accessible name is its visible text."""
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<span class="collapsed admonition-title">{html.escape(node["prompt_show"])}</span>\n')
    self.body.append(f'<span class="expanded admonition-title">{html.escape(node["prompt_hide"])}</span>\n')
    self.body.append("</summary>\n")


def _depart_hide_cell(self, node):
    self.body.append("</details>\n")


def _visit_footnote(self, node):
    """docutils' footnote, in a list that is a plain container (``role="none"``), not a complementary
    landmark nested in ``<main>``; each footnote keeps ``role="doc-footnote"``. As docutils 0.21 writes
    it otherwise (its ``depart_footnote`` closes both)."""
    label_style = self.settings.footnote_references
    if not isinstance(node.previous_sibling(), type(node)):
        self.body.append(f'<aside role="none" class="footnote-list {label_style}">\n')
    self.body.append(self.starttag(node, "aside", classes=[node.tagname, label_style], role="doc-footnote"))


def _visit_citation(self, node):
    """docutils' citation, as an item (``role="listitem"``) of its ``role="list"``: docutils marks it
    ``role="doc-biblioentry"`` (deprecated in DPUB-ARIA 1.1), which leaves the list with no items (axe's
    critical 'aria-required-children'). As docutils 0.21 writes it otherwise."""
    if not isinstance(node.previous_sibling(), type(node)):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def _page_title(pagename: str, context) -> str:
    """The page's title as plain text; Sphinx's own pages (index, search) set theirs in the template."""
    return html.unescape(re.sub(r"<[^>]+>", "", context.get("title") or "")) or SPHINX_TITLES.get(pagename, "")


def _print_title(app, pagename, templatename, context, doctree):
    """Pages without a document title (the general index) print their page title, not an empty <h1>."""
    if not context.get("pagetitle"):
        context["pagetitle"] = _page_title(pagename, context) or _book_title(app)


def _book_title(app) -> str:
    return app.config.html_title or app.config.project


def footer_links(app, pagename, templatename, context, doctree):
    """Make the footer's link to the downloads page (written from the book's root in
    ``_config.yml``'s ``extra_footer``) relative to each page, so it works from ``file://`` too."""
    footer = context.get("theme_extra_footer")
    target = f'href="{DOWNLOADS_PAGE}.html"'
    if footer and target in footer:
        context["theme_extra_footer"] = footer.replace(target, f'href="{context["pathto"](DOWNLOADS_PAGE)}"')


# --------------------------------------------------------------------------- description


def description(doctree, limit: int = DESCRIPTION_CHARS) -> str:
    """What a search result should say about the page, cut at a word near ``limit`` characters.

    A chapter's learning goals when it has them (what the reader will be able to do), else its first
    paragraph of running text (not in an admonition, exercise or table). Footnote numbers are left out.
    """
    for admonition in doctree.findall(nodes.admonition):
        title = next(iter(admonition.findall(nodes.title)), None)
        if title is not None and title.astext().strip().lower().startswith("learning goals"):
            items = [_plain(p) for p in admonition.findall(nodes.paragraph)]
            return _shorten(" ".join(" ".join(items).split()), limit)
    for paragraph in doctree.findall(nodes.paragraph):
        if any(isinstance(a, nodes.Admonition | nodes.table | nodes.footnote) for a in _ancestors(paragraph)):
            continue
        if any("exercise" in c or "solution" in c for a in _ancestors(paragraph) for c in a.get("classes", [])):
            continue
        text = " ".join(_plain(paragraph).split())
        if len(text) >= 40:
            return _shorten(text, limit)
    return ""


def _plain(node) -> str:
    """A node's text without footnote and citation numbers."""
    node = node.deepcopy()
    for ref in list(node.findall(nodes.footnote_reference)) + list(node.findall(nodes.citation_reference)):
        ref.parent.remove(ref)
    return node.astext()


def _ancestors(node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def _meta_description(app, pagename, templatename, context, doctree):
    """<meta name="description"> from the page's first paragraph; pages without one get the book's title."""
    text = description(doctree) if doctree is not None else ""
    text = text or ": ".join(filter(None, [_page_title(pagename, context), _book_title(app)]))
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="description" content="{html.escape(text)}" />'


# --------------------------------------------------------------------------- written pages


INDEX = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>{title}</title>
<meta name="description" content="{title}: the book opens at its first page." />
<link rel="icon" href="_static/{favicon}" />
<link rel="canonical" href="{first}" />
<meta http-equiv="refresh" content="0; url={first}" />
</head>
<body>
<main>
<h1>{title}</h1>
<p><a href="{first}">Open the book at its first page</a>.</p>
</main>
</body>
</html>
"""


def _write_index(app, exception):
    """index.html as a real page (doctype, title, language) that sends readers to the book's first page.

    Runs before sphinx-external-toc's handler, which writes a bare redirect only where none exists.
    """
    if exception is not None or app.builder.format != "html" or app.config.root_doc == "index":
        return
    favicon = Path(app.config.html_favicon or "").name
    page = INDEX.format(
        lang=app.config.language or "en",
        title=html.escape(_book_title(app)),
        favicon=favicon,
        first=f"{app.config.root_doc}.html",
    )
    (Path(app.outdir) / "index.html").write_text(page, encoding="utf-8")


def setup(app):
    app.add_node(HideCodeCellNode, override=True, html=(_visit_hide_cell, _depart_hide_cell))
    app.add_node(nodes.footnote, override=True, html=(_visit_footnote, None))  # docutils' depart closes both
    app.add_node(nodes.citation, override=True, html=(_visit_citation, None))
    app.connect("doctree-resolved", _unique_exercise_ids)
    app.connect("html-page-context", _meta_description)
    app.connect("html-page-context", footer_links)
    app.connect("html-page-context", _print_title, priority=800)  # after sphinx-book-theme sets pagetitle
    app.connect("build-finished", _write_index, priority=400)  # before sphinx-external-toc's redirect
