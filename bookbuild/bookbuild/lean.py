"""Light pages for phones and weak connections: build steps the Sphinx extension (:mod:`bookbuild`) runs.

- Math is written as MathML at build time (``latex2mathml``), so no page loads MathJax.
- Scripts a page loads are deferred (the page context's script files); ipywidgets state (no widget
  manager reads it in the HTML book) and the disabled Thebe are dropped. The theme's search scripts
  only load on the search page (``_templates/layout.html``).
- The theme's icon script (``fontawesome.js``, 1.5 MB for 14 icons) is replaced by a small style
  sheet of CSS masks for the icons the pages use (``_templates/static/webpack-macros.html`` loads
  it), drawn from that script's own path data (:func:`bookbuild.patches.icon_paths`).
- Rules of the shipped style sheets whose selectors name a class that no page and no script uses
  are removed (the theme's CSS carries all of Bootstrap): a generic trim of what no page can match,
  written for no particular version of the theme.
- Explorers get a small loader (``static/explorers.js``): it fetches the Vega bundle after the page
  has loaded and builds each explorer when it nears the screen; each explorer's spec moves out of
  its page into a script of its own, compiled to Vega.

Everything is generated from installed packages in the build output; nothing third-party is committed.
"""

import html
import json
import os
import re
from pathlib import Path

import tinycss2
from docutils import nodes
from latex2mathml.converter import convert
from sphinx.util import logging

from widgets import chartdata

from . import patches

__all__ = [
    "EXPLORERS_JS",
    "EXPLORER_DIR",
    "SPECS_GLOBAL",
    "SPEC_ISLAND",
    "SPEC_PREFIX",
    "add_math_renderer",
    "externalize",
    "finish",
    "icon_css",
    "purge_styles",
    "read_spec",
    "rubric_toc",
    "trim_assets",
    "write_vega",
]

LOG = logging.getLogger(__name__)
ICONS_CSS = "book-icons.css"
BOOK_SHEETS = ("book.css", "reader.css", ICONS_CSS)  # the book's own style sheets: never purged
EXPLORERS_JS = "explorers.js"
EXPLORER_CLASS = "vega-explorer"
DROPPED_FILES = ("sphinx-thebe.js", "sphinx-thebe.css")

SPECS_GLOBAL = (
    "bookExplorerSpecs"  # each spec file sets window.bookExplorerSpecs[<explorer id>] (read by static/explorers.js)
)
SPEC_PREFIX = f'(window.{SPECS_GLOBAL} = window.{SPECS_GLOBAL} || {{}})["%s"] = '

EXPLORER_DIR = chartdata.GRID_DIR
GRID_LINK = re.compile(rf'href="({EXPLORER_DIR}/vg-[0-9a-f]+\.csv)"')  # an explorer's grid (chartdata.py)
SPEC_ISLAND = re.compile(
    r'(<div class="vega-chart vega-explorer" id="(vg-[0-9a-f]+)")([^>]*>.*?</div>)\s*'
    r'<script type="application/json" id="\2-spec">(.*?)</script>',
    re.S,
)


# --------------------------------------------------------------------------- math


def _mathml(latex: str, display: str) -> str:
    return convert(latex.strip(), display=display)


def visit_math(self, node):
    """Inline math as MathML (browsers render MathML Core; no script)."""
    self.body.append(self.starttag(node, "span", "", CLASS="math"))
    self.body.append(_mathml(node.astext(), "inline") + "</span>")
    raise nodes.SkipNode


def visit_displaymath(self, node):
    """Display math as MathML in its own box (it scrolls sideways on a narrow screen)."""
    from sphinx.util.math import get_node_equation_number

    self.body.append(self.starttag(node, "div", CLASS="math math-display", tabindex="0"))
    if node.get("number"):
        self.body.append(f'<span class="eqno">({get_node_equation_number(self, node)})')
        self.add_permalink_ref(node, "Link to this equation")
        self.body.append("</span>")
    parts = [p for p in node.astext().split("\n\n") if p.strip()]
    for part in parts:
        # latex2mathml lays out rows with & alignment in split (it has no aligned environment)
        part = part.replace(r"\begin{aligned}", r"\begin{split}").replace(r"\end{aligned}", r"\end{split}")
        if r"\\" in part and r"\begin" not in part:
            part = r"\begin{split}" + part + r"\end{split}"
        self.body.append(_mathml(part, "block"))
    self.body.append("</div>\n")
    raise nodes.SkipNode


def add_math_renderer(app):
    app.add_html_math_renderer("mathml", (visit_math, None), (visit_displaymath, None))


# --------------------------------------------------------------------------- per page


def _runs_at_once(name: str, pagename: str) -> bool:
    """Scripts left undeferred: documentation_options.js (inline scripts of the theme use its global at
    once) and, on the search page, doctools.js, whose ``_ready`` the page's undeferred searchtools.js calls."""
    return "documentation_options" in name or (pagename == "search" and "doctools" in name)


