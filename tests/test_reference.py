"""Tests of widgets.reference: the model reference page is written from the registry."""

from widgets import reference
from widgets.models import REGISTRY


def test_each_model_section_has_its_target_docstring_and_every_param():
    for model in REGISTRY.values():
        text = reference.model_markdown(model)
        assert text.startswith(f"(model-{model.name.replace('_', '-')})=")
        assert "**Equations.**" in text and "**Leaves out.**" in text
        assert all(f"`{p.name}`" in text for p in model.params)
        assert ("**Presets:**" in text) == bool(model.presets)


def test_page_lists_models_in_argument_map_order(capsys, monkeypatch):
    shown = []
    monkeypatch.setattr(reference, "display", shown.append)
    reference.models_page()
    rows = [
        reference._row_key(m.row) for m in sorted(REGISTRY.values(), key=lambda m: (reference._row_key(m.row), m.name))
    ]
    assert rows == sorted(rows) and len(shown) == 2 * len(REGISTRY)
