"""Part IV of the book (Sassen: immigrants in the global city): helpers of chapters 40 and 41.

The migration systems she names (rows IV.1-IV.2), summaries of the ``bridges`` model (IV.3) and
of the ``global_city`` model (IV.5-IV.6), whose equations, the low-wage decomposition included,
live in :mod:`widgets.models.global_city`.

Everything here reads the data package (:mod:`widgets.data`) or runs a registered model
(:mod:`widgets.models`); no number is typed in. Charts carry a title, a source line and a text
description (:func:`widgets.charts.titled`) and use the book's colour-blind-safe palette.
"""

from __future__ import annotations

import textwrap

import altair as alt
import numpy as np
import pandas as pd

from .. import data, tables
from ..charts import PALETTE, lines_by, titled
from ..models import get
from ..models import global_city as gc
from ..models.bridges import poverty_rank_correlation
from ..models.global_city import polarisation

__all__ = [
    "SYSTEMS",
    "TIE_KINDS",
    "systems",
    "ties_long",
    "tie_counts",
    "tie_counts_text",
    "systems_table",
    "systems_chart",
    "bridges_correlations",
    "correlation_curve",
    "correlation_chart",
    "city_run",
    "induced_per_skilled",
    "SOURCES",
    "low_wage_sources",
    "low_wage_sources_chart",
    "polarisation_ends",
    "polarisation_by_preset",
    "polarisation_chart",
]

SYSTEMS = "sassen_migration_systems"

# Receiving countries in the order the chapter discusses them: the United States and Japan, the
# old colonial powers, Western Europe's recruitment, and Italy, for which she names no tie.
RECEIVING_ORDER = ["United States", "Japan", "France", "England", "Netherlands", "Spain", "Western Europe", "Italy"]
# The kinds of tie, in the order of the data package's pattern.
TIE_KINDS = ["colonial", "investment", "military", "trade/aid", "recruitment", "regional dominance", "none stated"]
BASIS_ORDER = ["stated", "hedged", "implied", "none stated"]
# Shorter labels for the chart's axis only (the table keeps the essay's names). The two
# 'former colonial territories' rows are told apart by their receiving country.
SHORT = {
    "Southeast Asia (certain areas)": "Southeast Asia (some areas)",
    "newly industrialised countries of South and Southeast Asia": "Newly industrialised Asia",
    "South and Southeast Asia (much of)": "South and Southeast Asia (much of)",
    "Eastern Europe (some countries)": "Eastern Europe (some countries)",
    "former British territories": "Former British territories",
}
COLONIES = {"France": "Former French colonies", "Netherlands": "Former Dutch colonies"}
# Palette positions for the ties in chart order (blue, orange, green, pink, black, vermilion):
# black rather than sky blue for the fifth, so no two ties share a hue.
TIE_COLOURS = [0, 1, 2, 3, 7, 5]


# --------------------------------------------------------------------------- migration systems


def systems() -> pd.DataFrame:
    """The migration systems Sassen names, with a short axis label and the receiving order.

    Columns of the data file plus ``label`` (a short, unique name of the sending side) and
    ``order`` (position of the receiving country in :data:`RECEIVING_ORDER`).
    """
    frame = data.load(SYSTEMS)
    unknown = set(frame["receiving"]) - set(RECEIVING_ORDER)
    if unknown:
        raise ValueError(f"receiving countries missing from RECEIVING_ORDER: {sorted(unknown)}")
    label = [
        COLONIES.get(r, SHORT.get(s, s)) if s == "former colonial territories" else SHORT.get(s, s)
        for r, s in zip(frame["receiving"], frame["sending"])
    ]
    frame["label"] = [text[0].upper() + text[1:] for text in label]
    frame["order"] = frame["receiving"].map(RECEIVING_ORDER.index)
    return frame.sort_values(["order"], kind="stable").reset_index(drop=True)


def ties_long() -> pd.DataFrame:
    """One row per pair and kind of tie: a pair whose tie is 'investment; military' gives two rows."""
    frame = systems()
    frame["kind"] = frame["tie"].str.split("; ")
    return frame.explode("kind").reset_index(drop=True)


def tie_counts() -> pd.DataFrame:
    """Named pairs by receiving country and kind of tie (a pair counts once under each of its kinds),
    with the number of pairs in the last column and a total row."""
    long = ties_long()
    table = pd.crosstab(long["receiving"], long["kind"]).reindex(index=RECEIVING_ORDER, columns=TIE_KINDS, fill_value=0)
    table["pairs"] = systems().groupby("receiving").size().reindex(RECEIVING_ORDER)
    table.loc["all"] = table.sum()
    table.index.name, table.columns.name = "receiving", None
    return table