def trim_assets(app, pagename, templatename, context, doctree):
    """Defer every script file and drop the ones no page of the HTML book uses."""
    scripts = context.get("script_files")
    if scripts is None:
        return
    kept = []
    for script in scripts:
        name = str(script.filename or "")
        attributes = getattr(script, "attributes", {})
        if attributes.get("type") == "application/vnd.jupyter.widget-state+json":
            continue  # saved ipywidgets state; no widget manager reads it in the HTML book
        if name.rsplit("/", 1)[-1] in DROPPED_FILES or "THEBE_JS_URL" in attributes.get("body", ""):
            continue  # Thebe is off (_config.yml): neither its script nor its configuration is needed
        if name and "async" not in attributes and "defer" not in attributes and not _runs_at_once(name, pagename):
            # a deferred copy: the theme's script objects are shared by every page (the search page differs)
            script = type(script)(script.filename, priority=script.priority, **attributes, defer="defer")
        kept.append(script)
    scripts[:] = kept
    css = context.get("css_files")
    if css is not None:
        css[:] = [c for c in css if str(c.filename or "").rsplit("/", 1)[-1] not in DROPPED_FILES]


def rubric_toc(app, pagename, templatename, context, doctree):
    """Page contents for a page whose sections are headings printed by a cell (the model reference page).

    myst-nb renders headings in cell outputs as rubrics (level 2: ``<h2 class="rubric">``), which are not
    sections, so the theme found no page contents and dropped its sidebar from a 35,000 px page. The
    page's rubrics, read from its doctree, become the contents.
    """
    heads = [r for r in doctree.findall(nodes.rubric) if r.get("level") == 2 and r["ids"]] if doctree else []
    if len(heads) < 2 or context.get("toc", "").count("<li") > 1:
        return
    items = "".join(
        f'<li><a class="reference internal" href="#{r["ids"][0]}">{html.escape(r.astext().strip(), quote=False)}</a></li>'
        for r in heads
    )
    context["toc"] = (
        f'<ul><li><a class="reference internal" href="#">{context.get("title", "")}</a><ul>{items}</ul></li></ul>'
    )


def write_vega(folder: Path) -> None:
    """The Vega bundle the explorer loader (``static/explorers.js``) fetches, into the generated static folder.

    The bundle is vl-convert's (Vega, Vega-Lite and vega-embed; its ``vega`` global is null, so the
    Vega runtime cannot be bundled alone); specs are compiled to Vega at build time all the same, so
    the browser does not compile them.
    """
    import vl_convert

    # Wrapped in a function so the bundle's top-level names (``_``) cannot clash with Sphinx's own scripts.
    bundle = "(function(){\n" + vl_convert.javascript_bundle() + "\n})();\n"
    (folder / "vega-bundle.js").write_text(bundle, encoding="utf-8")


def read_spec(path: Path) -> dict:
    """The compiled Vega spec in an explorer's script (written by :func:`externalize`)."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text.partition("] = ")[2].strip().rstrip(";"))


def externalize(text: str, page: Path, outdir: Path) -> str:
    """Move each explorer's spec out of the page into its own script, compiled to Vega (vl-convert), and
    write its grid beside it as the CSV its data view links to.

    The page's HTML then holds only text and drawings, so it arrives (and paints) quickly; the
    loader adds an explorer's script when the explorer nears the screen.
    """
    import vl_convert

    keys: dict[str, int] = {}

    def move(m):
        chart_id, spec = m.group(2), json.loads(m.group(4))
        target = outdir / EXPLORER_DIR / f"{chart_id}.js"
        target.parent.mkdir(parents=True, exist_ok=True)
        compiled = json.dumps(vl_convert.vegalite_to_vega(spec), separators=(",", ":"))
        target.write_text(f"{SPEC_PREFIX % chart_id}{compiled};\n", encoding="utf-8")
        target.with_suffix(".csv").write_text(chartdata.grid_csv(spec), encoding="utf-8")  # its data download
        href = Path(os.path.relpath(target, page.parent)).as_posix()
        # the explorer's name in the page's address: its model, numbered when a page has two of one model
        key = ((spec.get("usermeta") or {}).get("explorer") or {}).get("key", "explorer")
        keys[key] = keys.get(key, 0) + 1
        key = key if keys[key] == 1 else f"{key}-{keys[key]}"
        return f'{m.group(1)} data-spec="{href}" data-key="{key}"{m.group(3)}'

    text = SPEC_ISLAND.sub(move, text)
    # the grid's link, written from the book's root, made relative to the page (so it works from file://)
    return GRID_LINK.sub(lambda m: f'href="{Path(os.path.relpath(outdir / m.group(1), page.parent)).as_posix()}"', text)


# --------------------------------------------------------------------------- after the build

ICON_NAME = re.compile(r"\bfa-([a-z0-9-]+)")
ICON_STYLES = ("solid", "regular", "brands", "lg", "fw", "xl", "2x", "sm", "xs")


def finish(app, exception):
    """Move explorers' specs out of the written pages, draw the icons they use, trim the style sheets (HTML builds only)."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    pages = [p for p in outdir.rglob("*.html") if "_static" not in p.parts]
    icons = set()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        icons |= {m for m in ICON_NAME.findall(text) if m not in ICON_STYLES}
        new = externalize(text, page, outdir)
        if new != text:
            page.write_text(new, encoding="utf-8")
    static = outdir / "_static"
    fontawesome = static / "scripts" / "fontawesome.js"
    if fontawesome.exists():
        (static / ICONS_CSS).write_text(icon_css(fontawesome.read_text(encoding="utf-8"), sorted(icons)))
    purge_styles(static, pages)


