"""Claims of an essay's text checked against its own tables.

A claim's wording, its seed line and the thresholds its words imply ("quadruples" is a factor of
4) are data: rows of ``data/essay_claims.csv``. Each row names a *check* and gives its arguments
as JSON. The generic checks below compare table cells with those arguments; a part module adds
checks of its own (:func:`from_data` takes them). A verdict is computed from the data, except
for a claim whose row gives a ``reading``: there the book's reading of a word (is 16 percent
"comparable" to 18?) is the verdict, and :func:`show_claims` says so.

>>> whole_percent_verdict(5.8, 5)
'disagrees'
>>> whole_percent_verdict(24.6, 25)
'agrees within rounding'
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import pandas as pd

from . import data, tables

__all__ = [
    "AGREES",
    "ROUNDED",
    "DISAGREES",
    "WORDING",
    "Verdict",
    "Claim",
    "whole_percent_verdict",
    "worst",
    "ratio",
    "stated",
    "within",
    "below",
    "from_data",
    "check_claims",
    "verdict_counts",
    "show_claims",
]

AGREES = "agrees"
ROUNDED = "agrees within rounding"
DISAGREES = "disagrees"
WORDING = "wording differs"
VERDICTS = (AGREES, ROUNDED, DISAGREES, WORDING)
MARK = {AGREES: "✓ agrees", ROUNDED: "≈ agrees within rounding", DISAGREES: "✗ disagrees", WORDING: "≠ wording differs"}
RESOURCE = "essay_claims"

Verdict = tuple[str, str | None]  # the table's values as text, and the verdict (None: see Claim.reading)
Check = Callable[[], Verdict]


@dataclass(frozen=True)
class Claim:
    """One statement of the essay about a table: ``check`` returns the table's values as text and a
    computed verdict, or None when the verdict is the book's ``reading`` of the essay's word."""

    table: str
    claim: str
    seed_line: int
    check: Check
    reading: str = ""

    def verdict(self) -> tuple[str, str]:
        """The table's values as text, and the verdict (computed, or the reading)."""
        text, computed = self.check()
        if (computed is None) == (not self.reading):
            raise ValueError(f"{self.claim!r}: a claim has either a computed verdict or a reading, not both or neither")
        return text, computed or self.reading


def whole_percent_verdict(actual: float, stated: float) -> str:
    """AGREES if the text gives the table's value, ROUNDED if within half a point of it, else DISAGREES.

    Half a point is what rounding to a whole percent allows; a text that cuts off a decimal of .6
    or more (5.8 given as 5, 172.7 as 172) states a number the table's value does not round to.
    """
    if math.isclose(actual, stated, abs_tol=1e-9):
        return AGREES
    return ROUNDED if abs(actual - stated) <= 0.5 + 1e-9 else DISAGREES


def worst(verdicts: list[str]) -> str:
    """The least favourable of several verdicts (a claim about many groups is as good as its worst)."""
    order = [AGREES, ROUNDED, WORDING, DISAGREES]
    return max(verdicts, key=order.index)


def _label(labels: dict, group: str) -> str:
    return labels.get(group, group)


def ratio(table: pd.DataFrame, labels: dict, column: str, groups: list, against: list, factor: float) -> Verdict:
    """Each of ``groups`` has at least ``factor`` times the rate of each of ``against`` in ``column``."""
    parts, ok = [], True
    for g in groups:
        for a in against:
            value = table.loc[g, column] / table.loc[a, column]
            ok &= value >= factor
            parts.append(
                f"{_label(labels, g)} / {_label(labels, a)}: "
                f"{table.loc[g, column]:.1f} / {table.loc[a, column]:.1f} = {value:.2f}"
            )
    return "; ".join(parts), AGREES if ok else DISAGREES


def stated(table: pd.DataFrame, labels: dict, column: str, values: dict) -> Verdict:
    """The text states these values (whole percents or as printed): see :func:`whole_percent_verdict`."""
    parts, verdicts = [], []
    for group, value in values.items():
        actual = float(table.loc[group, column])
        verdicts.append(whole_percent_verdict(actual, value))
        rounded = f", rounds to {round(actual)}" if verdicts[-1] == DISAGREES else ""
        parts.append(f"{_label(labels, group)} {actual:.1f} (text: {value:g}{rounded})")
    return "; ".join(parts), worst(verdicts)


