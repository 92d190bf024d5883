"""The short examples in the generic layer's docstrings run and print what they say."""

import doctest
import importlib

import pytest

MODULES = [
    "widgets.charts",
    "widgets.claims",
    "widgets.explorer",
    "widgets.tables",
    "widgets.models.transnational_effects",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no docstring example to run"
    assert result.failed == 0