# --------------------------------------------------------------------------- icons


def icon_css(script: str, names: list[str]) -> str:
    """A style sheet drawing each used icon as a CSS mask in the current text colour, from Font Awesome's
    path data in the theme's ``fontawesome.js`` (read by :func:`bookbuild.patches.icon_paths`)."""
    rules = [
        "/* Icons the pages use, drawn from Font Awesome's path data at build time (bookbuild/lean.py). */",
        ".fa-solid, .fa-regular, .fa-brands, .fas, .far, .fab { display: inline-block; width: 1.15em; height: 1em;"
        " vertical-align: -0.125em; background-color: currentColor; -webkit-mask: var(--icon) center / contain"
        " no-repeat; mask: var(--icon) center / contain no-repeat; }",
        ".fa-lg { font-size: 1.25em; }",
        ":is(.fa-solid, .fa-regular, .fa-brands, .fas, .far, .fab)::before { content: none !important; }",
    ]
    for name in names:
        paths = patches.icon_paths(script, name)
        for style, prefix in (("fas", "fa-solid"), ("far", "fa-regular"), ("fab", "fa-brands")):
            if style not in paths:
                continue
            width, height, path = paths[style]
            svg = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'><path d='{path}'/></svg>"
            url = 'url("data:image/svg+xml,' + svg.replace("#", "%23").replace('"', "'") + '")'
            rules.append(f":is(.{prefix}, .{style}).fa-{name} {{ --icon: {url}; }}")  # new and old class names
    return "\n".join(rules) + "\n"


# --------------------------------------------------------------------------- unused CSS

CLASS_ATTR = re.compile(r'class="([^"]*)"')
WORD = re.compile(r"[A-Za-z_][\w-]*")
SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
PARENS = re.compile(r"\([^()]*\)")


def used_names(pages: list[Path], static: Path) -> set[str]:
    """Class names in the pages plus every word in the shipped scripts (classes scripts add at run time)."""
    names = set()
    for page in pages:
        for value in CLASS_ATTR.findall(page.read_text(encoding="utf-8")):
            names.update(html.unescape(value).split())
    for script in static.rglob("*.js"):
        if "mathjax" in script.parts or script.name == "fontawesome.js":
            continue
        names.update(WORD.findall(script.read_text(encoding="utf-8", errors="ignore")))
    return names


def _live(selector: str, names: set[str]) -> bool:
    """False when the selector needs a class nothing uses (classes inside :not(...) and the like don't count)."""
    outer = selector
    while PARENS.search(outer):
        outer = PARENS.sub("", outer)
    return all(c in names for c in SELECTOR_CLASS.findall(outer))


def _purge(rules, names: set[str]) -> tuple[str, int]:
    out, dropped = [], 0
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s.strip() for s in _split_selectors(tinycss2.serialize(rule.prelude))]
            live = [s for s in selectors if _live(s, names)]
            dropped += len(selectors) - len(live)
            if live:
                out.append(",".join(live) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports", "layer") and rule.content:
            inner, n = _purge(tinycss2.parse_rule_list(rule.content), names)
            dropped += n
            if inner.strip():
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif (
            rule.type == "at-rule"
            and rule.lower_at_keyword == "font-face"
            and "Font Awesome" in tinycss2.serialize(rule.content or [])
        ):
            dropped += 1  # icons are CSS masks (book-icons.css): the icon fonts are never needed
        elif rule.type in ("at-rule", "qualified-rule"):
            out.append(tinycss2.serialize([rule]))
    return "".join(out), dropped


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return parts


def purge_styles(static: Path, pages: list[Path]) -> None:
    """Remove rules no page can match from every shipped style sheet except the book's own."""
    names = used_names(pages, static)
    for sheet in static.rglob("*.css"):
        if sheet.name in BOOK_SHEETS or "mathjax" in sheet.parts:
            continue
        text = sheet.read_text(encoding="utf-8")
        rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
        purged, dropped = _purge(rules, names)
        if dropped:
            sheet.write_text(purged, encoding="utf-8")
            LOG.info(
                f"{sheet.relative_to(static)}: {len(text) // 1000} kB -> {len(purged) // 1000} kB ({dropped} unused selectors)"
            )
