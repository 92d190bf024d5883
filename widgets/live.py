"""Charts in a running kernel (JupyterLab, Binder, a course hub, Colab), drawn with no network.

Altair's own renderer loads Vega from a CDN, so offline every chart in a kernel is an error box.
This renderer draws the chart in the kernel instead, as static SVG from ``vl-convert`` (already a
dependency): JupyterLab, Colab and an ``nbconvert`` HTML export all show ``image/svg+xml`` with no
script at all.

An in-page explorer (a chart whose Vega-Lite params are bound to range inputs) would lose its
sliders in a static SVG. In a kernel it becomes a small live panel over the same precomputed grid:
one ipywidgets slider per bound param, with the binding's range, step and opening value, and each
move redraws the SVG of that slice. So the explorer keeps working controls and opens where it opens
in the HTML book; where no kernel is there to answer a slider (a saved notebook, an nbconvert
export), the output falls back to the SVG of the opening state, with no controls.
"""

import copy
import csv
import io

import altair as alt
import ipywidgets as w
import vl_convert

# Vega-Lite version of the specs Altair writes (e.g. "6.4"), so vl-convert compiles with the same one.
VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def svg(spec: dict) -> str:
    """The chart drawn as an SVG document."""
    return vl_convert.vegalite_to_svg(spec, vl_version=VL_VERSION)


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


def _slice(spec: dict) -> dict:
    """The spec with its table cut to the rows the bound params select.

    An explorer filters its grid with ``abs(datum.k - k) < step / 2`` for each slider ``k``; doing
    that here, before vl-convert parses the data, makes a redraw as fast as a single run's chart.
    """
    text = csv_data(spec)
    if text is None:
        return spec
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    for p in bound_params(spec):
        if p["name"] in header:
            i, value, half = header.index(p["name"]), float(p["value"]), p["bind"]["step"] / 2
            body = [r for r in body if abs(float(r[i]) - value) < half]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *body])
    return with_csv(spec, out.getvalue())


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
    spec = copy.deepcopy(spec)
    params = bound_params(spec)
    sliders = [_slider(p) for p in params]
    picture = w.HTML(svg(_slice(spec)))
    cache = {}

    def redraw(*_):
        for p, s in zip(params, sliders):
            p["value"] = s.value
        key = tuple(s.value for s in sliders)
        if key not in cache:
            cache[key] = svg(_slice(spec))
        picture.value = cache[key]

    for s in sliders:
        s.observe(redraw, names="value")
    rows = [w.HBox([label(p["bind"].get("name", p["name"])), s]) for p, s in zip(params, sliders)]
    box = Panel([*rows, picture])
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
