"""Charts in a running kernel (JupyterLab, Binder, a course hub, Colab), drawn with no network.

Altair's own renderer loads Vega from a CDN, so offline every chart in a kernel is an error box.
This renderer draws the chart in the kernel instead, as static SVG from ``vl-convert`` (already a
dependency): JupyterLab, Colab and an ``nbconvert`` HTML export all show ``image/svg+xml`` with no
script at all.

An in-page explorer (a chart whose Vega-Lite params are bound to range inputs) would lose its
sliders in a static SVG. In a kernel it becomes a small live panel over the same precomputed grid:
one ipywidgets slider per bound param, with the binding's range, step and opening value, and each
move redraws the SVG of that slice. So the explorer keeps working controls and opens where it opens
in the HTML book, and it is the one live panel of its model that a chapter shows; where no kernel
is there to answer a slider (a saved notebook, an nbconvert export), the output falls back to the
SVG of the opening state, with no controls. :func:`widgets.charts.use` makes :func:`render` the
renderer of a kernel.
"""

import csv
import html
import io
import json
import re

import altair as alt
import ipywidgets as w
import vl_convert

__all__ = [
    "svg",
    "Drawing",
    "bound_params",
    "csv_data",
    "with_csv",
    "Grid",
    "label",
    "Panel",
    "explorer_panel",
    "render",
]

# Vega-Lite version of the specs Altair writes (e.g. "6.4"), so vl-convert compiles with the same one.
VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def svg(spec: dict) -> str:
    """The chart drawn as an SVG document."""
    return vl_convert.vegalite_to_svg(spec, vl_version=VL_VERSION)


DOMAINS_MARK = "book_scale_domains"
SVG_OPEN = re.compile(r"<svg\b[^>]*>")
DOMAINS_GROUP = re.compile(
    rf'<g class="mark-rect role-mark {DOMAINS_MARK}"[^>]*><path aria-label="([^"]*)".*?</g>', re.S
)
ROOT_ORIGIN = re.compile(r'<g fill="none" stroke-miterlimit="10" transform="translate\(([-\d.]+),([-\d.]+)\)">')
SVG_SIZE = re.compile(r'<svg\b[^>]* width="([\d.]+)" height="([\d.]+)"')
SVG_REFS = re.compile(r'(\bid="|url\(#|href="#)')


