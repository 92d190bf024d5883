"""A chapter's first screen for a reader on a phone: where the chapter sits, then its text.

Two changes to each chapter page's body (``html-page-context``), so the first paragraph shows on a
390 x 844 screen: a line above the title naming the chapter's part and number (from ``_toc.yml``),
and the "Learning goals" box folded into a ``<details>`` that opens on a tap. The title's size on a
phone is set in ``_static/book.css``.
"""

import html
import re
from pathlib import Path

import yaml

__all__ = ["places", "setup"]

GOALS = re.compile(
    r'<div class="(?:tip admonition|admonition tip)">\s*<p class="admonition-title">Learning goals</p>(?P<body>.*?)</div>',
    re.S,
)
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]


def places(toc: dict) -> dict[str, str]:
    """docname -> "Part II: <part caption> · Chapter 20" for every page under ``chapters/``.

    The first and last parts of chapters (the debate and the synthesis) have no part number.

    >>> toc = {"parts": [{"caption": "A", "chapters": [{"file": "chapters/00_a"}]},
    ...                  {"caption": "B", "chapters": [{"file": "chapters/10_b"}]},
    ...                  {"caption": "C", "chapters": [{"file": "chapters/50_c"}]}]}
    >>> places(toc)["chapters/10_b"], places(toc)["chapters/50_c"]
    ('Part I: B · Chapter 10', 'C · Chapter 50')
    """
    parts = [p for p in toc.get("parts", []) if any(c["file"].startswith("chapters/") for c in p.get("chapters", []))]
    found = {}
    for i, part in enumerate(parts):
        numbered = 0 < i < len(parts) - 1
        head = f"Part {ROMAN[i]}: {part['caption']}" if numbered else part["caption"]
        for chapter in part["chapters"]:
            name = chapter["file"].removesuffix(".ipynb").removesuffix(".md")
            number = re.match(r"chapters/(\d+)_", name)
            if number:
                found[name] = f"{head} · Chapter {int(number.group(1))}"
    return found


def _first_screen(app, pagename, templatename, context, doctree):
    place = app.config.book_places.get(pagename)
    body = context.get("body", "")
    if not place or "<h1" not in body:
        return
    kicker = f'<p class="chapter-place">{html.escape(place)}</p>\n'
    body = body.replace("<h1", kicker + "<h1", 1)
    context["body"] = GOALS.sub(
        lambda m: (
            '<details class="admonition tip learning-goals"><summary class="admonition-title">'
            f"Learning goals</summary>{m.group('body')}</details>"
        ),
        body,
        count=1,
    )


def _read_toc(app):
    toc = Path(app.srcdir) / "_toc.yml"
    app.config.book_places = places(yaml.safe_load(toc.read_text())) if toc.exists() else {}


def setup(app):
    app.add_config_value("book_places", {}, "env")
    app.connect("builder-inited", _read_toc)
    app.connect("html-page-context", _first_screen)
