"""The debate (chapter 00): Portes's propositions and the tour of his Tables 1-4.

The tables' charts are drawn here once; the chapters of Parts II and III show them again where
they discuss a table (a chapter may use two parts' helpers; a part module imports none).

Every chart has a title, axis titles with units, a source line from ``data/datapackage.json``
and the book's colour-blind-safe palette (see :mod:`widgets.charts`).
"""

import altair as alt
import pandas as pd

from .. import data
from ..charts import PALETTE, titled

__all__ = [
    "KIND_ORDER",
    "propositions",
    "h1b_industries",
    "transnationalism_coefficients",
    "CENSUS_MEASURES",
    "census_indicators",
    "cils_indicators",
]

KIND_ORDER = ["agreed", "counterpoint", "less recognised"]


def propositions() -> alt.Chart:
    """Portes's eleven propositions as one dot each, grouped by list and labelled as in the table beside it."""
    frame = data.load("portes_propositions")
    frame["position"] = frame.groupby("kind").cumcount() + 1
    chart = (
        alt.Chart(frame)
        .mark_circle(size=500, opacity=0.9)
        .encode(
            x=alt.X("position:O", title="Proposition in the list (its text: the table)", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("kind:N", title=None, sort=KIND_ORDER),
            color=alt.Color("kind:N", sort=KIND_ORDER, legend=None),
            tooltip=["id", "kind", "statement"],
        )
        .properties(height=150, width=300)
    )
    labels = chart.mark_text(color="white", fontWeight="bold").encode(text="id", color=alt.value("white"))
    return titled(
        chart + labels,
        "Four agreed points, four counter-points, three less-recognised claims",
        data.source("portes_propositions"),
    )


def h1b_industries() -> alt.Chart:
    """Table 1: H-1B workers of 2002 in the six leading industries (a live notebook's tooltip adds the rest of the row)."""
    frame = data.load("portes_table1_h1b_2002")
    frame = frame[frame["row_type"] == "top six"]
    chart = (
        alt.Chart(frame)
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X("number:Q", title="H-1B workers in 2002 (persons)"),
            y=alt.Y("industry:N", title=None, sort="-x"),
            tooltip=[
                "industry",
                alt.Tooltip("number:Q", format=","),
                "percent_of_total",
                alt.Tooltip("median_income_usd:Q", title="median income (US$)", format=","),
                "masters_or_higher_pct",
                "leading_country",
                "leading_country_pct",
            ],
        )
        .properties(height=220)
    )
    return titled(
        chart,
        "Computer systems design employed a quarter of H-1B workers in 2002",
        data.source("portes_table1_h1b_2002"),
    )


def transnationalism_coefficients() -> alt.Chart:
    """Table 2: each printed coefficient as a dot, one panel per regression; missing cells are left out."""
    frame = data.load("portes_table2_transnationalism").dropna(subset=["coefficient"])
    frame["significant"] = frame["significance"].fillna("not marked")
    order = list(dict.fromkeys(data.load("portes_table2_transnationalism")["predictor"]))
    chart = (
        alt.Chart(frame)
        .mark_point(filled=True, size=90)
        .encode(
            x=alt.X("coefficient:Q", title="Coefficient"),
            y=alt.Y("predictor:N", title=None, sort=order),
            color=alt.Color("model:N", title="Form of activism"),
            shape=alt.Shape("model:N", title="Form of activism"),
            tooltip=["predictor", "model", "regression", "coefficient", "significance", "reported_effect"],
        )
        .properties(width=120, height=260)
    )
    # The zero line is labelled for screen readers (aria=False here trips a Vega-Lite 6.4 compile error).
    rule = alt.Chart().mark_rule(color="#888").encode(x=alt.datum(0), description=alt.value("zero"))
    layered = alt.layer(rule, chart, data=frame).facet(column=alt.Column("regression:N", title=None))
    return titled(
        layered,
        "Education and status raise transnational activism (Table 2 coefficients)",
        data.source("portes_table2_transnationalism"),
    )


def _indicators(frame, keep: list[str], measures: dict) -> pd.DataFrame:
    """One row per group and indicator, the indicator named by its label in ``measures``."""
    long = frame.melt(id_vars=keep, value_vars=list(measures), var_name="indicator", value_name="percent")
    long["indicator"] = long["indicator"].map(measures)
    return long


CENSUS_MEASURES = {
    "dropouts_25_39_pct": "Dropouts, age 25-39",
    "male_dropouts_25_39_pct": "Dropouts, males 25-39",
    "childbearing_f20_24_pct": "Mothers, women 20-24",
    "incarcerated_m18_39_pct": "Incarcerated, men 18-39",
}


def census_indicators() -> alt.Chart:
    """Table 3: four indicators by group, as dots on one scale (percent)."""
    frame = data.load("portes_table3_census2000")
    long = _indicators(frame, ["group", "parentage"], CENSUS_MEASURES)
    chart = (
        alt.Chart(long)
        .mark_point(filled=True, size=80)
        .encode(
            x=alt.X("percent:Q", title="Percent of the group"),
            y=alt.Y("group:N", title=None, sort=list(frame["group"])),
            color=alt.Color("indicator:N", title="Indicator"),
            shape=alt.Shape("indicator:N", title="Indicator"),
            tooltip=["group", "parentage", "indicator", "percent"],
        )
        .properties(height=260)
    )
    return titled(
        chart,
        "Second-generation Mexicans and Central Americans fare worst (US census 2000)",
        data.source("portes_table3_census2000"),
    )


CILS_MEASURES = {
    "inactive_hs_age17_pct": "Inactive in high school (age 17)",
    "had_child_f_age24_pct": "Had a child, women (age 24)",
    "incarcerated_m_age24_pct": "Incarcerated, men (age 24)",
}


def cils_indicators() -> alt.Chart:
    """Table 4: three CILS indicators by national origin, one bar panel each (percent)."""
    frame = data.load("portes_table4_cils")
    long = _indicators(frame, ["group", "row_type"], CILS_MEASURES)
    chart = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=alt.X("percent:Q", title="Percent"),
            y=alt.Y("group:N", title=None, sort=list(frame["group"])),
            color=alt.Color("row_type:N", title=None),
            tooltip=["group", "indicator", "percent"],
        )
        .properties(width=130, height=180)
        .facet(column=alt.Column("indicator:N", title=None, sort=list(CILS_MEASURES.values())))
    )
    return titled(chart, "The same gradient in San Diego's second generation (CILS)", data.source("portes_table4_cils"))