class Drawing:
    """One chart redrawn for new data or slider values, fast enough to follow a slider.

    Most of vl-convert's time goes on text (it measures every label), and a slider moves only the
    marks: the title, axes and legends depend on the scales' domains alone. So each redraw draws the
    marks only, with no text but theirs, and lays them over a frame (background, title, axes,
    legends) drawn once for each set of domains, at the padding the whole chart had. The domains
    come out of the marks' own drawing (a hidden mark carries them), so a move that changes an axis
    gets a frame of its own, from the second time its domains come up. A chart whose layout cannot
    be split this way (no top-level width and height: a concatenation or a facet) is drawn whole.
    """

    def __init__(self, spec: dict):
        text = csv_data(spec)
        self.vega = vl_convert.vegalite_to_vega(spec, vl_version=VL_VERSION)
        data = self.vega.get("data", [])
        self.source = next((i for i, d in enumerate(data) if text is not None and d.get("values") == text), None)
        sized = set(self.vega) | {signal["name"] for signal in self.vega.get("signals", [])}
        autosize = self.vega.get("autosize", "pad")
        pads = (autosize if isinstance(autosize, str) else autosize.get("type", "pad")) == "pad"
        self.split = pads and bool(self.vega.get("scales")) and {"width", "height"} <= sized
        self.frames: dict[str, tuple[str, dict]] = {}  # domains -> (frame SVG without its </svg>, padding)
        self.padding: dict | None = None
        self.once: set[str] = set()  # domains drawn once, whole, with no frame kept

    def _state(self, text: str | None, values: dict) -> dict:
        vega = dict(self.vega)
        vega["signals"] = [
            {**s, "value": values[s["name"]]} if s["name"] in values else s for s in vega.get("signals", [])
        ]
        if text is not None and self.source is not None:
            vega["data"] = list(vega["data"])
            vega["data"][self.source] = {**vega["data"][self.source], "values": text}
        return vega

    def _marks(self, vega: dict, padding: dict) -> tuple[str, str, tuple[float, float]]:
        """(the scales' domains, the marks' SVG content, its width and height) of a state at ``padding``."""
        names = [scale["name"] for scale in vega["scales"]]
        domains = {
            "type": "rect",
            "name": DOMAINS_MARK,
            "encode": {
                "update": {
                    "width": {"value": 0},
                    "height": {"value": 0},
                    "description": {"signal": " + ';' + ".join(f"join(domain({json.dumps(n)}), '|')" for n in names)},
                }
            },
        }
        dropped = ("title", "axes", "legends", "background", "description", "style")  # the frame draws these
        marks = {k: v for k, v in vega.items() if k not in dropped}
        marks.update(marks=[*vega.get("marks", []), domains], autosize="none", padding=padding)
        drawn = vl_convert.vega_to_svg(marks)
        found = DOMAINS_GROUP.search(drawn)
        body = drawn[SVG_OPEN.match(drawn).end() : found.start()] + drawn[found.end() :]
        # the marks' clip paths and gradients get ids of their own, apart from the frame's
        size = tuple(float(v) for v in SVG_SIZE.search(drawn).groups())
        return html.unescape(found.group(1)), SVG_REFS.sub(r"\1m-", body), size

    def _new_frame(self, vega: dict) -> str:
        """The whole chart, and (kept for the next moves) its frame and padding."""
        whole = vl_convert.vega_to_svg(vega)
        (left, top), (width, height) = ROOT_ORIGIN.search(whole).groups(), SVG_SIZE.search(whole).groups()
        corner = {"left": float(left), "top": float(top), "right": 0, "bottom": 0}
        # drawn from that corner with no padding beyond, the marks' drawing ends where the plot does
        domains, _, (right, bottom) = self._marks(vega, corner)
        padding = {**corner, "right": float(width) - right, "bottom": float(height) - bottom}
        frame = {**vega, "marks": [], "autosize": "none", "padding": padding}
        drawn = vl_convert.vega_to_svg(frame)
        self.frames[domains] = (drawn.removesuffix("</svg>"), padding)
        self.padding = padding
        return whole

    def svg(self, text: str | None = None, **values) -> str:
        """The chart drawing the CSV ``text`` (its own table if None) with its signals at ``values``."""
        vega = self._state(text, values)
        if not self.split:
            return vl_convert.vega_to_svg(vega)
        if self.padding is None:
            return self._new_frame(vega)
        domains, marks, _ = self._marks(vega, self.padding)
        if domains not in self.frames:
            if domains in self.once:  # domains met again: worth a frame
                return self._new_frame(vega)
            # first time: drawn whole, so a slider that moves an axis at every step costs one drawing
            self.once.add(domains)
            return vl_convert.vega_to_svg(vega)
        frame, padding = self.frames[domains]
        if padding != self.padding:
            self.padding = padding
            domains, marks, _ = self._marks(vega, padding)
        return frame + marks


def bound_params(spec: dict) -> list[dict]:
    """The top-level params of a spec bound to a range input: the sliders of an in-page explorer."""
    return [p for p in spec.get("params", []) if p.get("bind", {}).get("input") == "range"]


def csv_data(spec: dict) -> str | None:
    """The spec's own table as CSV text, inline or in ``datasets`` (where Altair moves it), or None."""
    data = spec.get("data", {})
    if data.get("format", {}).get("type") != "csv":
        return None
    text = data.get("values", spec.get("datasets", {}).get(data.get("name")))
    return text if isinstance(text, str) else None


def with_csv(spec: dict, text: str) -> dict:
    """The spec drawing ``text`` (CSV with the same columns) instead of its own table."""
    rest = {k: v for k, v in spec.items() if k not in ("data", "datasets")}
    return {**rest, "data": {"values": text, "format": {"type": "csv"}}}


