"""The book's build: a Sphinx extension (``_config.yml`` loads ``bookbuild``) that makes the built book work offline.

At build time it writes the Vega bundle (from the installed ``vl_convert``
package) into a generated static folder, so no page loads anything from
another host and no third-party JavaScript is committed to the repository.
It also tells notebook kernels started by the build to draw charts with the
offline renderer of :mod:`widgets.charts`, and runs the build steps of
:mod:`bookbuild.lean` that keep pages light (math as MathML, deferred scripts,
a small icon sheet, unused CSS removed).
"""

import os
from pathlib import Path

from widgets.charts import RENDERER_ENV  # read by widgets.charts.use() in the chapters' import cell

from . import glossary, lean, pages, patches, reader

__all__ = ["glossary", "lean", "pages", "patches", "reader", "setup", "takeaway"]

STATIC = Path(__file__).parent / "static"  # the book's own scripts (linted by eslint: .ci/eslint.config.mjs)


def _write_static(app):
    """Add the book's scripts and the generated Vega runtime (written beside the HTML output) to the static path."""
    folder = Path(app.outdir).parent / "_offline_static"
    folder.mkdir(parents=True, exist_ok=True)
    lean.write_vega(folder)  # the Vega runtime (vega-bundle.js) that static/explorers.js fetches
    app.config.html_static_path += [str(STATIC), str(folder)]  # explorers.js, glossary-terms.js; vega-bundle.js
    app.add_js_file(lean.EXPLORERS_JS, defer="defer")  # every page: it builds explorers or prefetches their runtime


def _on_builder_inited(app):
    os.environ[RENDERER_ENV] = "book"  # inherited by the kernels that execute the notebooks: offline HTML/SVG
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


def setup(app):
    app.connect("builder-inited", _on_builder_inited)
    lean.add_math_renderer(app)
    app.connect("html-page-context", lean.trim_assets)
    app.connect("html-page-context", lean.rubric_toc, priority=100)  # before the theme decides on its sidebar
    app.connect("build-finished", lean.finish)
    app.connect("html-page-context", _drop_repeated_scripts, priority=900)  # after every other handler
    glossary.setup(app)  # the glossary A to Z; term links open their definition in place
    pages.setup(app)  # valid markup, accessible names, descriptions, a real index.html
    reader.setup(app)  # a chapter's first screen on a phone: its place in the book, goals folded
    patches.setup(app)  # what still patches third-party output, each patch with the version it was written for
    return {"parallel_read_safe": True, "parallel_write_safe": True}