def tie_counts_text() -> str:
    """:func:`tie_counts` as short lines, one per receiving country, naming only the ties it has."""
    table = tie_counts()
    lines = []
    for receiving, row in table.iterrows():
        ties = ", ".join(f"{kind} {int(row[kind])}" for kind in TIE_KINDS if row[kind])
        head = f"{receiving:<15} {int(row['pairs']):>2} pair{'s' if row['pairs'] != 1 else ' '}: "
        lines.append(textwrap.fill(ties, width=78, initial_indent=head, subsequent_indent=" " * len(head)))
    return "\n".join(lines)


def systems_table():
    """The data file as a readable table: who receives from whom, the tie, whether she states it, and her point."""
    return tables.show(SYSTEMS, columns=["receiving", "sending", "tie", "tie_basis", "period", "note"])


def systems_chart() -> alt.Chart:
    """A map-free chart of the migration systems: one dot per pair she names, receiving country
    across, sending region down, coloured by the tie and shaped by whether she states it."""
    frame = systems()
    rows = list(dict.fromkeys(frame["label"]))
    tie_order = list(dict.fromkeys(frame.sort_values("order", kind="stable")["tie"]))
    chart = (
        alt.Chart(frame)
        .mark_point(filled=True, size=170, opacity=0.95)
        .encode(
            x=alt.X(
                "receiving:N",
                title="Receiving country or region",
                sort=RECEIVING_ORDER,
                axis=alt.Axis(labelAngle=-90, orient="top"),
            ),
            y=alt.Y("label:N", title="Sending country or region", sort=rows),
            color=alt.Color(
                "tie:N",
                title="Tie she names",
                sort=tie_order,
                scale=alt.Scale(domain=tie_order, range=[PALETTE[i] for i in TIE_COLOURS][: len(tie_order)]),
            ),
            shape=alt.Shape(
                "tie_basis:N",
                title="The tie is",
                sort=BASIS_ORDER,
                scale=alt.Scale(domain=BASIS_ORDER, range=["circle", "triangle-up", "cross"]),
            ),
            tooltip=["receiving", "sending", "tie", "tie_basis", "period", "note"],
        )
        .properties(width=260, height=alt.Step(19))
    )
    return titled(
        chart,
        "Each receiving country draws on its own zone: the migration systems Sassen names",
        data.source(SYSTEMS) + " One dot per named pair; her point about each is in the table above.",
    )


# --------------------------------------------------------------------------- bridges


def bridges_correlations() -> pd.Series:
    """Spearman's rank correlation between poverty (the wage gap) and the flow share, for each
    preset of the ``bridges`` model: 1 means poverty alone ranks the senders."""
    model = get("bridges")
    return pd.Series(
        {name: poverty_rank_correlation(model.run(name)) for name in model.presets},
        name="rank correlation",
    )


def correlation_curve(elasticities=(0.5, 1.0, 2.0), n: int = 17) -> pd.DataFrame:
    """The rank correlation with poverty as the strength of ties rises, for a few pulls of the wage gap."""
    model = get("bridges")
    grid = model.param("tie_strength").grid(n)
    rows = [
        {
            "tie_strength": g,
            "elasticity": f"pull of the wage gap {a:g}",
            "correlation": poverty_rank_correlation(model.run(tie_strength=g, wage_gap_elasticity=a)),
        }
        for a in elasticities
        for g in grid
    ]
    return pd.DataFrame(rows)


def correlation_chart() -> alt.Chart:
    """Line chart: how fast the rank correlation between poverty and emigration falls as ties matter more."""
    frame = correlation_curve()
    chart = lines_by(
        frame,
        alt.X("tie_strength:Q", title="Strength of ties (bridges model, per unit of tie)"),
        alt.Y("correlation:Q", title="Rank correlation of flow share with poverty", scale=alt.Scale(domain=[-1, 1])),
        "elasticity",
        tooltip=["elasticity", "tie_strength", alt.Tooltip("correlation:Q", format=".2f")],
        point=True,
    ).properties(height=240)
    rule = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#888").encode(y="y:Q")
    return titled(
        rule + chart,
        "The stronger the bridges, the less poverty predicts who emigrates",
        "Model: Who emigrates: poverty alone, or poverty and bridges; "
        "Spearman's rank correlation over eight hypothetical countries. Illustrative, not data.",
    )


