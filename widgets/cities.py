"""Part IV (Sassen) and Part V (synthesis): the migration systems chart, and summaries of the
``bridges``, ``global_city`` and ``pipeline`` models that the chapters print and draw.

Everything here reads the data package (:mod:`widgets.data`) or runs a registered model
(:mod:`widgets.models`); no number is typed in. Charts carry a title, a source line and a text
description (:func:`widgets.charts.titled`) and use the book's colour-blind-safe palette.
"""

from __future__ import annotations

import textwrap

import altair as alt
import numpy as np
import pandas as pd

from . import data
from .charts import PALETTE, titled
from .models import get
from .models import global_city as gc
from .models.bridges import poverty_rank_correlation
from .models.global_city import polarisation

SYSTEMS = "sassen_migration_systems"

# Receiving countries in the order the chapter discusses them: the United States and Japan, the
# old colonial powers, Western Europe's recruitment, and Italy, for which she names no tie.
RECEIVING_ORDER = ["United States", "Japan", "France", "England", "Netherlands", "Spain", "Western Europe", "Italy"]
# The kinds of tie, in the order of the data package's pattern.
TIE_KINDS = ["colonial", "investment", "military", "trade/aid", "recruitment", "regional dominance", "none stated"]
BASIS_ORDER = ["stated", "implied", "none stated"]
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
    """The data file as a readable table: who receives from whom, the tie, and whether she states it."""
    from . import tables

    return tables.show(SYSTEMS, columns=["receiving", "sending", "tie", "tie_basis", "period"])


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
                axis=alt.Axis(labelAngle=-40, orient="top"),
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
        data.source(SYSTEMS) + " One dot per named pair; hover for her point about it.",
    )


# --------------------------------------------------------------------------- bridges


def bridges_correlations() -> pd.Series:
    """Spearman's rank correlation between poverty (the wage gap) and the flow share, for each
    preset of the ``bridges`` model: 1 means poverty alone ranks the senders."""
    model = get("bridges")
    return pd.Series(
        {name: poverty_rank_correlation(model.run(**values)) for name, values in model.presets.items()},
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
    chart = (
        alt.Chart(frame)
        .mark_line(point=True, strokeWidth=2.5)
        .encode(
            x=alt.X("tie_strength:Q", title="Strength of ties (bridges model, per unit of tie)"),
            y=alt.Y(
                "correlation:Q", title="Rank correlation of flow share with poverty", scale=alt.Scale(domain=[-1, 1])
            ),
            color=alt.Color("elasticity:N", title=None),
            strokeDash=alt.StrokeDash("elasticity:N", title=None),
            tooltip=["elasticity", "tie_strength", alt.Tooltip("correlation:Q", format=".2f")],
        )
        .properties(height=240)
    )
    rule = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#888").encode(y="y:Q")
    return titled(
        rule + chart,
        "The stronger the bridges, the less poverty predicts who emigrates",
        "Model: Who emigrates: poverty alone, or poverty and bridges (widgets.models, 'bridges'); "
        "Spearman's rank correlation over eight hypothetical countries. Illustrative, not data.",
    )


# --------------------------------------------------------------------------- global city


def _producer_services(values: dict) -> np.ndarray:
    """Producer-services jobs year by year, P_t = P_0 (1 + g)^t, as in the global_city model."""
    t = np.arange(values["years"] + 1)
    return gc.PRODUCER_SERVICES_0 * (1 + values["services_growth"]) ** t


def city_run(**overrides) -> tuple[dict, pd.DataFrame]:
    """The validated values and a wide table (year x tier) of one ``global_city`` run."""
    model = get("global_city")
    values = model.validate(**overrides)
    wide = model.run(**values).pivot(index="year", columns="tier", values="jobs")[list(gc.TIERS)]
    return values, wide


def induced_per_skilled(**overrides) -> float:
    """Local jobs induced per new skilled producer-services job over a run, recovered from the output.

    All jobs at year T = 100 + new producer-services jobs + induced local jobs, so
    induced = total - 100 - (P_T - P_0); the new skilled jobs are (1 - d)(P_T - P_0).
    With the default multiplier this returns Moretti's 2.5.
    """
    values, wide = city_run(**overrides)
    new = _producer_services(values)[-1] - gc.PRODUCER_SERVICES_0
    if new == 0:
        raise ValueError("services_growth = 0 creates no new skilled jobs, so the ratio is undefined")
    induced = wide.sum(axis=1).iloc[-1] - 100 - new
    return float(induced / ((1 - gc.DIRECT_LOW_SHARE) * new))


def low_wage_sources(**overrides) -> pd.DataFrame:
    """Where the growth in low-wage and informal jobs over a run comes from, by Sassen's processes.

    Rows: direct (low-wage jobs inside producer services), consumption (the low-wage share of the
    local jobs that new skilled jobs induce), downgraded manufacturing, and the sum; ``jobs`` per 100
    city jobs in year 0. Informalisation moves jobs from the low-wage formal tier to the informal one
    and creates none, so it is reported as a separate row (``moved to informal``), not added in.
    The parts add up exactly to the run's change in low-wage formal plus informal jobs.
    """
    values, wide = city_run(**overrides)
    new = _producer_services(values)[-1] - gc.PRODUCER_SERVICES_0
    direct = gc.DIRECT_LOW_SHARE * new
    consumption = values["low_wage_share"] * values["multiplier"] * (1 - gc.DIRECT_LOW_SHARE) * new
    downgraded = gc.MANUFACTURING_0 * (1 - (1 - values["downgrading_rate"]) ** values["years"])
    low = wide["low wage (formal)"] + wide["informal"]
    change = float(low.iloc[-1] - low.iloc[0])
    parts = {
        "direct: low-wage jobs in producer services": direct,
        "indirect: high-income consumption": consumption,
        "downgraded manufacturing": downgraded,
    }
    if not np.isclose(sum(parts.values()), change, rtol=1e-9, atol=1e-9):
        raise AssertionError(f"the parts {sum(parts.values())} do not add up to the change {change}")
    moved = float(wide["informal"].iloc[-1] - wide["informal"].iloc[0])
    rows = [*parts.items(), ("all new low-wage and informal jobs", change), ("of which moved to informal", moved)]
    return pd.DataFrame(rows, columns=["source", "jobs"])


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
        "Model: The global city's jobs by wage tier (widgets.models, 'global_city') at its default values; "
        "local multiplier 2.5 from Moretti (2010), outside the essays. Illustrative, not data.",
    )


