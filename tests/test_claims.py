"""Tests of widgets.claims: verdicts computed from the data, readings marked as readings."""

import pandas as pd
import pytest

from widgets import claims

TABLE = pd.DataFrame({"rate": [20.0, 5.0, 5.8]}, index=["a", "b", "c"])


@pytest.mark.parametrize(
    "actual, stated, verdict",
    [
        (5.0, 5, claims.AGREES),
        (25.2, 25, claims.ROUNDED),
        (16.5, 16, claims.ROUNDED),
        (5.8, 5, claims.DISAGREES),
        (172.7, 172, claims.DISAGREES),
        (38.3, 38, claims.ROUNDED),
    ],
)
def test_whole_percent_verdict(actual, stated, verdict):
    assert claims.whole_percent_verdict(actual, stated) == verdict


def test_generic_checks_compute_their_verdicts():
    assert claims.ratio(TABLE, {}, "rate", ["a"], ["b"], 4)[1] == claims.AGREES
    assert claims.ratio(TABLE, {"a": "A"}, "rate", ["a"], ["b", "c"], 4) == (
        "A / b: 20.0 / 5.0 = 4.00; A / c: 20.0 / 5.8 = 3.45",
        claims.DISAGREES,
    )
    assert claims.stated(TABLE, {}, "rate", {"c": 5})[1] == claims.DISAGREES
    assert claims.stated(TABLE, {}, "rate", {"a": 20, "c": 6})[1] == claims.ROUNDED
    assert claims.within(TABLE, {}, "rate", ["b", "c"], 5, 6)[1] == claims.AGREES
    assert claims.within(TABLE, {}, "rate", ["b"], 5, 6, low_inclusive=False)[1] == claims.DISAGREES
    assert claims.below(TABLE, {}, "rate", ["b", "c"], 5.5)[1] == claims.DISAGREES


def test_a_claim_has_a_computed_verdict_or_a_reading_never_both():
    computed = claims.Claim("T", "says", 1, lambda: ("v", claims.AGREES))
    reading = claims.Claim("T", "says", 1, lambda: ("v", None), reading=claims.WORDING)
    assert computed.verdict() == ("v", claims.AGREES) and reading.verdict() == ("v", claims.WORDING)
    with pytest.raises(ValueError):
        claims.Claim("T", "says", 1, lambda: ("v", claims.AGREES), reading=claims.AGREES).verdict()
    with pytest.raises(ValueError):
        claims.Claim("T", "says", 1, lambda: ("v", None)).verdict()


def test_counts_and_table_mark_readings():
    rows = [
        claims.Claim("T", "one", 1, lambda: ("v", claims.AGREES)),
        claims.Claim("T", "two", 2, lambda: ("v", claims.DISAGREES)),
        claims.Claim("T", "three", 3, lambda: ("v", None), reading=claims.AGREES),
    ]
    assert claims.verdict_counts(rows) == {claims.AGREES: 2, claims.DISAGREES: 1}
    html = claims.show_claims(rows).to_html()
    assert html.count("reading)") == 1 and "fde0d6" in html and "T_claims-T" in html


def test_from_data_reads_every_table_and_rejects_unknown_checks():
    with pytest.raises(ValueError, match="no claims about 'Table 9'"):
        claims.from_data("Table 9")
    with pytest.raises(ValueError, match="unknown check"):
        claims.from_data("Table 2")  # Table 2's checks belong to its part module
