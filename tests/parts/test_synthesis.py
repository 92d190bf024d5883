"""Tests of widgets.parts.synthesis (chapter 50): the pipeline model's presets side by side."""

import vl_convert

from widgets.models import get
from widgets.parts import synthesis


def test_pipeline_presets_one_row_per_preset_from_the_model():
    table = synthesis.pipeline_presets()
    model = get("pipeline")
    assert list(table.index) == list(model.presets)
    for name in model.presets:
        run = model.run(name)
        assert table.loc[name, "country share"] == float(run["country_share"].iloc[0])
    text = synthesis.pipeline_presets_text()
    assert all(name in text for name in model.presets) and text.count("village in year 30") == len(model.presets)


def test_presets_chart_shows_one_series_and_compiles():
    spec = synthesis.pipeline_presets_chart("village: remittances").to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == list(get("pipeline").presets)
    vl_convert.vegalite_to_vega(spec)
