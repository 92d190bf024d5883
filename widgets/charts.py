"""Charts for the book: one Altair theme, colour-blind-safe colours, and an offline renderer.

Importing this module changes nothing in Altair. A notebook's import cell calls :func:`use`, which
registers and enables the book's theme and picks a renderer from the environment variable
``MIGRATION_BOOK_RENDERER``, set by whoever starts the kernel: ``book`` (the book's build) draws
every chart as inline SVG at build time, an explorer also carrying its spec, which the page's loader
(``bookbuild/static/explorers.js``) turns into a live Vega view; ``undrawn`` (the grader's sandbox) draws
nothing but each chart's text alternative. Unset (a running kernel), it is the ``kernel`` renderer
of :mod:`widgets.live`: SVG drawn in the kernel, and explorers as live ipywidgets panels. None of
them loads anything from another host.
"""

import copy
import hashlib
import html
import itertools
import json
import os
import re
import textwrap

import altair as alt

from . import chartdata

__all__ = [
    "RENDERER_ENV",
    "PALETTE",
    "PHONE_WIDTH",
    "offline_html",
    "for_phone",
    "undrawn",
    "use",
    "titled",
    "lines_by",
]

RENDERER_ENV = "MIGRATION_BOOK_RENDERER"
RENDERERS = ("book", "undrawn")  # the values RENDERER_ENV may take; unset, a live kernel's renderer

# Okabe & Ito (2008) palette: distinguishable with the common forms of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2]]  # solid, dashed, dotted, dash-dot: lines differ without colour
# Charts are laid out for the narrowest reader: a 360 px phone's text column is 328 px, less the 6 px
# padding of a chart's card in dark mode. Drawn at most this wide, a chart is never scaled down there,
# so text of 11-12 px reads at 11-12 px; wider screens show it a little larger (_static/book.css).
PHONE_WIDTH = 316
# Printed (the PDF, bookbuild/takeaway.py), a chart is laid out for a laptop's text column instead: small
# multiples side by side, as wide as this at most (an A4 column at the PDF's scale holds it).
LAPTOP_WIDTH = 640
WIDTH = 250  # the plot itself, leaving room for the y axis's labels and title
# characters per line of a 14 px title, a 12 px subtitle, a 12 px axis title and an axis label
TITLE_CHARS, SUBTITLE_CHARS, AXIS_CHARS, LABEL_CHARS = 34, 46, 40, 22


