"""The glossary for readers (a Sphinx extension step, set up by :mod:`bookbuild`).

- The glossary page lists every term from A to Z under one section per letter, with a row of
  letters at the top that jump to them and a link back to the letters after each section. The
  entries stay in ``glossary/*.md``, written by part; they are sorted when the page is read.
- A term link in a chapter (``{term}``) opens its definition in place: the definition is written
  into the page at build time, after the link, as a popover (the HTML ``popover`` attribute: it
  closes with Escape or a tap elsewhere) with a link to the full entry. A small script
  (``static/glossary-terms.js``) opens it on a tap, click or Enter; without the script the link
  still leads to the glossary.
"""

import html
import re

from docutils import nodes
from sphinx import addnodes

__all__ = ["POPOVER_CLASS", "TERMS_JS", "TERM_CLASS", "setup"]

GLOSSARY_DOC = "glossary"
LETTERS_ID = "glossary-letters"
TERMS_JS = "glossary-terms.js"  # static/glossary-terms.js: opens a definition on a tap, click or Enter
TERM_CLASS = "glossary-term"
POPOVER_CLASS = "glossary-pop"


def _letter(term: str) -> str:
    first = term.strip()[:1].upper()
    return first if first.isalpha() else "0-9"


def alphabetical(app, doctree) -> None:
    """On the glossary page, every entry of every glossary block regrouped A to Z, one section a letter."""
    if app.env.docname != GLOSSARY_DOC:
        return
    blocks = list(doctree.findall(addnodes.glossary))
    if not blocks:
        return
    entries = [item for block in blocks for item in block.findall(nodes.definition_list_item)]
    entries.sort(key=lambda item: item.next_node(nodes.term).astext().casefold())
    page = blocks[0].parent
    while not isinstance(page, nodes.section):
        page = page.parent
    for block in blocks:
        block.parent.remove(block)
    groups: dict[str, list] = {}
    for item in entries:
        groups.setdefault(_letter(item.next_node(nodes.term).astext()), []).append(item)
    jump = nodes.paragraph(ids=[LETTERS_ID], classes=["glossary-letters"])
    for n, letter in enumerate(groups):
        if n:
            jump += nodes.Text(" ")
        jump += nodes.reference("", letter, refid=_section_id(letter), internal=True)
    page += jump
    for letter, items in groups.items():
        section = nodes.section(ids=[_section_id(letter)], names=[_section_id(letter)])
        section += nodes.title("", letter)
        block = addnodes.glossary()
        block += nodes.definition_list("", *items, classes=["glossary"])
        section += block
        back = nodes.reference("", "Back to the letters", refid=LETTERS_ID, internal=True)
        section += nodes.paragraph("", "", back, classes=["glossary-back"])
        page += section


def _section_id(letter: str) -> str:
    return "glossary-" + letter.lower()


def definitions(env) -> dict[str, tuple[str, str]]:
    """Each glossary term's anchor (``term-...``) -> (term, definition as plain text, citations left out)."""
    found = {}
    for item in env.get_doctree(GLOSSARY_DOC).findall(nodes.definition_list_item):
        definition = item.next_node(nodes.definition).deepcopy()
        for xref in list(definition.findall(addnodes.pending_xref)):
            if xref.get("refdomain") == "cite" or xref.get("reftype", "").startswith("cite"):
                xref.parent.remove(xref)
        text = re.sub(r"\s+", " ", definition.astext()).strip()
        text = re.sub(r"\s+([.,;:)])", r"\1", text.replace("()", ""))
        for term in item.findall(nodes.term):
            for anchor in term["ids"]:
                found[anchor] = (term.astext(), text)
    return found


def term_popovers(app, doctree, docname) -> None:
    """After each term link of a page (not the glossary's own), its definition as a closed popover."""
    if app.builder.format != "html" or docname == GLOSSARY_DOC:
        return
    links = [
        ref
        for ref in doctree.findall(nodes.reference)
        if ref.children and "std-term" in getattr(ref.children[0], "get", lambda *_: [])("classes", [])
    ]
    if not links:
        return
    known = definitions(app.env)
    for n, link in enumerate(links, start=1):
        uri = link.get("refuri", "")
        anchor = uri.partition("#")[2]
        if anchor not in known:
            continue
        term, text = known[anchor]
        link["classes"].append(TERM_CLASS)
        popover = (
            f'<span class="{POPOVER_CLASS}" id="def-{n}-{anchor}" popover="auto">'
            f"<strong>{html.escape(term)}</strong>: {html.escape(text)} "
            f'<a class="reference internal" href="{html.escape(uri)}">Full entry in the glossary</a></span>'
        )
        link.parent.insert(link.parent.index(link) + 1, nodes.raw("", popover, format="html"))


def add_script(app, pagename, templatename, context, doctree) -> None:
    """The term script, on pages that have term popovers only."""
    if POPOVER_CLASS in context.get("body", ""):
        app.add_js_file(TERMS_JS, defer="defer")


def setup(app) -> None:
    app.connect("doctree-read", alphabetical, priority=400)  # before the page's contents are collected
    app.connect("doctree-resolved", term_popovers)
    app.connect("html-page-context", add_script)
