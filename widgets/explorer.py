"""Model charts: one static drawing, and in-page explorers that work with no kernel.

``explorer(name, vary=[...])`` runs a registered model over a grid of one or two of its
parameters at build time and returns an Altair chart whose sliders (Vega-Lite params bound
to range inputs) pick a slice of that grid in the browser. Each slider's range and step are
the grid's, so every position it reaches is a computed point.
"""

import itertools
import math

import altair as alt
import pandas as pd

from .charts import titled
from .models import Model, get
from .outcomes import Outcome, outcome

__all__ = [
    "encode",
    "chart",
    "made",
    "steps",
    "Vary",
    "grids",
    "grid_frame",
    "opening",
    "explorer",
    "tallest",
    "drawn_at",
    "readings",
]


def encode(
    chart: alt.Chart,
    model: Model,
    frame: pd.DataFrame,
    y_title: str | None = None,
    runs: list[str] = (),
    fit: str = "",
) -> alt.Chart:
    """Marks and encodings of a model's View, with a y scale fixed over ``frame`` so moves are visible.

    ``frame`` may hold several runs, told apart by the columns ``runs`` (an explorer's sliders): a
    stacked chart's scale then reaches the tallest stack of any run. ``y_title`` replaces the View's
    y-axis title (a shorter one, where the units go in a subtitle). ``fit`` names a boolean param (a
    checkbox) that, when true, fits the scale to the run shown instead."""
    view = model.view
    mark = {
        "line": chart.mark_line(point=False, strokeWidth=2.5),
        "area": chart.mark_area(opacity=0.85),
        "bar": chart.mark_bar(),
        "point": chart.mark_point(filled=True, size=80),
    }[view.mark]
    low, high = float(frame[view.y].min()), tallest(model, frame, list(runs))  # frame: full-precision runs
    # fixed over every run, so moving a slider moves the lines or areas, not the axis
    low, high = min(0.0, low), high if high > low else low + 1
    if fit:  # a reader may ask for the scale of the run shown: then the data set the top
        y_scale = alt.Scale(domainMin=low, domainMax=alt.ExprRef(f"{fit} ? null : {high:.6g}"), nice=True)
    else:
        y_scale = alt.Scale(domain=[low, high], nice=True)
    x_type = "N" if view.mark == "bar" else "Q"
    encoding = {
        "x": alt.X(
            f"{view.x}:{x_type}",
            title=view.x_title or view.x,
            axis=alt.Axis(format="d") if view.x == "year" else alt.Undefined,  # 1986, not 1,986
        ),
        "y": alt.Y(
            f"{view.y}:Q",
            title=y_title or view.y_title or view.y,
            scale=y_scale,
            stack="zero" if view.mark == "area" else None,
        ),
        "tooltip": [f"{view.x}:{x_type}", *([f"{view.color}:N"] if view.color else []), f"{view.y}:Q"],
    }
    if view.color:
        series = list(dict.fromkeys(frame[view.color].astype(str)))
        # the domain keeps each series' colour whatever a run holds; the sort sets the stack's order
        encoding["color"] = alt.Color(f"{view.color}:N", title=None, sort=series, scale=alt.Scale(domain=series))
    return mark.encode(**encoding)


def _compact(model: Model, frame: pd.DataFrame, keep: list[str]) -> alt.InlineData:
    """Only the columns the chart reads, as inline CSV with 4 significant digits: a third of JSON's bytes."""
    view = model.view
    columns = [c for c in dict.fromkeys([*keep, view.x, view.y, view.color]) if c]
    text = frame[columns].to_csv(index=False, float_format="%.4g", lineterminator="\n")
    return alt.InlineData(values=text, format=alt.DataFormat(type="csv"))


def chart(name: str, frame: pd.DataFrame | None = None, title: str | None = None, **overrides) -> alt.Chart:
    """A static chart of one run of model ``name`` (run here with ``overrides`` unless ``frame`` is given)."""
    model = get(name)
    frame = model.run(**overrides) if frame is None else frame
    return titled(
        encode(alt.Chart(_compact(model, frame, [])), model, frame),
        title or model.title,
        f"Model: {model.title}. Illustrative, not data.",
    ).properties(usermeta={"made": made(model)})


def made(model: Model, settings: int = 0) -> str:
    """How a model chart was made, for the page's "How this was made" note (not the chart's source line)."""
    ran = f"run at build time for each of its {settings} slider settings" if settings else "run at build time"
    return (
        f"The book's model '{model.name}' (module widgets.models), {ran}; its equations, assumptions and"
        " omissions are on the Models reference page."
    )


def steps(start: float, stop: float, step: float) -> list[float]:
    """Evenly spaced slider values from ``start`` to ``stop`` inclusive, rounded to clean decimals,
    for an explorer whose slider must reach values a chapter names (``vary={name: steps(...)}``).

    >>> steps(0.1, 0.4, 0.1)
    [0.1, 0.2, 0.3, 0.4]
    """
    count = int(round((stop - start) / step))
    decimals = max(0, -math.floor(math.log10(step))) + 2
    values = [round(start + k * step, decimals) for k in range(count + 1)]
    return [int(v) if float(v).is_integer() and float(step).is_integer() else v for v in values]


Vary = list[str] | dict[str, list[float]]