def _theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "view": {"continuousWidth": WIDTH, "continuousHeight": 260, "stroke": None},
            "range": {"category": PALETTE},
            "font": "sans-serif",
            "title": {"anchor": "start", "fontSize": 14, "subtitleFontSize": 12, "subtitleColor": "#555"},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 150},
            "header": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": PHONE_WIDTH},
            "text": {"fontSize": 12},
            "legend": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "labelLimit": PHONE_WIDTH - 30,
                # below the plot (a legend on top would shift the plot, which widgets.live's redraws keep in place)
                "orient": "bottom",
                "direction": "vertical",
                "layout": {
                    "bottom": {"direction": "vertical", "anchor": "start"}
                },  # several legends: one above another
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
    opening state plus its spec; the page's loader (bookbuild/static/explorers.js) swaps in the live Vega view
    once the page has loaded. Both are first laid out for a phone (:func:`for_phone`); a static chart
    whose laptop layout differs (:func:`for_laptop`) carries that drawing too, which only print shows.
    """
    given = spec
    spec, svg = for_phone(spec)
    text = json.dumps(spec, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    chart_id = "vg-" + hashlib.sha1(text.encode()).hexdigest()[:12]
    label = html.escape(spec.get("description") or _title_text(spec) or "chart", quote=True)
    width = f' style="--w: {_svg_width(svg):g}px"'  # its drawn width, which wider screens enlarge a little
    made = (spec.get("usermeta") or {}).get("made")
    note = (
        f'\n<details class="how-made"><summary>How this was made</summary><p>{html.escape(made)}</p></details>'
        if made
        else ""
    )
    if not _binds(spec):
        # where the laptop's layout differs (small multiples side by side, a wider plot), the page carries
        # it too, for print only (_static/book.css shows one drawing or the other)
        wide, wide_svg = for_laptop(given)
        printed = (
            "" if wide == spec else f'<div class="vega-print" style="--w: {_svg_width(wide_svg):g}px">{wide_svg}</div>'
        )
        drawing = f'<div class="vega-chart" id="{chart_id}" role="img" aria-label="{label}"{width}>{svg}{printed}</div>'
        return {
            "text/html": drawing + chartdata.beside(spec, chart_id, _title_text(spec)) + note
        }  # its rows, one click away
    return {
        "text/html": f'<div class="vega-chart vega-explorer" id="{chart_id}" role="figure" aria-label="{label}"'
        f"{width}>{svg}</div>\n"
        f'<script type="application/json" id="{chart_id}-spec">{text}</script>'
        + chartdata.beside_explorer(spec, chart_id, _title_text(spec))  # its grid, the table following the sliders
        + note
    }


SVG_WIDTH = re.compile(r'<svg\b[^>]*? width="([\d.]+)"')
MIN_PLOT = 120  # px: a plot is not squeezed narrower than this to fit a phone


def _svg_width(svg: str) -> float:
    return float(SVG_WIDTH.search(svg).group(1))


def for_phone(spec: dict) -> tuple[dict, str]:
    """The spec laid out for a phone's column, and its SVG: at most :data:`PHONE_WIDTH` px wide where it can be.

    Small multiples side by side are stacked (a facet's columns become rows, ``hconcat`` becomes
    ``vconcat``), long titles and source lines wrap, and a plot still too wide is narrowed (each
    panel's ``width``, down to :data:`MIN_PLOT`) until the whole drawing fits.

    >>> spec = {"mark": "point", "width": 600, "data": {"values": [{"x": 1}]}, "encoding": {"x": {"field": "x"}}}
    >>> narrowed, svg = for_phone(spec)
    >>> narrowed["width"] < 600 and _svg_width(svg) <= PHONE_WIDTH
    True
    """
    return _laid_out(spec, PHONE_WIDTH, stack=True)


def for_laptop(spec: dict) -> tuple[dict, str]:
    """The spec laid out for a laptop's column (and for print), and its SVG: as :func:`for_phone`, but
    small multiples stay side by side, narrowed only to fit :data:`LAPTOP_WIDTH` px.

    >>> spec = {"hconcat": [{"mark": "point", "data": {"values": [{"x": 1}]}, "encoding": {"x": {"field": "x"}}}] * 2}
    >>> "hconcat" in for_laptop(spec)[0] and "vconcat" in for_phone(spec)[0]
    True
    """
    return _laid_out(spec, LAPTOP_WIDTH, stack=False)


def _laid_out(spec: dict, width: int, stack: bool) -> tuple[dict, str]:
    import vl_convert

    spec = copy.deepcopy(spec)
    if stack:
        _stack(spec)
    _wrap_titles(spec)
    _wrap_labels(spec, _values(spec))
    svg = vl_convert.vegalite_to_svg(spec)
    for _ in range(4):
        excess = _svg_width(svg) - width
        if excess <= 0 or not _narrow(spec, excess, width):
            break
        svg = vl_convert.vegalite_to_svg(spec)
    return spec, svg


def _stack(node: dict) -> None:
    """Stack, in place, small multiples in one column with their labels on top (a facet by row keeps
    its labels at the side, where they take the plot's width), and side-by-side charts one above another."""
    facet = node.get("facet")
    if isinstance(facet, dict) and len({"row", "column"} & set(facet)) == 1:
        node["facet"] = _on_top(facet.get("column") or facet.get("row"))
        node["columns"] = 1
    encoding = node.get("encoding", {})
    if len({"row", "column"} & set(encoding)) == 1:
        encoding["facet"] = _on_top(encoding.pop("column", None) or encoding.pop("row"))
        node["columns"] = 1
    if "hconcat" in node:
        node["vconcat"] = node.pop("hconcat")
    if "concat" in node:
        node["columns"] = 1
    for child in node.get("vconcat", []) + node.get("concat", []) + node.get("layer", []):
        _stack(child)
    if isinstance(node.get("spec"), dict):
        _stack(node["spec"])


def _on_top(field: dict) -> dict:
    """A facet's field with its panel labels set flat, from the left edge, above each panel."""
    field.setdefault("header", {}).update(labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top")
    return field


def _wrap(lines, chars: int) -> list[str]:
    lines = [lines] if isinstance(lines, str) else list(lines)
    return [part for line in lines for part in (textwrap.wrap(line, chars) or [line])]


def _wrap_titles(node: dict) -> None:
    """Wrap, in place, a chart's title, subtitle and axis titles (and its panels' and layers') to the phone's column."""
    title = node.get("title")
    if isinstance(title, str) and len(title) > TITLE_CHARS:
        node["title"] = _wrap(title, TITLE_CHARS)
    elif isinstance(title, dict):
        if "text" in title:
            title["text"] = _wrap(title["text"], TITLE_CHARS)
        if "subtitle" in title:
            title["subtitle"] = _wrap(title["subtitle"], SUBTITLE_CHARS)
    for channel in ("x", "y"):
        field = node.get("encoding", {}).get(channel)
        if isinstance(field, dict) and isinstance(field.get("title"), str) and len(field["title"]) > AXIS_CHARS:
            field["title"] = _wrap(field["title"], AXIS_CHARS)
    for child in node.get("vconcat", []) + node.get("concat", []) + node.get("layer", []):
        _wrap_titles(child)
    if isinstance(node.get("spec"), dict):
        _wrap_titles(node["spec"])


def _values(spec: dict) -> dict[str, set]:
    """Every column's values in the spec's own tables (inline rows), by column name."""
    tables = [*spec.get("datasets", {}).values()]
    stack = [spec]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            rows = node.get("data", {}).get("values") if isinstance(node.get("data"), dict) else None
            tables.append(rows if isinstance(rows, list) else [])
            stack.extend(v for k, v in node.items() if k in ("layer", "vconcat", "concat", "spec"))
        elif isinstance(node, list):
            stack.extend(node)
    found: dict[str, set] = {}
    for rows in tables:
        for row in rows if isinstance(rows, list) else []:
            for key, value in row.items() if isinstance(row, dict) else []:
                found.setdefault(key, set()).add(value)
    return found


def _lines(values, chars: int) -> dict[str, list[str]]:
    """Each text value longer than ``chars`` -> its lines, wrapped at ``chars``."""
    return {v: textwrap.wrap(v, chars) for v in sorted(v for v in values if isinstance(v, str) and len(v) > chars)}


def _wrap_labels(node: dict, values: dict[str, set], sized: dict | None = None) -> None:
    """Wrap, in place, long category labels of a y axis onto several lines (a label expression looking
    each one up), so they stay whole within the axis's label limit; a row of the band grows to fit them.

    A layer's height is its parent's (``sized``): the rows of a layered chart grow there."""
    sized = node if "height" in node or sized is None else sized
    field = node.get("encoding", {}).get("y")
    if isinstance(field, dict) and field.get("type") in ("nominal", "ordinal") and field.get("axis", {}) is not None:
        lines = _lines(values.get(field.get("field"), ()), LABEL_CHARS)
        axis = field.setdefault("axis", {})
        if lines and "labelExpr" not in axis:
            axis["labelExpr"] = f"({json.dumps(lines, sort_keys=True)}[datum.label] || [datum.label])"
            height, need = sized.get("height"), 14 * max(map(len, lines.values())) + 4
            if isinstance(height, dict) and height.get("step", need) < need:
                sized["height"] = {"step": need}
            elif isinstance(height, (int, float)) and height < need * len(values[field["field"]]):
                sized["height"] = need * len(values[field["field"]])
    facet = node.get("facet") if isinstance(node.get("facet"), dict) else node.get("encoding", {}).get("facet")
    if isinstance(facet, dict) and "field" in facet:
        lines = _lines(values.get(facet["field"], ()), LABEL_CHARS + 8)
        header = facet.setdefault("header", {})
        if lines and "labelExpr" not in header:
            header["labelExpr"] = f"({json.dumps(lines, sort_keys=True)}[datum.label] || [datum.label])"
    for child in node.get("vconcat", []) + node.get("concat", []):
        _wrap_labels(child, values)
    for child in node.get("layer", []):
        _wrap_labels(child, values, sized)
    if isinstance(node.get("spec"), dict):
        _wrap_labels(node["spec"], values)


def _narrow(node: dict, excess: float, target: int) -> bool:
    """Narrow, in place, the plots of a chart ``excess`` px wider than ``target``; False when none could narrow."""
    if "vconcat" in node or "concat" in node:
        return any([_narrow(child, excess, target) for child in node.get("vconcat", []) + node.get("concat", [])])
    if "hconcat" in node:
        return any([_narrow(child, excess / len(node["hconcat"]), target) for child in node["hconcat"]])
    if isinstance(node.get("spec"), dict):  # a facet or repeat: its panel's size
        return _narrow(node["spec"], excess, target)
    width = node.get("width", WIDTH)
    if isinstance(width, dict) and "step" in width:
        step = width["step"]
        node["width"] = {"step": max(8, step * (1 - excess / (excess + target)))}
        return node["width"]["step"] < step
    if not isinstance(width, (int, float)):
        return False
    node["width"] = max(MIN_PLOT, round(width - excess))
    return node["width"] < width


def _title_text(spec: dict) -> str:
    """The chart's title as one line (a title wrapped for a phone is a list of lines)."""
    title = spec.get("title")
    text = title.get("text", "") if isinstance(title, dict) else title or ""
    return " ".join(text) if isinstance(text, list) else str(text)


def undrawn(spec: dict, **_) -> dict:
    """Render nothing but the chart's text alternative: for the grader's sandbox, which needs a
    notebook's answers, not its drawings (and whose memory limit leaves no room for vl-convert's V8)."""
    return {"text/plain": spec.get("description") or _title_text(spec) or "A chart"}


def use() -> None:
    """Set Altair up for the book in this kernel: the book's theme, and the renderer that
    ``MIGRATION_BOOK_RENDERER`` names (``book`` or ``undrawn``; unset, the live kernel's).

    Every chapter's import cell calls it; importing the package alone changes nothing global.
    """
    chosen = os.environ.get(RENDERER_ENV)
    if chosen is not None and chosen not in RENDERERS:
        raise ValueError(
            f"{RENDERER_ENV}={chosen!r} is not a renderer of the book: allowed values are"
            f" {', '.join(RENDERERS)}, or unset for a live kernel"
        )
    if chosen == "book":
        renderer = offline_html
    elif chosen == "undrawn":
        renderer = undrawn
    else:
        from . import live  # ipywidgets only where a kernel draws

        chosen, renderer = "kernel", live.render
    alt.theme.register("book", enable=True)(_theme)
    alt.renderers.register(chosen, renderer)
    alt.renderers.enable(chosen)
    # Explorers embed a precomputed grid; the size budget (benchmarks/models.py) guards the bytes, not a row count.
    alt.data_transformers.enable("default", max_rows=20_000)


def titled(chart: alt.TopLevelMixin, title: str, source: str, notes=()) -> alt.TopLevelMixin:
    """Give a chart its title, a source line (then any ``notes``, a line each), and a text
    description for screen readers."""
    return chart.properties(
        title=alt.TitleParams(text=title, subtitle=[*textwrap.wrap(source, SUBTITLE_CHARS), *notes]),
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
