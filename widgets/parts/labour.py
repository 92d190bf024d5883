"""Part I of the book (Portes: labour migrants, networks and remittances): the figures, tables and
small computations that chapters 10-12 use and the shared modules do not provide.

Everything here is a thin layer over the registered models (:mod:`widgets.models`) and the data
(:mod:`widgets.data`): no number is typed in that the essays or the models already hold. The
concept diagrams' words (structural imbalancing, Figure 1) are written in the chapters.

- wage gap and expected income (row I.1): :func:`regional_spread`;
- the remittance multiplier (rows I.2, I.3): :func:`calibrated_multiplier`, :func:`dollar_rounds`,
  :func:`multiplier_curve`;
- networks (row I.5): :func:`first_year_below`;
- the village (rows I.6, I.7): :func:`village_presets`, :func:`village_compare`,
  :func:`village_small_multiples`, :func:`village_shock_table`;
- transnational organisations (row I.8): :func:`project_dollars_per_migrant_dollar`,
  :func:`project_totals`, :func:`residence_effects`, :func:`show_residence_effects`.
"""

from __future__ import annotations

import math

import altair as alt
import numpy as np
import pandas as pd

from .. import data, explorer, tables
from ..charts import lines_by, titled
from ..models import get
from ..models.remittances import CALIBRATED_CONSUMPTION, CALIBRATED_LOCAL_SHARE, gnp_per_migradollar, spending_rounds

__all__ = [
    "regional_spread",
    "calibrated_multiplier",
    "dollar_rounds",
    "show_dollar_rounds",
    "multiplier_curve",
    "first_year_below",
    "PRESETS",
    "village_presets",
    "village_compare",
    "show_village_compare",
    "VILLAGE_Y_TITLE",
    "village_explorer",
    "village_small_multiples",
    "village_shock_table",
    "project_dollars_per_migrant_dollar",
    "project_totals",
    "residence_effects",
    "show_residence_effects",
]

# ----------------------------------------------------------------------------- I.1 expected income


def regional_spread(year: int = 30, **values) -> pd.DataFrame:
    """Share of adults who have migrated by ``year`` in each region of the expected-income model,
    once with the wage gap alone (social context 0) and once with social context (1).

    Other parameters come from ``values`` (else the model's defaults). Returns a frame indexed by
    region with columns ``gap alone`` and ``gap with social context`` (shares, 0-1).
    """
    model = get("expected_income")
    values = {k: v for k, v in values.items() if k != "social_context"}
    values["years"] = max(year, model.param("years").min)
    columns = {}
    for label, context in (("gap alone", 0), ("gap with social context", 1)):
        run = model.run(social_context=context, **values)
        columns[label] = run[run["year"] == year].set_index("region")["share_migrated"]
    return pd.DataFrame(columns)


# ----------------------------------------------------------------------------- I.2, I.3 multiplier


def calibrated_multiplier(population_remaining: float = 1.0, elasticity: float = 1.0) -> float:
    r"""GNP dollars per migradollar at the remittance model's calibration ($c = 0.91$, $\ell_0 = 0.72$),
    with a share ``population_remaining`` of the population still at home."""
    return float(gnp_per_migradollar(CALIBRATED_CONSUMPTION, CALIBRATED_LOCAL_SHARE, population_remaining, elasticity))


def dollar_rounds(rounds: int = 5) -> pd.DataFrame:
    """The first ``rounds`` spending rounds of one migradollar at the calibration, plus a row for all
    later rounds and a total: income received, saved, spent on imports, re-spent at home, and the
    running total of income created (the total row's income is the multiplier)."""
    c, share = CALIBRATED_CONSUMPTION, CALIBRATED_LOCAL_SHARE
    r = spending_rounds(c, share, rounds - 1)
    frame = pd.DataFrame(
        {
            "round": [str(n) for n in r["round"]],
            "income received": r["income"],
            "saved": r["saved"],
            "spent on imports": r["imported"],
            "re-spent at home": r["respent"],
        }
    )
    # Everything after the shown rounds: a geometric tail that starts with the last round's re-spending.
    tail_income = r["respent"][-1] / (1 - c * share)
    tail = {
        "round": f"{rounds} and later",
        "income received": tail_income,
        "saved": (1 - c) * tail_income,
        "spent on imports": c * (1 - share) * tail_income,
        "re-spent at home": np.nan,
    }
    frame = pd.concat([frame, pd.DataFrame([tail])], ignore_index=True)
    total = {
        "round": "all rounds",
        **{col: frame[col].sum(skipna=True) for col in ("income received", "saved", "spent on imports")},
        "re-spent at home": np.nan,
    }
    frame = pd.concat([frame, pd.DataFrame([total])], ignore_index=True)
    frame["income so far"] = frame["income received"].cumsum()
    frame.loc[frame.index[-1], "income so far"] = np.nan
    return frame


