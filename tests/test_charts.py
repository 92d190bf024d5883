"""The offline renderer writes stable, self-contained chart HTML."""

import altair as alt
import pandas as pd
import pytest
import vl_convert

from widgets import charts, explorer
from widgets.models import REGISTRY


def test_offline_html_is_stable_and_calls_the_local_bundle():
    spec = explorer.chart("village").to_dict()
    first, second = charts.offline_html(spec)["text/html"], charts.offline_html(spec)["text/html"]
    assert first == second, "the same chart must render to the same HTML (nbval and caching rely on it)"
    assert "vegaEmbed(" in first and "http" not in first.split("<script>")[0]
    assert "cdn" not in first.lower() and "https://" not in first.replace("https://vega.github.io/schema", "")


def test_offline_html_escapes_script_end_in_data():
    chart = alt.Chart(pd.DataFrame({"label": ["</script><b>x"]})).mark_text().encode(text="label")
    html = charts.offline_html(chart.to_dict())["text/html"]
    assert html.count("</script>") == 1, "a '</script>' inside the data must not close the script tag"


def test_titled_chart_has_title_source_notes_and_description():
    chart = alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q")
    spec = charts.titled(chart, "A title", "Source: somewhere. " * 12, notes=["A note."]).to_dict()
    assert spec["title"]["text"] == "A title" and spec["title"]["subtitle"][-1] == "A note."
    assert all(len(line) <= 95 for line in spec["title"]["subtitle"][:-1]), "source lines wrap to fit the column"
    assert spec["description"].startswith("A title. Source:")


def test_lines_by_tells_lines_apart_by_colour_and_dash_with_one_legend():
    frame = pd.DataFrame({"t": [0, 1] * 5, "v": range(10), "run": [c for c in "abcde" for _ in (0, 1)]})
    spec = charts.lines_by(frame, alt.X("t:Q"), alt.Y("v:Q"), "run", order=list("edcba")).to_dict()
    color, dash = spec["encoding"]["color"], spec["encoding"]["strokeDash"]
    assert color["scale"]["domain"] == dash["scale"]["domain"] == list("edcba")
    assert len({tuple(d) for d in dash["scale"]["range"][:4]}) == 4, "the first four lines have four dashes"
    assert len(dash["scale"]["range"]) == 5 and len(color["scale"]["range"]) == 5
    vl_convert.vegalite_to_vega(spec)


def test_book_theme_uses_the_colour_blind_safe_palette():
    assert alt.theme.active == "book"
    assert alt.theme.get()()["config"]["range"]["category"] == charts.PALETTE


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_model_explorer_and_chart_compile_to_vega(name):
    vl_convert.vegalite_to_vega(explorer.explorer(name, n=3).to_dict())
    vl_convert.vegalite_to_vega(explorer.chart(name).to_dict())
