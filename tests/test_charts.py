"""The offline renderer writes stable, self-contained chart HTML."""

import json
import os
import re
import subprocess
import sys

import altair as alt
import pandas as pd
import pytest
import vl_convert

from bookbuild import lean
from teachkit import grading
from widgets import charts, explorer
from widgets.models import REGISTRY


def links(html: str) -> set[str]:
    """The addresses a chart's HTML names, other than the SVG namespace and Vega's schema."""
    found = set(re.findall(r"https?://[^\s\"'<>]+", html))
    return {u for u in found if not u.startswith(("http://www.w3.org/", "https://vega.github.io/schema/"))}


def test_a_static_chart_is_inline_svg_with_a_text_alternative_and_no_script():
    chart = alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_bar().encode(x="x:Q")
    spec = charts.titled(chart, "Bars", "Source: here.").to_dict()
    first, second = charts.offline_html(spec)["text/html"], charts.offline_html(spec)["text/html"]
    assert first == second, "the same chart must render to the same HTML (nbval and caching rely on it)"
    assert first.startswith('<div class="vega-chart" id="vg-') and 'role="img"' in first
    assert 'aria-label="Bars. Source: here."' in first and "<svg" in first and "<script" not in first
    assert not links(first) and "cdn" not in first.lower()


def test_an_explorer_carries_its_opening_drawing_and_its_spec():
    spec = explorer.explorer("village", vary=["outmigration_rate"], n=3).to_dict()
    html = charts.offline_html(spec)["text/html"]
    assert html == charts.offline_html(spec)["text/html"]
    island = lean.SPEC_ISLAND.search(html)
    assert island and "<svg" in island.group(3), "the explorer shows its opening state before any script runs"
    laid_out, _ = charts.for_phone(spec)
    assert json.loads(island.group(4)) == json.loads(json.dumps(laid_out)) and not links(html)


def test_offline_html_escapes_script_end_in_data():
    text = "</script><b>x"
    chart = alt.Chart(pd.DataFrame({"label": [text]})).mark_text().encode(text="label")
    assert "</script>" not in charts.offline_html(chart.to_dict())["text/html"]
    slider = alt.param(name="k", value=1, bind=alt.binding_range(min=0, max=2, step=1))
    html = charts.offline_html(chart.add_params(slider).to_dict())["text/html"]
    assert html.count("</script>") == 1, "a '</script>' inside the data must not close the spec's script tag"
    assert json.loads(lean.SPEC_ISLAND.search(html).group(4))["datasets"].popitem()[1] == [{"label": text}]


def test_titled_chart_has_title_source_notes_and_description():
    chart = alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q")
    spec = charts.titled(chart, "A title", "Source: somewhere. " * 12, notes=["A note."]).to_dict()
    assert spec["title"]["text"] == "A title" and spec["title"]["subtitle"][-1] == "A note."
    assert all(len(line) <= 95 for line in spec["title"]["subtitle"][:-1]), "source lines wrap to fit the column"
    assert spec["description"].startswith("A title. Source:")


def test_charts_are_laid_out_for_a_phone_not_shrunk():
    """Small multiples side by side are stacked, long titles wrap, and a wide plot narrows to the phone's column."""
    frame = pd.DataFrame({"x": [1, 2, 3, 4], "y": [1, 2, 3, 4], "panel": list("abab")})
    chart = alt.Chart(frame).mark_line().encode(x="x:Q", y="y:Q").properties(width=400)
    faceted = charts.titled(chart.facet(column="panel:N"), "A title far too long for one line on a phone", "Source.")
    spec, svg = charts.for_phone(faceted.to_dict())
    assert "column" not in spec["facet"] and spec["columns"] == 1, "panels are stacked, not side by side"
    assert all(len(line) <= charts.TITLE_CHARS for line in spec["title"]["text"])
    assert float(charts.SVG_WIDTH.search(svg).group(1)) <= charts.PHONE_WIDTH
    assert charts.for_phone(faceted.to_dict())[1] == svg, "the layout is stable run to run"


