"""Part III of the book (Portes on segmented assimilation): helpers of chapters 30 and 31.

Enforcement and the unauthorised population (row III.3, calibrated to Massey, Durand and Pren
2016), the pathways model (III.2), the text's claims about Tables 3 and 4 (III.4-III.5; wording
and thresholds are rows of ``data/essay_claims.csv``, see :mod:`widgets.claims`), census against
CILS, and Portes's conclusion across the book's models (III.7).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import claims, data, tables
from ..charts import PALETTE, titled
from ..claims import AGREES, DISAGREES
from ..models import get

__all__ = [
    "calibration",
    "pathway_shares",
    "table3_claims",
    "census_vs_cils",
    "spreads",
    "table4_claims",
    "census_vs_cils_chart",
    "synthesis_table",
    "show_synthesis",
]


def calibration(preset: str | None = None, **values) -> dict:
    """The enforcement stock-flow model against the outside figures it is calibrated to (Massey, Durand and Pren 2016).

    Returns the model's population in 1986 and 2008 (millions), the outside figures (millions),
    the fivefold growth of enforcement and the citation, so a chapter can print them side by side.
    """
    frame = get("enforcement_stock_flow").run(preset, **values)
    population = frame[frame["series"] == "unauthorised population"].set_index("year")["millions"]
    return {
        "model_1986": float(population.loc[1986]),
        "model_2008": float(population.loc[2008]),
        "outside_1986": data.outside("mdp_undocumented_1986") / 1e6,
        "outside_2008": data.outside("mdp_undocumented_2008") / 1e6,
        "enforcement_growth": data.outside("mdp_border_patrol_growth"),
        "citation": data.citation("mdp_undocumented_2008"),
        "returns_1986": float(frame[(frame["series"] == "returns") & (frame["year"] == 1986)]["millions"].iloc[0]),
        "returns_2008": float(frame[(frame["series"] == "returns") & (frame["year"] == 2008)]["millions"].iloc[0]),
    }


def pathway_shares(human_capital=(0.0, 1.0), preset: str | None = None, **values) -> pd.DataFrame:
    """Shares on each path (columns) for children of parents at the given human-capital levels (rows)."""
    frame = get("pathways").run(preset, **values)
    frame = frame[frame["human_capital"].round(6).isin([round(h, 6) for h in human_capital])]
    return frame.pivot(index="human_capital", columns="path", values="share")[["upward", "stagnant", "downward"]]


# --- Part III: claims of the text against Tables 3 and 4 -------------------------------------------

T3_NAMES = {
    "Mexican": "Mexican",
    "Guatemalan, Salvadoran": "Central American",
    "Chinese": "Chinese",
    "Indian": "Indian",
    "Korean": "Korean",
    "Filipino": "Filipino",
    "Non-Hispanic whites": "native white",
    "Non-Hispanic blacks": "native black",
}
ASIAN = ["Chinese", "Indian", "Korean", "Filipino"]
MEXICAN, CENTRAL, WHITES, BLACKS = "Mexican", "Guatemalan, Salvadoran", "Non-Hispanic whites", "Non-Hispanic blacks"


def _t3() -> pd.DataFrame:
    return data.load("portes_table3_census2000").set_index("group")


def _t4() -> pd.DataFrame:
    return data.load("portes_table4_cils").set_index("group")


def _dropouts_incarcerated_more():
    t3 = _t3()
    more = t3["incarcerated_male_dropouts_18_39_pct"] > t3["incarcerated_m18_39_pct"]
    text = "; ".join(
        f"{T3_NAMES[g]} {t3.loc[g, 'incarcerated_m18_39_pct']:.1f} -> "
        f"{t3.loc[g, 'incarcerated_male_dropouts_18_39_pct']:.1f}"
        for g in t3.index
    )
    return text, AGREES if more.all() else DISAGREES


def _only_blacks_worse():
    column = _t3()["incarcerated_male_dropouts_18_39_pct"]
    worse = column[column > column[MEXICAN]]
    text = f"Mexican {column[MEXICAN]:.1f}; above it: " + ", ".join(f"{T3_NAMES[g]} {v:.1f}" for g, v in worse.items())
    return text, AGREES if list(worse.index) == [BLACKS] else DISAGREES


def _comparable_to_blacks():
    """The values only: whether 16.4 and 25.3 are "comparable" to 18.2 is a reading, not a computation."""
    col = _t3()["childbearing_f20_24_pct"]
    text = (
        f"Central American {col[CENTRAL]:.1f}, Mexican {col[MEXICAN]:.1f}; native black {col[BLACKS]:.1f}; "
        f"but native white {col[WHITES]:.1f} too"
    )
    return text, None


def _lowest_is_chinese():
    col = _t4()["inactive_hs_age17_pct"]
    groups = col.drop("Totals")
    return (
        f"China, Taiwan {col['China, Taiwan']:.1f}; next lowest {groups.nsmallest(2).iloc[-1]:.1f}",
        AGREES if groups.idxmin() == "China, Taiwan" else DISAGREES,
    )


def _mexicans_above_quarter():
    col = _t4()["inactive_hs_age17_pct"]
    text = f"Mexico {col['Mexico']:.1f}; but Other Latin America {col['Other Latin America']:.1f} is higher"
    return text, AGREES if col["Mexico"] > 25 else DISAGREES


def _chinese_zero():
    row = _t4().loc["China, Taiwan"]
    text = f"had a child {row['had_child_f_age24_pct']:.1f}; incarcerated {row['incarcerated_m_age24_pct']:.1f}"
    return text, AGREES if row["had_child_f_age24_pct"] == 0 == row["incarcerated_m_age24_pct"] else DISAGREES


TABLE3_CHECKS = {
    "comparable_to_blacks": _comparable_to_blacks,
    "dropouts_incarcerated_more": _dropouts_incarcerated_more,
    "only_blacks_worse": _only_blacks_worse,
}


def table3_claims() -> list[claims.Claim]:
    """The text's claims about Table 3 (rows of ``data/essay_claims.csv``) with this part's checks."""
    return claims.from_data("Table 3", labels=T3_NAMES, checks=TABLE3_CHECKS)


CENSUS_CILS = {  # Table 3 group -> Table 4 group, for the second-generation groups both tables have
    MEXICAN: "Mexico",
    CENTRAL: "Other Latin America",
    "Chinese": "China, Taiwan",
    "Filipino": "Philippines",
}
CENSUS_CILS_MEASURES = [  # (label, Table 3 column, Table 4 column)
    ("school: dropouts 25-39 (census) / inactive at 17 (CILS)", "dropouts_25_39_pct", "inactive_hs_age17_pct"),
    ("mothers: women 20-24 (census) / women at 24 (CILS)", "childbearing_f20_24_pct", "had_child_f_age24_pct"),
    ("incarcerated: men 18-39 (census) / men at 24 (CILS)", "incarcerated_m18_39_pct", "incarcerated_m_age24_pct"),
]


def census_vs_cils() -> pd.DataFrame:
    """The four second-generation origins both tables share, on three roughly matching indicators (long form)."""
    t3, t4 = _t3(), _t4()
    rows = []
    for census, cils in CENSUS_CILS.items():
        for label, c3, c4 in CENSUS_CILS_MEASURES:
            rows.append(
                {
                    "origin": T3_NAMES[census],
                    "indicator": label,
                    "source": "census 2000 (Table 3)",
                    "percent": float(t3.loc[census, c3]),
                }
            )
            rows.append(
                {
                    "origin": T3_NAMES[census],
                    "indicator": label,
                    "source": "CILS, San Diego (Table 4)",
                    "percent": float(t4.loc[cils, c4]),
                }
            )
    return pd.DataFrame(rows)


def spreads() -> pd.DataFrame:
    """Highest minus lowest rate among the shared origins, per indicator, in each source (percentage points)."""
    frame = census_vs_cils()
    spread = frame.groupby(["indicator", "source"], sort=False)["percent"].agg(lambda s: s.max() - s.min())
    table = spread.unstack("source").round(1)
    table.index = [label.split(":")[0] for label in table.index]
    table.columns = [column.split(",")[0].split(" (")[0] for column in table.columns]
    table.index.name, table.columns.name = "indicator", "spread (points)"
    return table


def _wider_in_cils():
    table = spreads()
    census, cils = table.columns
    parts = [f"{label}: {table.loc[label, census]:.1f} vs {table.loc[label, cils]:.1f} points" for label in table.index]
    # The essay claims wider gaps for the indicators other than school inactivity.
    others = table.index[1:]
    wider = (table.loc[others, cils] > table.loc[others, census]).all()
    return "; ".join(parts), AGREES if wider else DISAGREES


def table4_claims() -> list[claims.Claim]:
    """The text's claims about Table 4 (rows of ``data/essay_claims.csv``) with this part's checks."""
    checks = {
        "lowest_is_chinese": _lowest_is_chinese,
        "mexicans_above_quarter": _mexicans_above_quarter,
        "wider_in_cils": _wider_in_cils,
        "chinese_zero": _chinese_zero,
    }
    return claims.from_data("Table 4", labels=T3_NAMES, checks=checks)


def census_vs_cils_chart() -> alt.Chart:
    """Census 2000 against CILS for the origins both tables share: the same ranking, wider gaps in CILS."""
    frame = census_vs_cils()
    order = [T3_NAMES[g] for g in CENSUS_CILS]
    chart = (
        alt.Chart(frame)
        .mark_point(filled=True, size=90)
        .encode(
            x=alt.X("percent:Q", title="Percent of the group"),
            y=alt.Y("origin:N", title=None, sort=order),
            color=alt.Color("source:N", title=None, scale=alt.Scale(range=[PALETTE[0], PALETTE[5]])),
            shape=alt.Shape("source:N", title=None),
            tooltip=["origin", "indicator", "source", "percent"],
        )
        .properties(width=380, height=110)
        .facet(
            row=alt.Row(
                "indicator:N",
                title=None,
                sort=[m[0] for m in CENSUS_CILS_MEASURES],
                header=alt.Header(
                    labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top", labelFontSize=12
                ),
            )
        )
    )
    return titled(
        chart,
        "Same ranking, wider gaps: the census (Table 3) and CILS (Table 4) compared",
        data.source("portes_table3_census2000")
        + " "
        + data.source("portes_table4_cils")
        + " The measures match only roughly (ages and places differ).",
    )


# --- Part III: the conclusion, across the book's models ------------------------------------------


def synthesis_table() -> pd.DataFrame:
    """One outcome per setting of four of the book's models, for Portes's conclusion (row III.7).

    Labour migration: the village model after 40 years (cyclical against family settlement, with and
    without a local jobs programme). Professional migration: brain circulation after 30 years
    (India-like against Mexico after NAFTA). Enforcement: the unauthorised population in 2008 with
    and without the build-up. Second generation: the downward share among children of the least
    educated parents, in a hostile and in a protected context of reception.
    """
    rows = []
    village = get("village")
    for preset in village.presets:
        run = village.run(preset)
        last = run[run["year"] == run["year"].max()].set_index("series")["value"]
        question = "labour migration: village after 40 years (model village)"
        rows.append((question, preset, "adults at home (of 100)", last["population at home"]))
        rows.append((question, preset, "local income (100 = start)", last["local income"]))
    circulation = get("brain_circulation")
    for preset in ["India-like (strong institutions)", "Mexico after NAFTA (weakened institutions)"]:
        run = circulation.run(preset)
        last = run[run["year"] == run["year"].max()].set_index("series")["professionals"]
        question = "professionals: brain circulation after 30 years"
        rows.append((question, preset, "returned home (of 1,000)", last["returned home"]))
        rows.append(
            (
                question,
                preset,
                "knowledge transfers (returnee-equivalents)",
                last["knowledge transfers (returnee-equivalents)"],
            )
        )
    for preset in ["calibrated (3 to 12 million)", "no build-up of enforcement"]:
        question = "enforcement: unauthorised population in 2008"
        rows.append((question, preset, "millions", calibration(preset)["model_2008"]))
    for preset in ["unauthorised labour migrants, hostile context", "legal, protected reception"]:
        down = 100 * pathway_shares(preset=preset).loc[0.0, "downward"]
        rows.append(("second generation: children of the least educated", preset, "downward path (%)", down))
    return pd.DataFrame(rows, columns=["question", "setting", "outcome", "value"])


def show_synthesis() -> pd.io.formats.style.Styler:
    """:func:`synthesis_table` as a readable table."""
    frame = synthesis_table().rename(
        columns={"question": "Question (model)", "setting": "Setting (preset)", "outcome": "Outcome", "value": "Value"}
    )
    return tables.styled(
        frame,
        "Computed from the book's models at their presets. Illustrative, not data.",
        "synthesis",
    )
