"""Tests of bookbuild, the Sphinx extension, on the page contexts Sphinx hands it."""

from types import SimpleNamespace

import bookbuild as book
from bookbuild import lean, patches


def test_repeated_scripts_are_dropped_keeping_the_first():
    first = SimpleNamespace(filename="a.js", attributes={"defer": "defer"})
    scripts = [
        first,
        SimpleNamespace(filename="a.js", attributes={"defer": "defer"}),
        SimpleNamespace(filename="b.js", attributes={}),
    ]
    context = {"script_files": scripts}
    book._drop_repeated_scripts(None, "p", "page.html", context, None)
    assert [s.filename for s in context["script_files"]] == ["a.js", "b.js"] and context["script_files"][0] is first


def test_setup_connects_every_handler():
    connected = []
    app = SimpleNamespace(
        connect=lambda event, fn, **kw: connected.append((event, fn)),
        add_node=lambda *a, **k: None,
        add_html_math_renderer=lambda *a: None,
        add_config_value=lambda *a, **k: None,
    )
    meta = book.setup(app)
    assert meta["parallel_read_safe"]
    handlers = {fn for _, fn in connected}
    assert {
        book._on_builder_inited,
        lean.trim_assets,
        lean.finish,
        patches.patch_pages,
        patches.check_versions,
        book._drop_repeated_scripts,
    } <= handlers