def show_dollar_rounds(rounds: int = 5):
    """:func:`dollar_rounds` as a styled table (US$, three decimals; blanks as a dash)."""
    frame = dollar_rounds(rounds)
    return tables.styled(
        frame,
        "Where one migradollar goes, round by round, at the calibration "
        f"c = {CALIBRATED_CONSUMPTION}, home share = {CALIBRATED_LOCAL_SHARE}. "
        "Model: the book's remittance multiplier; illustrative, not data.",
        "dollar-rounds",
        precision=3,
    )


ELASTICITIES = (0.5, 1.0, 2.0)


def multiplier_curve(elasticities=ELASTICITIES) -> alt.Chart:
    """GNP dollars per migradollar against the share of the population still at home, one line per
    erosion strength, from :func:`widgets.models.remittances.gnp_per_migradollar` at the calibration."""
    share = np.round(np.linspace(0, 1, 51), 2)
    frame = pd.concat(
        [
            pd.DataFrame(
                {
                    "population_remaining": share,
                    "multiplier": gnp_per_migradollar(CALIBRATED_CONSUMPTION, CALIBRATED_LOCAL_SHARE, share, e),
                    "erosion": f"erosion strength {e:g}",
                }
            )
            for e in elasticities
        ],
        ignore_index=True,
    )
    lines = lines_by(
        frame,
        alt.X(
            "population_remaining:Q",
            title="Share of the working-age population still at home",
            axis=alt.Axis(format="%"),
        ),
        alt.Y("multiplier:Q", title="Income added per migradollar (US$)", scale=alt.Scale(domain=[0, 3])),
        "erosion",
        tooltip=[
            alt.Tooltip("population_remaining:Q", title="population at home", format=".0%"),
            "erosion:N",
            alt.Tooltip("multiplier:Q", format=".2f"),
        ],
    )
    point = alt.Chart(
        pd.DataFrame(
            {"x": [1.0], "y": [calibrated_multiplier()], "label": [f"full village: {calibrated_multiplier():.2f}"]}
        )
    )
    mark = point.mark_point(filled=True, size=90, color="black").encode(x="x:Q", y="y:Q")
    text = point.mark_text(align="right", dx=-8, dy=-10).encode(x="x:Q", y="y:Q", text="label:N")
    floor = alt.Chart(pd.DataFrame({"y": [1.0]})).mark_rule(strokeDash=[2, 2], color="#888", aria=False).encode(y="y:Q")
    return titled(
        lines + floor + mark + text,
        "A migradollar adds less as the village empties",
        "Model: remittance multiplier k(P) = 1 / (1 - c l0 P^e) at the calibration c = "
        f"{CALIBRATED_CONSUMPTION}, l0 = {CALIBRATED_LOCAL_SHARE}. "
        "The dotted line is the migradollar itself (k = 1). Illustrative, not data.",
    )


# ----------------------------------------------------------------------------- I.5 networks


def first_year_below(series: str, percent: float, **values) -> int | None:
    """First year in which ``series`` of the network-diffusion model falls below ``percent``
    (None if it never does within the run's years)."""
    run = get("network_diffusion").run(**values)
    path = run[run["series"] == series].set_index("year")["percent"]
    below = path[path < percent]
    return int(below.index[0]) if len(below) else None


# ----------------------------------------------------------------------------- I.6, I.7 the village