def polarisation_ends(**overrides) -> tuple[float, float]:
    """Polarisation (share of jobs outside the middle tier) in the first and last year of a run."""
    share = polarisation(get("global_city").run(**overrides))["polarisation"]
    return float(share.iloc[0]), float(share.iloc[-1])


def polarisation_by_preset() -> pd.DataFrame:
    """Polarisation year by year under each preset of the ``global_city`` model (long form)."""
    model = get("global_city")
    frames = [polarisation(model.run(**values)).assign(preset=name) for name, values in model.presets.items()]
    return pd.concat(frames, ignore_index=True)


def polarisation_chart() -> alt.Chart:
    """Line chart of polarisation over time under each preset of the ``global_city`` model."""
    frame = polarisation_by_preset()
    order = list(get("global_city").presets)
    chart = _lines_by_preset(
        frame,
        "polarisation",
        "Share of jobs outside the middle tier",
        order,
        alt.Scale(zero=False),
        axis_format="%",
        tooltip_format=".1%",
    )
    return titled(
        chart,
        "The middle thins out: polarisation under the model's presets",
        "Model: The global city's jobs by wage tier (widgets.models, 'global_city'); polarisation = "
        "high-wage, low-wage and informal jobs over all jobs. Illustrative, not data.",
    )


# --------------------------------------------------------------------------- pipeline

VILLAGE_SERIES = ["village: people at home", "village: remittances", "village: local income"]


def pipeline_presets() -> pd.DataFrame:
    """The ``pipeline`` model's presets side by side at the last year: the pull the city and the
    bridge give the village (out-migration rate, country share) and the village's state."""
    model = get("pipeline")
    rows = []
    for name, values in model.presets.items():
        run = model.run(**values)
        last = run[run["year"] == run["year"].max()].set_index("series")["index"]
        rows.append(
            {
                "preset": name,
                "country share": float(run["country_share"].iloc[0]),
                "out-migration rate": float(run["outmigration_rate"].iloc[0]),
                "city low-wage jobs": float(last["city: low-wage and informal jobs"]),
                **{s.removeprefix("village: "): float(last[s]) for s in VILLAGE_SERIES},
            }
        )
    return pd.DataFrame(rows).set_index("preset")


def pipeline_presets_chart(series: str = "village: people at home") -> alt.Chart:
    """One village series over time under each preset of the ``pipeline`` model."""
    model = get("pipeline")
    frame = model.run_presets()
    frame = frame[frame["series"] == series]
    order = list(model.presets)
    chart = _lines_by_preset(
        frame,
        "index",
        f"{series[0].upper() + series[1:]} (index, 100 at the start)",
        order,
        alt.Scale(domain=[0, 100]),
        tooltip_format=".1f",
    )
    return titled(
        chart,
        "Same city, same bridge: the border and the state decide what is left of the village",
        "Model: From the city's demand to the sending village (widgets.models, 'pipeline'), "
        "the three presets. Illustrative, not data.",
    )


def pipeline_presets_text() -> str:
    """:func:`pipeline_presets` as three short lines per preset, for a checked cell."""
    lines = []
    for preset, row in pipeline_presets().iterrows():
        lines += [
            preset,
            f"  country share {row['country share']:.3f}, out-migration {row['out-migration rate']:.3f} a year,"
            f" city low-wage jobs in year 30 {row['city low-wage jobs']:.1f}",
            f"  village in year 30: at home {row['people at home']:.1f}, remittances {row['remittances']:.1f},"
            f" local income {row['local income']:.1f}",
        ]
    return "\n".join(lines)


def _lines_by_preset(
    frame,
    y: str,
    y_title: str,
    order: list[str],
    scale: alt.Scale,
    axis_format: str | None = None,
    tooltip_format: str = ".1f",
) -> alt.Chart:
    """One line per model preset over the years, told apart by colour and dash."""
    return (
        alt.Chart(frame)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=alt.X("year:Q", title="Year"),
            y=alt.Y(
                f"{y}:Q",
                title=y_title,
                scale=scale,
                axis=alt.Axis(format=axis_format) if axis_format else alt.Undefined,
            ),
            # A scale domain, not `sort`, fixes the order: with `sort` Vega-Lite draws two legends.
            color=alt.Color("preset:N", title=None, scale=alt.Scale(domain=order)),
            strokeDash=alt.StrokeDash("preset:N", title=None, scale=alt.Scale(domain=order)),
            tooltip=["preset", "year", alt.Tooltip(f"{y}:Q", format=tooltip_format)],
        )
        .properties(height=260)
    )
