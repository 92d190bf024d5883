"""Charts in a running kernel (widgets/live.py), without a browser.

The browser side (JupyterLab in Chromium) is tests/test_lab.py; an nbconvert HTML export of every
executed chapter is checked by tests/test_binder.py; the live panels by tests/test_controls.py.
"""

import altair as alt
import pandas as pd
import pytest
from test_controls import sliders

from widgets import explorer, live


def test_a_chart_renders_as_svg_with_no_script():
    chart = alt.Chart(pd.DataFrame({"x": [1, 2], "y": [3, 4]})).mark_line().encode(x="x:Q", y="y:Q")
    bundle = live.render(chart.to_dict())
    assert bundle["image/svg+xml"].lstrip().startswith("<svg")
    assert not any("script" in key or "html" in key for key in bundle), list(bundle)
    assert alt.renderers.active == "kernel"


@pytest.mark.parametrize("values", [{}, {"network_effect": 0.9, "return_rate": 0.5}, {"return_rate": 0.0}])
def test_an_explorer_slice_draws_what_the_browser_filter_draws(values):
    spec = explorer.explorer("network_diffusion", vary=["network_effect", "return_rate"]).to_dict()
    for p in live.bound_params(spec):
        p["value"] = values.get(p["name"], p["value"])
    sliced = live._slice(spec)
    assert len(live.csv_data(sliced)) < len(live.csv_data(spec)) / 10
    assert live.svg(sliced) == live.svg(spec)


def test_an_explorer_in_a_kernel_keeps_working_sliders():
    spec = explorer.explorer("network_diffusion", vary=["network_effect", "return_rate"]).to_dict()
    box = live.explorer_panel(spec)
    found = sliders(box)
    assert list(found) == [p["bind"]["name"].strip() for p in live.bound_params(spec)]
    picture = box.children[-1]
    for s in found.values():
        before = picture.value
        s.value = s.max if s.value != s.max else s.min
        assert picture.value != before, f"moving {s} changed nothing"
