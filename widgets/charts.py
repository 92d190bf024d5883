"""Charts for the book: one Altair theme, colour-blind-safe colours, and an offline renderer.

Importing this module registers and enables the book's theme. Inside a build of
the book (the environment variable ``MIGRATION_BOOK_BUILD`` is set by
:mod:`widgets.book`) it also enables the ``book`` renderer, which draws every
chart as inline SVG at build time; an explorer also carries its spec, which the
build moves to a file that the page's loader turns into a live Vega view
(:mod:`widgets.lean`). Anywhere else (a running kernel) it enables the ``kernel``
renderer of :mod:`widgets.live`: SVG drawn in the kernel, and explorers as live
ipywidgets panels. Neither loads anything from another host. In the grader's sandbox
(``MIGRATION_BOOK_GRADING``, set by :mod:`widgets.grading`) charts are not drawn at all.
"""

import hashlib
import html
import itertools
import json
import os
import textwrap

import altair as alt

from . import chartdata

BUILD_ENV = "MIGRATION_BOOK_BUILD"
GRADING_ENV = "MIGRATION_BOOK_GRADING"  # set by widgets.grading in the sandbox: charts are not drawn

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


def _binds(node) -> bool:
    """True when a spec (or any of its layers / panels) binds a param to an input: an explorer."""
    if isinstance(node, dict):
        return any("bind" in p for p in node.get("params", []) if isinstance(p, dict)) or any(
            _binds(v) for k, v in node.items() if k in ("layer", "hconcat", "vconcat", "concat", "spec")
        )
    if isinstance(node, list):
        return any(_binds(v) for v in node)
    return False


def offline_html(spec: dict, **_) -> dict:
    """Render a chart spec for the built book; the id and text are stable run to run.

    A chart that does not move is drawn here as inline SVG (vl-convert), with its text alternative,
    so it shows with the text, prints, and needs no script. An explorer gets the same drawing of its
    opening state plus its spec; the page's loader (widgets/lean.py) swaps in the live Vega view
    once the page has loaded.
    """
    import vl_convert

    text = json.dumps(spec, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    chart_id = "vg-" + hashlib.sha1(text.encode()).hexdigest()[:12]
    label = html.escape(spec.get("description") or _title_text(spec) or "chart", quote=True)
    svg = vl_convert.vegalite_to_svg(spec)
    if not _binds(spec):
        drawing = f'<div class="vega-chart" id="{chart_id}" role="img" aria-label="{label}">{svg}</div>'
        return {"text/html": drawing + chartdata.beside(spec, chart_id, _title_text(spec))}  # its rows, one click away
    return {
        "text/html": f'<div class="vega-chart vega-explorer" id="{chart_id}" role="figure" aria-label="{label}">{svg}</div>\n'
        f'<script type="application/json" id="{chart_id}-spec">{text}</script>'
    }


def _title_text(spec: dict) -> str:
    title = spec.get("title")
    return title.get("text", "") if isinstance(title, dict) else str(title or "")


def undrawn(spec: dict, **_) -> dict:
    """Render nothing but the chart's text alternative: for the grader's sandbox, which needs a
    notebook's answers, not its drawings (and whose memory limit leaves no room for vl-convert's V8)."""
    return {"text/plain": spec.get("description") or _title_text(spec) or "A chart"}


alt.renderers.register("book", offline_html)
alt.renderers.register("undrawn", undrawn)
# Explorers embed a precomputed grid; the size budget (benchmarks/models.py) guards the bytes, not a row count.
alt.data_transformers.enable("default", max_rows=20_000)
if os.environ.get(BUILD_ENV):
    alt.renderers.enable("book")
elif os.environ.get(GRADING_ENV):
    alt.renderers.enable("undrawn")
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