PRESETS = ("cyclical", "family settlement", "settlement with local programme")
PRESET_LABELS = {
    "cyclical": "Cyclical migration",
    "family settlement": "Family settlement",
    "settlement with local programme": "Settlement + local programme",
}
SHOWN = {"population at home": "Adults at home", "remittances": "Remittances", "local income": "Local income"}
SHORT_LABELS = {
    "cyclical": "cyclical",
    "family settlement": "family",
    "settlement with local programme": "family + programme",
}  # for printed tables


def village_presets(presets=PRESETS, years: int = 40) -> pd.DataFrame:
    """The village model run at each preset (``REGISTRY["village"].run(**preset)``) for ``years``:
    a tidy frame with columns year, preset, series, value."""
    return get("village").run_presets(list(presets), years=years)


def village_compare(years=(1, 40), presets=PRESETS, short: bool = False) -> pd.DataFrame:
    """Adults at home, remittances and local income of each preset in the given years:
    rows (preset, year), columns the three measures (village-model index units).
    ``short`` names the presets by :data:`SHORT_LABELS`, for tables printed in a narrow column."""
    frame = village_presets(presets, years=max(max(years), get("village").param("years").min))
    frame = frame[frame["year"].isin(years) & frame["series"].isin(SHOWN)]
    table = frame.pivot_table(index=["preset", "year"], columns="series", values="value")
    table = table.reindex(pd.MultiIndex.from_product([presets, years], names=["preset", "year"]))
    table = table[list(SHOWN)].rename(columns=SHOWN).rename_axis(columns=None)
    return table.rename(index=SHORT_LABELS, level="preset") if short else table


def show_village_compare(years=(1, 10, 40)):
    """:func:`village_compare` as a styled table with a caption saying what the units are."""
    table = village_compare(years).reset_index()
    table["preset"] = table["preset"].map(PRESET_LABELS)
    return tables.styled(
        table,
        "The village model at its three presets. Adults per 100 at "
        "home in year 0; remittances and local income in years of one home worker's output "
        "(year-0 local income = 100). Illustrative, not data.",
        "village-presets",
    )


VILLAGE_Y_TITLE = "Index (year 0: 100 adults at home, income 100)"


def village_explorer(vary: explorer.Vary, title: str, **fixed) -> alt.Chart:
    """An in-page explorer of the village model (:func:`widgets.explorer.explorer`) with a y-axis
    title short enough to fit beside the plot (the View's own is taller than the plot); the units
    go into a line under the source instead."""
    return explorer.explorer(
        "village",
        vary=vary,
        title=title,
        y_title=VILLAGE_Y_TITLE,
        note="People per 100 adults at home in year 0; money in years of one home worker's output.",
        **fixed,
    )


def village_small_multiples(years: int = 40) -> alt.Chart:
    """Three panels side by side, one per preset, each with adults at home, remittances and local
    income over ``years``: the village model run once per preset (static, computed at build time)."""
    frame = village_presets(years=years)
    frame = frame[frame["series"].isin(SHOWN)].copy()
    frame["series"] = frame["series"].map(SHOWN)
    frame["preset"] = frame["preset"].map(PRESET_LABELS)
    lines = lines_by(
        None,
        alt.X("year:Q", title="Year", axis=alt.Axis(values=list(range(0, years + 1, 10)))),
        alt.Y("value:Q", title=VILLAGE_Y_TITLE, scale=alt.Scale(domain=[0, 120])),
        "series",
        order=list(SHOWN.values()),
        tooltip=["preset:N", "series:N", "year:Q", alt.Tooltip("value:Q", format=".1f")],
    )
    rule = alt.Chart().mark_rule(color="#999", strokeDash=[1, 3], aria=False).encode(y=alt.datum(100))
    chart = (
        alt.layer(rule, lines, data=frame)
        .properties(width=165, height=220)
        .facet(
            column=alt.Column(
                "preset:N",
                title=None,
                sort=[PRESET_LABELS[p] for p in PRESETS],
                header=alt.Header(labelFontSize=12, labelFontWeight="bold"),
            )
        )
    )
    return titled(
        chart,
        "Three villages, forty years: who leaves, and how, decides what is left",
        "Model: The sending village over forty years, run once per preset. "
        "Adults per 100 at home in year 0; remittances and local income in years of one home worker's "
        "output. The dotted line marks 100. Illustrative, not data.",
    )