def grids(model: Model, vary: Vary, n: int = 9) -> dict[str, list[float]]:
    """The slider values of each varied parameter: its Param grid, or the values given for it.

    Given values must be at least two, increasing, evenly spaced (a slider has one step) and
    inside the parameter's range.
    """
    name = model.name
    if not 1 <= len(vary) <= 2:
        raise ValueError(f"vary must name one or two parameters of {name}, not {list(vary)}")
    if not isinstance(vary, dict):
        return {p: model.param(p).grid(n) for p in vary}
    for key, values in vary.items():
        gaps = [b - a for a, b in zip(values, values[1:])]
        if len(values) < 2 or gaps[0] <= 0 or any(abs(g - gaps[0]) > 1e-9 for g in gaps):
            raise ValueError(
                f"{name}.{key}: slider values must be at least two, increasing and evenly spaced: {values}"
            )
        for v in values:
            model.param(key).check(v)
    return {key: list(values) for key, values in vary.items()}


def grid_frame(model: Model, vary: Vary, n: int = 9, **fixed) -> pd.DataFrame:
    """``model`` run at every point of the grid of the ``vary`` parameters, other values from ``fixed``."""
    axes = grids(model, vary, n)
    runs = []
    for point in itertools.product(*axes.values()):
        values = dict(fixed, **dict(zip(axes, point)))
        runs.append(model.run(**values).assign(**dict(zip(axes, point))))
    return pd.concat(runs, ignore_index=True)


def opening(name: str, vary: Vary | None = None, n: int = 9, **fixed) -> dict:
    """The values :func:`explorer` (same arguments) opens on: ``fixed``, and each slider at its grid value
    nearest the given or default one. A live panel opens there too: ``controls.panel(name, **opening(...))``.
    """
    model = get(name)
    axes = grids(model, vary or model.explore_params, n)
    nearest = {
        k: min(values, key=lambda v: abs(v - fixed.get(k, model.param(k).default))) for k, values in axes.items()
    }
    return {**fixed, **nearest}


def explorer(
    name: str,
    vary: Vary | None = None,
    n: int = 9,
    title: str | None = None,
    y_title: str | None = None,
    note: str = "",
    **fixed,
) -> alt.Chart:
    """An in-page explorer of model ``name``: sliders for the ``vary`` parameters filter a precomputed grid.

    ``vary`` names the parameters (each gets its Param grid of about ``n`` values, opening on the
    default) or maps them to chosen slider values; it defaults to the model's ``explore``
    parameters. ``fixed`` sets the others. ``y_title`` shortens the y-axis title and ``note``
    adds a line under the source (e.g. the units the short title leaves out).
    """
    model = get(name)
    axes = grids(model, vary or model.explore_params, n)
    frame = grid_frame(model, axes, **fixed)
    shown = outcome(name, list(axes))
    drawn = frame[frame[model.view.color] == shown.focus] if shown and shown.focus else frame
    base = alt.Chart(_compact(model, drawn, list(axes)))
    opened = opening(name, axes, **fixed)
    for key, values in axes.items():
        p = model.param(key)
        step = round(values[1] - values[0], 12)  # no float noise in the slider step
        slider = alt.param(
            name=key,
            value=opened[key],
            bind=alt.binding_range(min=values[0], max=values[-1], step=step, name=f"{p.label} ({p.unit}) "),
        )
        base = base.add_params(slider).transform_filter(f"abs(datum.{key} - {key}) < {step / 2}")
    fit = ""
    if tallest(model, drawn, list(axes)) > 2 * tallest(model, drawn_at(drawn, opened, axes), []):
        # the opening run fills less than half the fixed scale: a reader may fit it (never on its own)
        fit = "fit_y"
        box = alt.binding_checkbox(name="Fit the y-axis to this setting ")
        base = base.add_params(alt.param(name=fit, value=False, bind=box))
    meta = {"key": name, "made": made(model, math.prod(len(v) for v in axes.values()))}
    if shown:
        meta["outcome"] = readings(shown, frame, axes)
    return titled(
        encode(base, model, drawn, y_title or (shown and shown.y_title) or None, list(axes), fit),
        title or model.title,
        f"Model: {model.title}. Illustrative, not data.",
        notes=[note] if note else (),
    ).properties(usermeta={"explorer": meta, "made": meta["made"]})


def tallest(model: Model, frame: pd.DataFrame, runs: list[str]) -> float:
    """The top of ``frame``'s chart: its highest value, or its tallest stack for stacked areas."""
    view = model.view
    return float(frame.groupby([*runs, view.x])[view.y].sum().max() if view.mark == "area" else frame[view.y].max())


def drawn_at(frame: pd.DataFrame, values: dict, axes: dict) -> pd.DataFrame:
    """The rows of ``frame`` at the sliders' ``values``."""
    return frame[(frame[list(axes)] == pd.Series({k: values[k] for k in axes})).all(axis=1)]


def readings(shown: Outcome, frame: pd.DataFrame, axes: dict[str, list[float]]) -> dict:
    """The outcome's wording at every slider setting, for the page's loader to show as a slider moves:
    ``values`` in the order of the grid (the first slider's values outermost), ``params`` the sliders."""
    runs = frame.groupby(list(axes), sort=False)
    values = [shown.read(runs.get_group(point).reset_index(drop=True)) for point in itertools.product(*axes.values())]
    return {"label": shown.label, "params": list(axes), "sizes": [len(v) for v in axes.values()], "values": values}