@pytest.mark.parametrize("layout", [charts.for_phone, charts.for_laptop])
def test_wrapped_labels_of_a_layered_facet_get_rows_tall_enough(layout):
    """Two-line labels need rows of 32 px; a layered facet's height is set on its inner spec, not its layers
    (the Table 2 coefficients chart printed labels over each other)."""
    names = ["Professional/executive background", "Years of US residence", "Experienced discrimination in US"]
    frame = pd.DataFrame({"predictor": names * 2, "coefficient": [0.1, 0.2, 0.3] * 2, "model": ["a"] * 3 + ["b"] * 3})
    points = alt.Chart().mark_point().encode(x="coefficient:Q", y=alt.Y("predictor:N", sort=names))
    zero = alt.Chart().mark_rule().encode(x=alt.datum(0))
    chart = alt.layer(zero, points, data=frame).properties(height=60, width=120).facet(column="model:N")
    spec, _ = layout(chart.to_dict())
    assert spec["spec"]["height"] >= 32 * len(names), spec["spec"]


def test_lines_by_tells_lines_apart_by_colour_and_dash_with_one_legend():
    frame = pd.DataFrame({"t": [0, 1] * 5, "v": range(10), "run": [c for c in "abcde" for _ in (0, 1)]})
    spec = charts.lines_by(frame, alt.X("t:Q"), alt.Y("v:Q"), "run", order=list("edcba")).to_dict()
    color, dash = spec["encoding"]["color"], spec["encoding"]["strokeDash"]
    assert color["scale"]["domain"] == dash["scale"]["domain"] == list("edcba")
    assert len({tuple(d) for d in dash["scale"]["range"][:4]}) == 4, "the first four lines have four dashes"
    assert len(dash["scale"]["range"]) == 5 and len(color["scale"]["range"]) == 5
    vl_convert.vegalite_to_vega(spec)


@pytest.fixture
def altair_state():
    """Altair's renderer and theme as they were before the test."""
    renderer, theme = alt.renderers.active, alt.theme.active
    yield
    alt.renderers.enable(renderer)
    alt.theme.enable(theme)


@pytest.mark.parametrize("value, renderer", [("book", "book"), ("undrawn", "undrawn"), (None, "kernel")])
def test_use_enables_the_book_theme_and_the_renderer_named(value, renderer, monkeypatch, altair_state):
    if value is None:
        monkeypatch.delenv(charts.RENDERER_ENV, raising=False)
    else:
        monkeypatch.setenv(charts.RENDERER_ENV, value)
    alt.theme.enable("default")
    assert charts.use() is None, "the import cell's last line must print nothing"
    assert alt.renderers.active == renderer
    assert alt.theme.active == "book"
    assert alt.theme.get()()["config"]["range"]["category"] == charts.PALETTE


@pytest.mark.parametrize("value", ["svg", "", "Book"])
def test_use_rejects_a_renderer_it_does_not_know(value, monkeypatch, altair_state):
    monkeypatch.setenv(charts.RENDERER_ENV, value)
    with pytest.raises(ValueError, match=rf"MIGRATION_BOOK_RENDERER='{value}'.*allowed values are book, undrawn"):
        charts.use()


def test_importing_the_package_switches_nothing_global():
    """Every module of widgets imported in a fresh interpreter leaves Altair's renderer, theme and data
    transformer, and the environment, as they were: only charts.use() sets them."""
    code = (
        "import importlib, json, os, pkgutil, altair as alt, widgets\n"
        "state = lambda: [alt.renderers.active, alt.renderers.names(), alt.theme.active, alt.theme.names(),"
        " repr(alt.data_transformers.options), dict(os.environ)]\n"
        "before = state()\n"
        "names = [m.name for m in pkgutil.walk_packages(widgets.__path__, 'widgets.')]\n"
        "for name in names: importlib.import_module(name)\n"
        "print(json.dumps({'modules': len(names), 'changed': [i for i, (a, b) in enumerate(zip(before, state())) if a != b]}))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != charts.RENDERER_ENV}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    found = json.loads(done.stdout)
    names = ["renderer", "renderers", "theme", "themes", "data transformer", "environment"]
    assert found["modules"] > 30 and not found["changed"], [names[i] for i in found["changed"]]


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_model_explorer_and_chart_compile_to_vega(name):
    vl_convert.vegalite_to_vega(explorer.explorer(name, n=3).to_dict())
    vl_convert.vegalite_to_vega(explorer.chart(name).to_dict())


@pytest.mark.sandbox  # starts the grader's bubblewrap sandbox
def test_in_the_graders_sandbox_charts_are_not_drawn():
    chart = charts.titled(alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q"), "T", "S.")
    assert charts.undrawn(chart.to_dict()) == {"text/plain": "T. S."}
    code = "import altair as alt, widgets.charts; widgets.charts.use(); print(alt.renderers.active)"
    env = {**os.environ, charts.RENDERER_ENV: grading.sandbox_env("/book")[charts.RENDERER_ENV]}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "undrawn"
