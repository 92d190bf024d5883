"""Live controls for a kernel (JupyterLab, Binder, a course hub, Colab): sliders that re-run a model.

``panel(name)`` builds one slider per Param that can change the chart (its range and step, so no
slider reaches a value the model rejects; a Param the chart does not show gets no slider), labelled with the Param's label and unit, an optional preset menu, and a chart that
redraws in place as SVG (:mod:`widgets.live`, no network). What makes a move readable:

- the y-axis is fixed: it covers every run of a sweep of each slider over its grid, plus every
  preset, and only widens (never shrinks) if a later run leaves it, so a change moves the lines,
  not the axis;
- a preset is applied on top of the model's defaults (not of whatever the sliders show), with a
  single redraw;
- the panel opens on the values it is given (``panel(name, **explorer.opening(...))`` opens where
  an explorer opens), else on the model's defaults.

The chapters do not call it: there an explorer is a model's one panel, in the HTML book and in a
kernel alike (:mod:`widgets.live`). It is a model's live panel for a notebook of one's own.
"""

import html
import math

import altair as alt
import ipywidgets as w
import pandas as pd

from . import explorer, live
from .models import Model, get
from .outcomes import Outcome, outcome
from .params import Param

__all__ = ["PLACEHOLDER", "slider", "y_domain", "moves_the_chart", "spec", "panel", "reading"]

PLACEHOLDER = "(choose a preset)"


def slider(p: Param, value=None) -> w.ValueWidget:
    """An ipywidgets slider with exactly the Param's range and step, at ``value`` (default: the Param's)."""
    common = dict(
        value=p.default if value is None else value,
        min=p.min,
        max=p.max,
        step=p.step,
        tooltip=p.meaning,
        continuous_update=False,
        layout=w.Layout(width="300px"),
    )
    if p.integer:
        return w.IntSlider(**{k: int(v) if k in ("value", "min", "max", "step") else v for k, v in common.items()})
    decimals = max(0, -math.floor(math.log10(p.step)))
    return w.FloatSlider(readout_format=f".{decimals}f", **common)


def _extent(model: Model, frame: pd.DataFrame) -> tuple[float, float]:
    """The y range a chart of ``frame`` needs: a stacked area's totals, else the values, and 0."""
    view = model.view
    ys = frame.groupby(view.x)[view.y].sum() if view.mark == "area" else frame[view.y]
    return min(0.0, float(ys.min())), float(ys.max())


def y_domain(model: Model, values: dict, vary: list[str], n: int = 5) -> list[float]:
    """A y range covering the run at ``values``, each ``vary`` slider swept over its grid and both ends, and
    every preset."""
    runs = [model.run(**values)]
    for key in vary:
        p = model.param(key)
        runs += [model.run(**{**values, key: v}) for v in {p.min, *p.grid(n), p.max}]
    runs += [model.run(**{**model.defaults(), **preset}) for preset in model.presets.values()]
    low, high = zip(*(_extent(model, run) for run in runs))
    return [min(low), max(high) if max(high) > min(low) else min(low) + 1]


def moves_the_chart(model: Model, values: dict, key: str) -> bool:
    """True when setting ``key`` to its minimum or maximum changes what the chart of the run at ``values`` draws.

    A slider that cannot change the chart (a parameter the model's View does not show) would be a
    dead control, so the panel leaves it out.
    """
    p = model.param(key)
    drawn = _csv(model, model.run(**values))
    return any(_csv(model, model.run(**{**values, key: v})) != drawn for v in (p.min, p.max))


def _csv(model: Model, frame: pd.DataFrame) -> str:
    """The run as the inline CSV of :func:`widgets.explorer.chart` (same columns, 4 significant digits)."""
    view = model.view
    columns = [c for c in dict.fromkeys([view.x, view.y, view.color]) if c]
    return frame[columns].to_csv(index=False, float_format="%.4g", lineterminator="\n")


def spec(name: str, values: dict, domain: list[float]) -> dict:
    """The chart of one run, as a Vega-Lite spec with a fixed y domain."""
    chart = explorer.chart(name, **values)
    chart.encoding.y.scale = alt.Scale(domain=domain, nice=True)
    return chart.to_dict(validate=False)


def panel(name: str, fixed: dict | None = None, presets: bool = True, **values) -> live.Panel:
    """Sliders for model ``name`` (except the ``fixed`` ones), a preset menu, and a live chart.

    The sliders open on ``values`` where given, else on the model's defaults.
    """
    model = get(name)
    fixed = {key: model.param(key).check(value) for key, value in (fixed or {}).items()}
    opening = model.validate(**{**values, **fixed})
    shown = [p for p in model.params if p.name not in fixed and moves_the_chart(model, opening, p.name)]
    fixed.update({p.name: opening[p.name] for p in model.params if p.name not in fixed and p not in shown})
    sliders = {p.name: slider(p, opening[p.name]) for p in shown}
    domain = y_domain(model, opening, list(sliders))
    state = {"busy": False, "drawing": live.Drawing(spec(name, opening, domain))}
    picture = w.HTML(state["drawing"].svg())
    told = outcome(name, [])  # the number the chapter talks about, under the sliders
    number = w.HTML(reading(told, model.run(**opening)))

    def redraw(*_):
        if state["busy"]:
            return
        run = model.run(**{**fixed, **{k: s.value for k, s in sliders.items()}})
        number.value = reading(told, run)
        low, high = _extent(model, run)
        if low < domain[0] or high > domain[1]:  # widen once, never shrink: the axis stays put
            domain[:] = [min(low, domain[0]), max(high, domain[1])]
            state["drawing"] = live.Drawing(spec(name, opening, domain))
        picture.value = state["drawing"].svg(_csv(model, run))

    rows = []
    if presets and model.presets:
        menu = w.Dropdown(options=[PLACEHOLDER, *model.presets], layout=w.Layout(width="300px"))

        def apply(change):
            if change["new"] == PLACEHOLDER:
                return
            chosen = {**model.defaults(), **model.presets[change["new"]]}
            state["busy"] = True
            try:
                for key, s in sliders.items():
                    s.value = chosen[key]
            finally:
                state["busy"] = False
            redraw()

        def unchoose(change):
            if not state["busy"]:
                menu.value = PLACEHOLDER  # the sliders no longer show the preset

        menu.observe(apply, names="value")
        for s in sliders.values():
            s.observe(unchoose, names="value")
        rows.append(w.HBox([live.label("Preset"), menu]))
    for key, s in sliders.items():
        s.observe(redraw, names="value")
        rows.append(w.HBox([live.label(model.param(key).label, model.param(key).unit), s]))
    box = live.Panel([*rows, number, picture])
    box.add_class("book-panel")
    return box


def reading(told: Outcome | None, run: pd.DataFrame) -> str:
    """The outcome line of a panel (HTML), empty for a model with no outcome named."""
    return f"{html.escape(told.label)}: <b>{html.escape(told.read(run))}</b>" if told else ""
