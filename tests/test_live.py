"""Charts in a running kernel (widgets/live.py), without a browser.

The browser side (JupyterLab in Chromium) is tests/test_lab.py; an nbconvert HTML export of every
executed chapter is checked by tests/test_binder.py; the live panels by tests/test_controls.py.
"""

import altair as alt
import pandas as pd
import pytest
import vl_convert
from test_controls import sliders

from widgets import charts, explorer, live


def test_a_chart_renders_as_svg_with_no_script(monkeypatch):
    chart = alt.Chart(pd.DataFrame({"x": [1, 2], "y": [3, 4]})).mark_line().encode(x="x:Q", y="y:Q")
    bundle = live.render(chart.to_dict())
    assert bundle["image/svg+xml"].lstrip().startswith("<svg")
    assert not any("script" in key or "html" in key for key in bundle), list(bundle)
    monkeypatch.delenv(charts.RENDERER_ENV, raising=False)
    charts.use()
    assert alt.renderers.active == "kernel" and alt.renderers.get() is live.render


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


def _whole(spec: dict, values: dict) -> str:
    """The explorer's chart at slider ``values``, drawn whole (the slow way the book's build draws it)."""
    spec = {**spec, "params": [{**p, "value": values.get(p["name"], p.get("value"))} for p in spec["params"]]}
    return live.svg(live._slice(spec))


@pytest.mark.parametrize(
    "moves", [{"network_effect": 0.9}, {"return_rate": 0.0}, {"network_effect": 0.0, "return_rate": 0.5}]
)
def test_a_redraw_of_marks_over_the_frame_looks_exactly_like_the_whole_chart(moves):
    spec = explorer.explorer("network_diffusion", vary=["network_effect", "return_rate"]).to_dict()
    opening = {p["name"]: p["value"] for p in live.bound_params(spec)}
    grid, drawing = live.Grid(spec), live.Drawing(live._slice(spec))
    drawing.svg(grid.csv(opening), **opening)
    values = {**opening, **moves}
    fast = drawing.svg(grid.csv(values), **values)
    assert fast != _whole(spec, values), "not drawn whole (the frame is reused)"
    assert vl_convert.svg_to_png(fast) == vl_convert.svg_to_png(_whole(spec, values)), "the pixels differ"


def test_a_move_that_changes_an_axis_gets_a_frame_of_its_own():
    frame = pd.DataFrame({"k": [0, 0, 1, 1], "x": [0, 1, 0, 5], "y": [1, 2, 1, 2]})
    k = alt.param(name="k", value=0, bind=alt.binding_range(min=0, max=1, step=1))
    chart = alt.Chart(frame).mark_line().encode(x="x:Q", y="y:Q").add_params(k).transform_filter("datum.k == k")
    spec = chart.to_dict()
    spec["data"] = {"values": frame.to_csv(index=False), "format": {"type": "csv"}}
    spec.pop("datasets", None)
    grid, drawing = live.Grid(spec), live.Drawing(spec)
    for value in (0, 1, 0, 1):
        drawn = drawing.svg(grid.csv({"k": value}), k=value)
        assert vl_convert.svg_to_png(drawn) == vl_convert.svg_to_png(_whole(spec, {"k": value})), f"k = {value}"
    assert len(drawing.frames) == 2, "the x axis runs to 1, then to 5: two frames (the second made when met again)"


def test_a_bar_chart_whose_width_follows_its_bars_is_split_too():
    frame = pd.DataFrame({"k": [0, 0, 0, 1, 1, 1], "bar": list("abcabc"), "y": [1, 2, 3, 3, 2, 1]})
    k = alt.param(name="k", value=0, bind=alt.binding_range(min=0, max=1, step=1))
    chart = alt.Chart(frame).mark_bar().encode(x="bar:N", y=alt.Y("y:Q", scale=alt.Scale(domain=[0, 3])))
    spec = chart.add_params(k).transform_filter("datum.k == k").to_dict()
    spec["data"] = {"values": frame.to_csv(index=False), "format": {"type": "csv"}}
    spec.pop("datasets", None)
    grid, drawing = live.Grid(spec), live.Drawing(spec)
    assert drawing.split, "the width is a signal (a step per bar), which the split allows"
    for value in (0, 1):
        drawn = drawing.svg(grid.csv({"k": value}), k=value)
        assert vl_convert.svg_to_png(drawn) == vl_convert.svg_to_png(_whole(spec, {"k": value})), f"k = {value}"
    assert len(drawing.frames) == 1