def within(
    table: pd.DataFrame, labels: dict, column: str, groups: list, low: float, high: float, low_inclusive: bool = True
) -> Verdict:
    """Every group's value lies in [low, high) (or (low, high) when ``low_inclusive`` is false)."""
    values = table.loc[groups, column]
    text = "; ".join(f"{_label(labels, g)} {v:.1f}" for g, v in values.items())
    inside = ((values >= low) if low_inclusive else (values > low)) & (values < high)
    return text, AGREES if inside.all() else DISAGREES


def below(table: pd.DataFrame, labels: dict, column: str, groups: list, bound: float) -> Verdict:
    """Every group's value is below ``bound``."""
    return within(table, labels, column, groups, -math.inf, bound)


GENERIC = {"ratio": ratio, "stated": stated, "within": within, "below": below}


def from_data(table: str, labels: dict | None = None, checks: dict | None = None) -> list[Claim]:
    """The claims about ``table`` (e.g. "Table 3") in ``data/essay_claims.csv``, in file order.

    A row's ``check`` names a generic check (called with the row's resource indexed by ``group``,
    ``labels`` and the row's JSON ``args``) or one of ``checks``, a part module's own checks
    (called with the JSON ``args`` only). Each returns the table's values as text and a verdict.
    """
    rows = data.load(RESOURCE)
    rows = rows[rows["table"] == table]
    if rows.empty:
        raise ValueError(f"no claims about {table!r} in {RESOURCE}.csv")
    claims = []
    for row in rows.itertuples(index=False):
        args = json.loads(row.args)
        if row.check in (checks or {}):
            check = partial(checks[row.check], **args)
        elif row.check in GENERIC:
            frame = data.load(row.resource).set_index("group")
            check = partial(GENERIC[row.check], frame, labels or {}, **args)
        else:
            raise ValueError(f"{RESOURCE}.csv: unknown check {row.check!r} for {row.claim!r}")
        reading = "" if pd.isna(row.reading) else str(row.reading)
        claims.append(Claim(row.table, row.claim, int(row.seed_line), check, reading))
    return claims


def check_claims(claims: list[Claim]) -> pd.DataFrame:
    """Run each claim's check: one row per claim with its seed line, table values, verdict and its kind."""
    rows = []
    for c in claims:
        text, verdict = c.verdict()
        rows.append(
            {
                "table": c.table,
                "seed_line": c.seed_line,
                "claim": c.claim,
                "table_values": text,
                "verdict": verdict,
                "computed": not c.reading,
            }
        )
    return pd.DataFrame(rows)


def verdict_counts(claims: list[Claim]) -> dict:
    """How many claims got each verdict, in the order agrees, within rounding, disagrees, wording differs."""
    counts = check_claims(claims)["verdict"].value_counts()
    return {v: int(counts.get(v, 0)) for v in VERDICTS if counts.get(v, 0)}


# Each tint carries its own dark text, so a marked cell reads in dark mode too (the table's text is light there).
COLOURS = {
    MARK[ROUNDED]: "background-color: #fff4d6; color: #1b1b1b;",
    MARK[DISAGREES]: "background-color: #fde0d6; color: #1b1b1b; font-weight: bold;",
    MARK[WORDING]: "background-color: #e6e0f5; color: #1b1b1b;",
}


def show_claims(claims: list[Claim], caption: str = "") -> pd.io.formats.style.Styler:
    """The claims as a table: the claim, the table's values, and the verdict by symbol and word.
    A verdict that is the book's reading, not a computation, says so."""
    frame = check_claims(claims)
    frame["verdict"] = [
        MARK[v] if computed else f"{MARK[v]} (the book's reading)"
        for v, computed in zip(frame["verdict"], frame["computed"])
    ]
    frame = frame.rename(
        columns={
            "claim": "The essay's text says",
            "table": "Table",
            "table_values": "The table's values",
            "verdict": "Verdict",
        }
    )
    keep = ["Table", "The essay's text says", "The table's values", "Verdict"]  # seed lines stay in the data
    if frame["Table"].nunique() == 1:  # one table: say so in the caption instead of on every row
        caption = caption or f"Each claim of the essay's text about {frame['Table'].iloc[0]} checked against it."
        keep = keep[1:]
    caption = caption or "Each claim of the essay's text checked against its table."
    caption += " Verdicts are computed by the book from the table's numbers, except where marked a reading."
    uuid = "claims-" + "-".join(sorted({c.table.replace(" ", "") for c in claims}))
    styler = tables.styled(frame[keep], caption, uuid)
    return styler.map(
        lambda v: next((css for mark, css in COLOURS.items() if v.startswith(mark)), ""), subset=["Verdict"]
    )
