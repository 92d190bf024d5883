"""Sphinx extension that makes the built book work offline.

At build time it writes the Vega bundle (from the installed ``vl_convert``
package) into a generated static folder, so no page loads anything from
another host and no third-party JavaScript is committed to the repository.
It also tells notebook kernels started by the build to draw charts with the
offline renderer of :mod:`widgets.charts`, and runs the build steps of
:mod:`widgets.lean` that keep pages light (math as MathML, deferred scripts,
a small icon sheet, unused CSS removed).
"""

import os
from pathlib import Path

from . import glossary, lean, pages, reader, takeaway
from .charts import RENDERER_ENV


def _write_static(app):
    """Generate the offline assets beside the HTML output and add them to the static path."""
    folder = Path(app.outdir).parent / "_offline_static"
    folder.mkdir(parents=True, exist_ok=True)
    lean.write_loader(folder)  # the explorer loader and the Vega runtime (vega-bundle.js) it fetches
    glossary.write_script(folder)  # opens a term's definition in place
    app.config.html_static_path.append(str(folder))
    app.add_js_file(lean.EXPLORERS_JS, defer="defer")  # every page: it builds explorers or prefetches their runtime


def _on_builder_inited(app):
    os.environ[RENDERER_ENV] = "book"  # inherited by the kernels that execute the notebooks (widgets.charts.use)
    if app.builder.format == "html":
        _write_static(app)


def _drop_repeated_scripts(app, pagename, templatename, context, doctree):
    """Keep the first of scripts with the same file and attributes, whatever their priority.

    Under Jupyter Book, sphinx-thebe and sphinx-togglebutton register their inline
    configuration twice; the second ``const THEBE_JS_URL`` is a console error.
    """
    scripts = context.get("script_files")
    if scripts:
        seen = {}
        for script in scripts:
            key = (
                str(getattr(script, "filename", script) or ""),
                repr(sorted(getattr(script, "attributes", {}).items())),
            )
            seen.setdefault(key, script)
        scripts[:] = seen.values()


def _bibliography_roles(app, pagename, templatename, context, doctree):
    """docutils marks citations up as role="doc-biblioentry" (deprecated in DPUB-ARIA 1.1) inside
    role="list", which then has no list items: axe's critical 'aria-required-children'."""
    body = context.get("body", "")
    if 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app):
    app.connect("builder-inited", _on_builder_inited)
    lean.add_math_renderer(app)
    app.connect("html-page-context", lean.trim_assets)
    app.connect("html-page-context", takeaway.footer_links)
    app.connect("html-page-context", lean.rubric_toc, priority=100)  # before the theme decides on its sidebar
    app.connect("build-finished", lean.finish)
    app.connect("html-page-context", _bibliography_roles)
    app.connect("html-page-context", _drop_repeated_scripts, priority=900)  # after every other handler
    glossary.setup(app)  # the glossary A to Z; term links open their definition in place
    pages.setup(app)  # valid markup, accessible names, descriptions, a real index.html
    reader.setup(app)  # a chapter's first screen on a phone: its place in the book, goals folded
    return {"parallel_read_safe": True, "parallel_write_safe": True}
