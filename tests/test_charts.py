"""The offline renderer writes stable, self-contained chart HTML."""

import altair as alt
import pandas as pd
import pytest
import vl_convert

from widgets import charts, explorer, figures
from widgets.models import REGISTRY


def test_offline_html_is_stable_and_calls_the_local_bundle():
    spec = figures.h1b_industries().to_dict()
    first, second = charts.offline_html(spec)["text/html"], charts.offline_html(spec)["text/html"]
    assert first == second, "the same chart must render to the same HTML (nbval and caching rely on it)"
    assert "vegaEmbed(" in first and "http" not in first.split("<script>")[0]
    assert "cdn" not in first.lower() and "https://" not in first.replace("https://vega.github.io/schema", "")


def test_offline_html_escapes_script_end_in_data():
    chart = alt.Chart(pd.DataFrame({"label": ["</script><b>x"]})).mark_text().encode(text="label")
    html = charts.offline_html(chart.to_dict())["text/html"]
    assert html.count("</script>") == 1, "a '</script>' inside the data must not close the script tag"


def test_titled_chart_has_title_source_and_description():
    spec = figures.census_indicators().to_dict()
    assert spec["title"]["text"] and spec["title"]["subtitle"][0].startswith("Source:")
    assert spec["description"].startswith(spec["title"]["text"])


def test_book_theme_uses_the_colour_blind_safe_palette():
    assert alt.theme.active == "book"
    assert alt.theme.get()()["config"]["range"]["category"] == charts.PALETTE


FIGURES = [
    figures.propositions,
    figures.h1b_industries,
    figures.transnationalism_coefficients,
    figures.census_indicators,
    figures.cils_indicators,
]


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.__name__)
def test_every_figure_compiles_to_vega(figure):
    vl_convert.vegalite_to_vega(figure().to_dict())  # raises on a spec Vega-Lite cannot compile


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_model_explorer_and_chart_compile_to_vega(name):
    vl_convert.vegalite_to_vega(explorer.explorer(name, n=3).to_dict())
    vl_convert.vegalite_to_vega(explorer.chart(name).to_dict())
