"""The number each explorer shows beside its chart: the outcome its chapter's text talks about.

An explorer (:func:`widgets.explorer.explorer`) reads one run of its model per slider setting;
``OUTCOMES`` says, per model (or per model and varied parameters, where one model has explorers
about different things), what to read from a run and how to word it. The book's page shows that
sentence under the chart and updates it as a slider moves, so a reader sees the effect as a number
as well as a shape.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

__all__ = ["Outcome", "outcome"]


@dataclass(frozen=True)
class Outcome:
    """``label`` names the outcome; ``read`` turns one run into its value, worded (e.g. "27 of 100")."""

    label: str
    read: Callable[[pd.DataFrame], str]
    focus: str = ""  # the one series drawn, when the others would dwarf it (the outcome still reads the whole run)
    y_title: str = ""  # the y-axis title when only ``focus`` is drawn


def _last(frame: pd.DataFrame, x: str, column: str, series: str, y: str) -> float:
    """``y`` of ``series`` (in ``column``) at the last value of ``x``."""
    rows = frame[frame[column] == series]
    return float(rows.loc[rows[x].idxmax(), y])


def _first(frame: pd.DataFrame, x: str, column: str, series: str, y: str) -> float:
    """``y`` of ``series`` (in ``column``) at the first value of ``x``."""
    rows = frame[frame[column] == series]
    return float(rows.loc[rows[x].idxmin(), y])


def _spread(f: pd.DataFrame) -> str:
    last = f[f["year"] == f["year"].max()]["share_migrated"]
    return f"{100 * (last.max() - last.min()):.0f} percentage points"


def _emigrant_peak(f: pd.DataFrame) -> str:
    rows = f[f["group"] == "emigrate"]
    peak = rows.loc[rows["professionals"].idxmax()]
    return f"{peak['professionals']:.0f} per 1,000 trained at the top, at income {peak['income']:.2f}"


def _informal_share(f: pd.DataFrame) -> str:
    last = f[f["year"] == f["year"].max()].set_index("tier")["jobs"]
    low = last["low wage (formal)"] + last["informal"]
    return (
        f"{100 * last['informal'] / last.sum():.0f} percent informal,"
        f" {100 * low / last.sum():.0f} percent low-wage or informal"
    )


def _low_wage_jobs(f: pd.DataFrame) -> str:
    last = f[f["year"] == f["year"].max()]
    low = last[last["tier"].isin(["low wage (formal)", "informal"])]["jobs"].sum()
    return f"{low:.0f} per 100 jobs at the start"


def _at_home(x: str, column: str, series: str, y: str, unit: str, digits: int = 0) -> Callable[[pd.DataFrame], str]:
    return lambda f: f"{_last(f, x, column, series, y):.{digits}f} {unit}".strip()


OUTCOMES: dict[str | tuple[str, ...], Outcome] = {
    "expected_income": Outcome("Gap in year 30 between the most and least migrating region", _spread),
    "remittance_multiplier": Outcome(
        "Income added per migradollar in the emptied village, after all rounds",
        lambda f: f"US$ {_last(f, 'round', 'village', 'village as it empties', 'income_added'):.2f}",
    ),
    "network_diffusion": Outcome(
        "Adults living at home after forty years",
        _at_home("year", "series", "living at home", "percent", "percent of those there at the start"),
    ),
    "village": Outcome(
        "Population at home in the last year",
        _at_home("year", "series", "population at home", "value", "per 100 adults at home in year 0"),
    ),
    "three_for_one": Outcome(
        "Project dollars over the ten years, all sources",
        lambda f: f"US$ {f['dollars'].sum():,.0f}",
    ),
    "professional_decision": Outcome(
        "Emigrants at their peak",
        _emigrant_peak,
        focus="emigrate",
        y_title="Emigrants per 1,000 trained at the top",
    ),
    "brain_circulation": Outcome(
        "Knowledge transfers in the last year",
        _at_home(
            "year", "series", "knowledge transfers (returnee-equivalents)", "professionals", "returnee-equivalents"
        ),
    ),
    "pathways": Outcome(
        "Children of the least educated parents on the downward path",
        lambda f: f"{100 * _first(f, 'human_capital', 'path', 'downward', 'share'):.0f} percent",
    ),
    "enforcement_stock_flow": Outcome(
        "Unauthorised population in 2008",
        _at_home("year", "series", "unauthorised population", "millions", "million", 1),
    ),
    "bridges": Outcome(
        "Immigrants from the countries with a strong bridge",
        lambda f: f"{100 * f.loc[f['bridge'] == 'strong bridge', 'share'].sum():.0f} percent",
    ),
    "global_city": Outcome("Low-wage and informal jobs in the last year", _low_wage_jobs),
    ("global_city", "downgrading_rate", "informalisation_rate"): Outcome(
        "The city's jobs in the last year", _informal_share
    ),
    "pipeline": Outcome(
        "Village: people at home in year 30",
        _at_home("year", "series", "village: people at home", "index", "per 100 at the start"),
    ),
}


def outcome(name: str, vary: list[str]) -> Outcome | None:
    """The outcome an explorer of model ``name`` varying ``vary`` shows, if the book names one."""
    return OUTCOMES.get((name, *vary)) or OUTCOMES.get(name)
