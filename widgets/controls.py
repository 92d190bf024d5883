"""Live controls for a kernel (JupyterLab, Binder, a course hub): sliders that re-run a model.

``panel(name)`` builds one slider per Param (its range and step, so no slider reaches a
value the model rejects), an optional preset menu, and a chart that redraws in place.
In the built HTML book there is no kernel, so chapters hide this cell's output there
(tag ``remove-output``) and show an in-page explorer instead.
"""

import math

import ipywidgets as w
from IPython.display import display

from . import explorer
from .models import get
from .params import Param


def slider(p: Param) -> w.ValueWidget:
    """An ipywidgets slider with exactly the Param's range, step and default."""
    common = dict(
        value=p.default,
        min=p.min,
        max=p.max,
        step=p.step,
        description=p.label,
        tooltip=p.meaning,
        continuous_update=False,
        style={"description_width": "180px"},
        layout=w.Layout(width="520px"),
    )
    if p.integer:
        return w.IntSlider(**{k: int(v) if k in ("value", "min", "max", "step") else v for k, v in common.items()})
    decimals = max(0, -math.floor(math.log10(p.step)))
    return w.FloatSlider(readout_format=f".{decimals}f", **common)


def panel(name: str, fixed: dict | None = None, presets: bool = True) -> w.VBox:
    """Sliders for model ``name`` (except the ``fixed`` ones), a preset menu, and a live chart."""
    model = get(name)
    fixed = {key: model.param(key).check(value) for key, value in (fixed or {}).items()}
    sliders = {p.name: slider(p) for p in model.params if p.name not in fixed}
    out = w.Output()

    def redraw(*_):
        values = {**fixed, **{k: s.value for k, s in sliders.items()}}
        with out:
            out.clear_output(wait=True)
            display(explorer.chart(name, **values))

    rows = []
    if presets and model.presets:
        menu = w.Dropdown(
            options=["(choose a preset)", *model.presets], description="Preset", style={"description_width": "180px"}
        )

        def apply(change):
            for key, value in model.presets.get(change["new"], {}).items():
                if key in sliders:
                    sliders[key].value = value

        menu.observe(apply, names="value")
        rows.append(menu)
    for s in sliders.values():
        s.observe(redraw, names="value")
    redraw()
    return w.VBox([*rows, *sliders.values(), out])
