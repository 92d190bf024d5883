"""Charts for the book: one Altair theme, colour-blind-safe colours, and an offline renderer.

Importing this module registers and enables the book's theme. Inside a build of
the book (the environment variable ``MIGRATION_BOOK_BUILD`` is set by
:mod:`widgets.book`) it also enables the ``book`` renderer, which writes a
plain ``<div>`` and a call to ``vegaEmbed`` served from the book's own static
files, so charts draw with no network. Anywhere else (a running kernel) it enables the
``kernel`` renderer of :mod:`widgets.live`: SVG drawn in the kernel, and explorers as live
ipywidgets panels, again with no network.
"""

import hashlib
import itertools
import json
import os
import textwrap

import altair as alt

BUILD_ENV = "MIGRATION_BOOK_BUILD"

# Okabe & Ito (2008) palette: distinguishable with the common forms of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2]]  # solid, dashed, dotted, dash-dot: lines differ without colour
WIDTH = 440  # fits the text column of the book theme with axis labels and a legend


@alt.theme.register("book", enable=True)
def _theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "view": {"continuousWidth": WIDTH, "continuousHeight": 300, "stroke": None},
            "range": {"category": PALETTE},
            "font": "sans-serif",
            "title": {"anchor": "start", "fontSize": 15, "subtitleFontSize": 11, "subtitleColor": "#555"},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 320},
            "legend": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "labelLimit": 300,
                "orient": "bottom",
                "direction": "horizontal",
                "columns": 2,
            },
        }
    }


def offline_html(spec: dict, **_) -> dict:
    """Render a chart spec as a div plus a vegaEmbed call; the id and text are stable run to run."""
    text = json.dumps(spec, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    chart_id = "vg-" + hashlib.sha1(text.encode()).hexdigest()[:12]
    # Vega puts slider bindings in a <form> with no submit button (WCAG H32); they go in a <div> instead,
    # created beside the chart (vegaEmbed empties the chart's element) and moved into it once drawn.
    script = (
        f'(function(){{const el=document.getElementById("{chart_id}"),b=document.createElement("div");'
        f'b.className="vega-bindings";b.id="{chart_id}-bind";el.after(b);'
        f'vegaEmbed(el,{text},{{"actions":false,"renderer":"svg","bind":"#{chart_id}-bind"}})'
        ".then(()=>{b.childElementCount?el.append(b):b.remove();}).catch(console.error);})();"
    )
    # tabindex: a chart wider than the column scrolls sideways, and a keyboard user must reach that scroll.
    return {"text/html": f'<div class="vega-chart" id="{chart_id}" tabindex="0"></div>\n<script>{script}</script>'}


alt.renderers.register("book", offline_html)
# Explorers embed a precomputed grid; the size budget (benchmarks/models.py) guards the bytes, not a row count.
alt.data_transformers.enable("default", max_rows=20_000)
if os.environ.get(BUILD_ENV):
    alt.renderers.enable("book")
else:
    from . import live

    alt.renderers.register("kernel", live.render)
    alt.renderers.enable("kernel")


def titled(chart: alt.TopLevelMixin, title: str, source: str, notes=()) -> alt.TopLevelMixin:
    """Give a chart its title, a source line (then any ``notes``, a line each), and a text
    description for screen readers."""
    return chart.properties(
        title=alt.TitleParams(text=title, subtitle=[*textwrap.wrap(source, 95), *notes]),
        description=f"{title}. {source}",
    )


def lines_by(
    data,
    x: alt.X,
    y: alt.Y,
    by: str,
    order: list[str] | None = None,
    colours: list[str] | None = None,
    dashes: list[list[int]] | None = None,
    tooltip: list | None = None,
    point: bool = False,
) -> alt.Chart:
    """Lines of ``y`` against ``x``, one per value of column ``by``, told apart by colour *and* dash
    (readable without colour), with one merged legend in ``order`` (default: order of appearance).

    ``data`` may be None for a chart layered and faceted later (then ``order`` is required).

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"t": [0, 1, 0, 1], "v": [1, 2, 2, 3], "run": ["a", "a", "b", "b"]})
    >>> lines_by(frame, alt.X("t:Q"), alt.Y("v:Q"), "run").to_dict()["encoding"]["strokeDash"]["scale"]
    {'domain': ['a', 'b'], 'range': [[1, 0], [6, 3]]}
    """
    order = list(dict.fromkeys(data[by])) if order is None else list(order)
    colours = colours or list(itertools.islice(itertools.cycle(PALETTE), len(order)))
    dashes = dashes or list(itertools.islice(itertools.cycle(DASHES), len(order)))
    # Explicit domains on both channels, so Vega-Lite draws one merged legend (with `sort` it draws two).
    return (
        (alt.Chart(data) if data is not None else alt.Chart())
        .mark_line(strokeWidth=2.5, point=point)
        .encode(
            x=x,
            y=y,
            color=alt.Color(f"{by}:N", title=None, scale=alt.Scale(domain=order, range=colours)),
            strokeDash=alt.StrokeDash(f"{by}:N", title=None, scale=alt.Scale(domain=order, range=dashes)),
            tooltip=tooltip or [f"{by}:N", x.shorthand, y.shorthand],
        )
    )