SHOCKS = {
    "open border": {},
    "enforcement 0.8": {"enforcement": 0.8},
    "enforcement + NAFTA": {"enforcement": 0.8, "outmigration_rate": 0.12},
}


def village_shock_table(year: int = 40, base: str = "cyclical", shocks=None) -> pd.DataFrame:
    """Adults at home, remittances and local income in ``year`` when the ``base`` preset of the
    village model is hit by each of ``shocks`` (parameter overrides; default: border enforcement,
    then enforcement plus a NAFTA-like rise in out-migration to 0.12). Rows are the shocks' names."""
    model = get("village")
    rows = {}
    for name, change in (shocks or SHOCKS).items():
        run = model.run(preset=base, **change, years=max(year, model.param("years").min))
        now = run[run["year"] == year].set_index("series")["value"]
        rows[name] = {label: float(now[series]) for series, label in SHOWN.items()}
    return pd.DataFrame.from_dict(rows, orient="index")


# ----------------------------------------------------------------------------- I.8 transnational organisations


def project_dollars_per_migrant_dollar(year: int = 0, **values) -> float:
    """Dollars for hometown projects per dollar the migrant club gives, in ``year`` of the 3x1 model."""
    run = get("three_for_one").run(**values)
    now = run[run["year"] == year]
    club = float(now.loc[now["source"] == "migrant club", "dollars"].iloc[0])
    return float(now["dollars"].sum()) / club if club else math.nan


def project_totals(**values) -> pd.Series:
    """Dollars for hometown projects by source, summed over all years of one run of the 3x1 model
    (years 0 to ``years``), with a ``total`` entry."""
    run = get("three_for_one").run(**values)
    totals = run.groupby("source", sort=False)["dollars"].sum()
    return pd.concat([totals, pd.Series({"total": totals.sum()})])


def residence_effects() -> pd.DataFrame:
    """Table 2's rows for years of US residence, one per regression, with the percent change per
    year (and per ten years) recomputed as 100 (exp(b t) - 1) where the regression is a count model."""
    t2 = data.load("portes_table2_transnationalism")
    rows = t2[t2["predictor"] == "Years of US residence"][
        ["model", "regression", "coefficient", "significance", "reported_effect"]
    ].reset_index(drop=True)
    count = rows["regression"] == "negative binomial"
    rows["percent per year (recomputed)"] = np.where(count, 100 * np.expm1(rows["coefficient"].astype(float)), np.nan)
    rows["percent per 10 years (recomputed)"] = np.where(
        count, 100 * np.expm1(10 * rows["coefficient"].astype(float)), np.nan
    )
    return rows


def show_residence_effects():
    """Table 2's years-of-residence rows with the coefficients at their printed precision (three
    decimals) and the recomputed percent changes, source line from the data package.

    Used instead of :func:`widgets.tables.show`, which formats every number with one decimal and so
    prints these coefficients (0.036, 0.034, 0.018) and the effect 0.003 as 0.0.
    """
    frame = residence_effects().rename(
        columns={
            "model": "form",
            "coefficient": "b",
            "significance": "mark",
            "reported_effect": "effect as printed",
            "percent per year (recomputed)": "% a year*",
            "percent per 10 years (recomputed)": "% in 10 years*",
        }
    )
    caption = (
        "Table 2, the row for years of US residence in each of the three regressions. "
        + data.source("portes_table2_transnationalism")
        + (
            " Effect as printed: change in the net probability (economic) or percent change in the count "
            "of activities (political); blank where not printed. * Recomputed by this book as 100 (exp(b t) - 1), "
            "t = 1 or 10 years, for the count model (negative binomial) only."
        )
    )
    return (
        tables.styled(frame, caption, "residence-effects")
        .format("{:.3f}", subset=["b"], na_rep="–")
        .format(lambda v: "–" if pd.isna(v) else f"{v:g}", subset=["effect as printed"])
    )