class Grid:
    """An explorer's precomputed table, parsed once, cut to the rows one position of its sliders selects.

    An explorer filters its grid with ``abs(datum.k - k) < step / 2`` for each slider ``k``; doing
    that here, before vl-convert parses the data, makes a redraw as fast as a single run's chart.
    """

    def __init__(self, spec: dict):
        text = csv_data(spec)
        rows = list(csv.reader(io.StringIO(text))) if text is not None else []
        self.header, self.body = (rows[0], rows[1:]) if rows else ([], [])
        self.cuts = [
            (self.header.index(p["name"]), p["name"], p["bind"]["step"] / 2)
            for p in bound_params(spec)
            if p["name"] in self.header
        ]
        self.keys = [[float(r[i]) for i, _, _ in self.cuts] for r in self.body]

    def csv(self, values: dict) -> str | None:
        """The rows at slider ``values`` (name -> value) as CSV text, or None for a spec with no CSV table."""
        if not self.header:
            return None
        wanted = [(float(values[name]), half) for _, name, half in self.cuts]
        body = [r for r, key in zip(self.body, self.keys) if all(abs(k - v) < h for k, (v, h) in zip(key, wanted))]
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([self.header, *body])
        return out.getvalue()


def _slice(spec: dict) -> dict:
    """The spec with its table cut to the rows its bound params' values select (see :class:`Grid`)."""
    text = Grid(spec).csv({p["name"]: p["value"] for p in bound_params(spec)})
    return spec if text is None else with_csv(spec, text)


def _slider(param: dict) -> w.FloatSlider:
    bind = param["bind"]
    decimals = max(0, len(f"{bind['step']:g}".partition(".")[2]))
    return w.FloatSlider(
        value=param["value"],
        min=bind["min"],
        max=bind["max"],
        step=bind["step"],
        readout_format=f".{decimals}f",
        continuous_update=False,
        layout=w.Layout(width="300px"),
    )


def label(text: str, unit: str = "") -> w.HTML:
    """A slider's label that wraps instead of being cut off (ipywidgets cuts long descriptions)."""
    text = text.strip()
    return w.HTML(f"{text} ({unit})" if unit else text, layout=w.Layout(width="220px"))


class Panel(w.VBox):
    """A live panel whose last child is its drawing (an HTML widget holding SVG).

    Its output also carries that drawing as ``image/svg+xml``, which is what shows where no widget
    can (an nbconvert HTML export, a notebook reopened without its kernel).
    """

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["image/svg+xml"] = self.children[-1].value
        bundle["text/plain"] = "A live panel: run the notebook in Jupyter to move its sliders."
        return bundle


def explorer_panel(spec: dict) -> Panel:
    """The live form of an in-page explorer: its sliders as ipywidgets, each move redrawing the SVG."""
    params = bound_params(spec)
    sliders = [_slider(p) for p in params]
    grid, drawing, cache = Grid(spec), Drawing(_slice(spec)), {}

    def draw() -> str:
        values = {p["name"]: s.value for p, s in zip(params, sliders)}
        key = tuple(values.values())
        if key not in cache:
            cache[key] = drawing.svg(grid.csv(values), **values)
        return cache[key]

    picture = w.HTML(draw())
    told = (spec.get("usermeta") or {}).get("explorer", {}).get("outcome")
    number = w.HTML()

    def tell():
        """The outcome at the sliders' setting, from the values the explorer carries (see widgets.outcomes)."""
        if told:
            index = 0
            for p, s, size in zip(params, sliders, told["sizes"]):
                k = round((s.value - p["bind"]["min"]) / p["bind"]["step"])
                index = index * size + min(max(k, 0), size - 1)
            number.value = f"{html.escape(told['label'])}: <b>{html.escape(told['values'][index])}</b>"

    tell()

    def redraw(*_):
        picture.value = draw()
        tell()

    for s in sliders:
        s.observe(redraw, names="value")
    rows = [w.HBox([label(p["bind"].get("name", p["name"])), s]) for p, s in zip(params, sliders)]
    box = Panel([*rows, number, picture])
    box.add_class("book-explorer")
    return box


def _in_kernel() -> bool:
    """True in a Jupyter kernel, where a widget's sliders can reach Python."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def render(spec: dict, **_) -> dict:
    """Altair renderer: an SVG drawing, plus a live panel when the chart is an explorer in a kernel."""
    if bound_params(spec) and _in_kernel():
        return explorer_panel(spec)._repr_mimebundle_()
    drawing = svg(_slice(spec) if bound_params(spec) else spec)
    return {"image/svg+xml": drawing, "text/plain": spec.get("description", "A chart")}