# --------------------------------------------------------------------------- global city


def city_run(**overrides) -> tuple[dict, pd.DataFrame]:
    """The validated values and a wide table (year x tier) of one ``global_city`` run."""
    model = get("global_city")
    values = model.validate(**overrides)
    wide = model.run(**values).pivot(index="year", columns="tier", values="jobs")[list(gc.TIERS)]
    return values, wide


def induced_per_skilled(**overrides) -> float:
    """Local jobs induced per new skilled job over a run (:func:`widgets.models.global_city.induced_per_skilled`):
    the multiplier the model was given, read back from its output."""
    return gc.induced_per_skilled(**get("global_city").validate(**overrides))


SOURCES = {
    "direct": "direct: low-wage jobs in producer services",
    "consumption": "indirect: high-income consumption",
    "downgraded": "downgraded manufacturing",
    "all": "all new low-wage and informal jobs",
    "moved to informal": "of which moved to informal",
}


def low_wage_sources(**overrides) -> pd.DataFrame:
    """Where the growth in low-wage and informal jobs over a run comes from, by Sassen's processes
    (:func:`widgets.models.global_city.low_wage_sources`), checked against the run's own change.

    Rows: direct, consumption, downgraded manufacturing, their sum, and the jobs moved to informal
    (not added in: informalisation creates no jobs); ``jobs`` per 100 city jobs in year 0.
    """
    values, wide = city_run(**overrides)
    parts = gc.low_wage_sources(**values)
    low = wide["low wage (formal)"] + wide["informal"]
    change = float(low.iloc[-1] - low.iloc[0])
    if not np.isclose(parts["all"], change, rtol=1e-9, atol=1e-9):
        raise AssertionError(f"the parts {parts['all']} do not add up to the run's change {change}")
    return pd.DataFrame([(SOURCES[k], float(v)) for k, v in parts.items()], columns=["source", "jobs"])


def low_wage_sources_chart(**overrides) -> alt.Chart:
    """Bar chart of :func:`low_wage_sources`: the three channels that add low-wage jobs over a run."""
    values, _ = city_run(**overrides)
    frame = low_wage_sources(**overrides).iloc[:3]
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(
                "jobs:Q",
                title=f"Low-wage and informal jobs added over {values['years']} years (per 100 jobs in year 0)",
            ),
            y=alt.Y("source:N", title=None, sort=list(frame["source"])),
            color=alt.Color("source:N", legend=None, sort=list(frame["source"])),
            tooltip=["source", alt.Tooltip("jobs:Q", format=".1f")],
        )
        .properties(height=120)
    )
    return titled(
        chart,
        "Growth at the top makes jobs at the bottom: where the new low-wage jobs come from",
        "Model: The global city's jobs by wage tier at its default values; "
        "local multiplier 2.5 from Moretti (2010), outside the essays. Illustrative, not data.",
    )


def polarisation_ends(**overrides) -> tuple[float, float]:
    """Polarisation (share of jobs outside the middle tier) in the first and last year of a run."""
    share = polarisation(get("global_city").run(**overrides))["polarisation"]
    return float(share.iloc[0]), float(share.iloc[-1])


def polarisation_by_preset() -> pd.DataFrame:
    """Polarisation year by year under each preset of the ``global_city`` model (long form)."""
    model = get("global_city")
    frames = [polarisation(model.run(name)).assign(preset=name) for name in model.presets]
    return pd.concat(frames, ignore_index=True)


def polarisation_chart() -> alt.Chart:
    """Line chart of polarisation over time under each preset of the ``global_city`` model."""
    chart = lines_by(
        polarisation_by_preset(),
        alt.X("year:Q", title="Year"),
        alt.Y(
            "polarisation:Q",
            title="Share of jobs outside the middle tier",
            scale=alt.Scale(zero=False),
            axis=alt.Axis(format="%"),
        ),
        "preset",
        order=list(get("global_city").presets),
        tooltip=["preset", "year", alt.Tooltip("polarisation:Q", format=".1%")],
    ).properties(height=260)
    return titled(
        chart,
        "The middle thins out: polarisation under the model's presets",
        "Model: The global city's jobs by wage tier; polarisation = "
        "high-wage, low-wage and informal jobs over all jobs. Illustrative, not data.",
    )
