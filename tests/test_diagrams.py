"""Tests of widgets.diagrams: concept diagrams as plain, escaped HTML."""

import pytest

from widgets import diagrams


def test_stages_numbers_each_column_and_draws_the_band():
    html = diagrams.stages(
        "Two sides", {"Left": ["a", "b"], "Stage": ["joins", "grows"], "Right": ["c", "d"]}, band="Stage"
    ).data
    assert html.count('class="diagram-box"') == 4 and html.count("diagram-band") == 2
    assert "1. joins" in html and "2. d" in html
    assert html.count("grid-template-columns: 1fr 0.62fr 1fr") == 3  # head row and two stage rows


def test_stages_reject_an_unknown_band():
    with pytest.raises(ValueError, match="band 'Middle'"):
        diagrams.stages("t", {"A": ["x"]}, band="Middle")


def test_chain_draws_heads_arrows_and_escapes_text():
    html = diagrams.chain("A <chain>", [["one", "two"], "three & four"], note="n", heads=["Sending", "Receiving"]).data
    assert "A &lt;chain&gt;" in html and "three &amp; four" in html
    assert html.count('class="diagram-head"') == 2 and html.count("diagram-arrow") == 1
    assert html.index("Sending") < html.index("one") and '<p class="diagram-note">n</p>' in html
