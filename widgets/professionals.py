"""Parts II and III of the book (Portes on professional migration and on segmented assimilation).

Charts, concept diagrams, recomputations and text-against-table checks used by the chapters
``chapters/20_*``, ``21_*``, ``30_*`` and ``31_*``. Every number comes from ``data/`` through
:mod:`widgets.data` or from a registered model; nothing is retyped here except the thresholds
that the essay's own words state ("less than 3 percent", "quadruples"), which belong to the
claims being checked and are kept beside the seed line where the essay makes them.

The central reusable piece is :class:`Claim` with :func:`check_claims` and :func:`show_claims`:
a claim of the essay's text, the table values it rests on, and a verdict computed from the data.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd
from IPython.display import HTML

from . import data, diagrams
from .charts import PALETTE, titled
from .models import get
from .models.transnational_effects import logit_change, percent_change

# --- Part II: the H-1B programme ------------------------------------------------------------


def h1b_numbers() -> dict:
    """Key numbers of the H-1B programme as the essay gives them, and what follows from them.

    Returns a dict with the first and last caps, their ratio, 2003 permits, the renewal share and
    the implied number of new permits, and each top source's permits and share of all 2003 permits.
    """
    caps = data.load("h1b_caps").set_index("year")["cap"]
    sources = data.load("h1b_sources_2003").set_index("country")["permits"]
    total = data.number("h1b_permits_2003")
    renewals = data.number("h1b_renewal_share_2003")
    return {
        "first_year": int(caps.index.min()),
        "first_cap": int(caps.iloc[0]),
        "last_year": int(caps.index.max()),
        "last_cap": int(caps.iloc[-1]),
        "cap_ratio": float(caps.iloc[-1] / caps.iloc[0]),
        "permits_2003": total,
        "renewal_share": renewals,
        "new_permits_2003": total * (1 - renewals),
        "sources": {c: int(n) for c, n in sources.items()},
        "source_shares": {c: 100 * n / total for c, n in sources.items()},
        "top_five_share": 100 * sources.sum() / total,
        "max_stay": data.number("h1b_max_stay_years"),
        "permit_years": data.number("h1b_permit_years"),
        "renewal_years": data.number("h1b_renewal_years"),
    }


def h1b_caps_chart() -> alt.Chart:
    """The H-1B ceiling in each year the essay names (bars labelled with the cap)."""
    frame = data.load("h1b_caps")
    frame["label"] = frame["cap"].map("{:,}".format)
    base = alt.Chart(frame).encode(
        x=alt.X("year:O", title="Year the ceiling was set", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("cap:Q", title="Authorised yearly ceiling (H-1B visas)"),
        tooltip=["year:O", alt.Tooltip("cap:Q", format=","), "change"],
    )
    bars = base.mark_bar(color=PALETTE[0], width=60)
    labels = base.mark_text(dy=-8, fontSize=12).encode(text="label:N")
    return titled(
        (bars + labels).properties(height=240, width=360),
        "The H-1B ceiling tripled between 1990 and 2002",
        data.source("h1b_caps"),
    )


def h1b_sources_chart() -> alt.Chart:
    """The five leading sources of H-1B permits in 2003, each bar labelled with its share of all permits."""
    frame = data.load("h1b_sources_2003")
    total = data.number("h1b_permits_2003")
    frame["share"] = 100 * frame["permits"].astype(float) / total
    frame["label"] = frame["share"].map("{:.1f}% of all".format)
    base = alt.Chart(frame).encode(
        y=alt.Y("country:N", title=None, sort="-x"),
        x=alt.X("permits:Q", title=f"H-1B permits issued in 2003 (of {total:,} in all)"),
        tooltip=[
            "country",
            alt.Tooltip("permits:Q", format=","),
            alt.Tooltip("share:Q", format=".1f", title="share of all permits (%)"),
        ],
    )
    bars = base.mark_bar(color=PALETTE[0])
    labels = base.mark_text(align="left", dx=4, fontSize=12).encode(text="label:N")
    return titled(
        (bars + labels).properties(height=180, width=340),
        "India alone received a fifth of the H-1B permits of 2003",
        data.source("h1b_sources_2003"),
    )


def table1_shares() -> pd.DataFrame:
    """Table 1's 'percent of total' recomputed from its counts: printed, recomputed, and whether they agree."""
    t1 = data.load("portes_table1_h1b_2002")
    total = int(t1.loc[t1["row_type"] == "all", "number"].iloc[0])
    top = t1[t1["row_type"] == "top six"]
    recomputed = (100 * top["number"].astype(float) / total).round(1)
    return pd.DataFrame(
        {
            "industry": top["industry"].to_numpy(dtype=object),
            "number": top["number"].to_numpy(dtype=int),
            "total": total,
            "printed": top["percent_of_total"].to_numpy(dtype=float),
            "recomputed": recomputed.to_numpy(dtype=float),
            "agrees": (recomputed.to_numpy(dtype=float) == top["percent_of_total"].to_numpy(dtype=float)),
        }
    )


def _nudged(frame: pd.DataFrame, column: str, gap: float) -> pd.DataFrame:
    """A copy with ``label_y``: ``column`` pushed apart where neighbouring values are closer than ``gap``."""
    frame = frame.sort_values(column).copy()
    values = frame[column].astype(float).to_numpy()
    labels = values.copy()
    for i in range(1, len(values)):
        if labels[i] - labels[i - 1] < gap:
            middle = (values[i] + values[i - 1]) / 2
            labels[i - 1], labels[i] = middle - gap / 2, middle + gap / 2
    frame["label_y"] = labels
    return frame


def table1_income_education() -> alt.Chart:
    """Table 1: median income against the share with a master's degree or more, one labelled dot per industry."""
    frame = data.load("portes_table1_h1b_2002")
    frame = frame[frame["row_type"] == "top six"]
    base = alt.Chart(frame).encode(
        x=alt.X(
            "masters_or_higher_pct:Q",
            title="Workers with a master's degree or higher (%)",
            scale=alt.Scale(domain=[0, 100]),
        ),
        y=alt.Y("median_income_usd:Q", title="Median income (US$ a year)", scale=alt.Scale(zero=False)),
        tooltip=[
            "industry",
            alt.Tooltip("median_income_usd:Q", format=",", title="median income (US$)"),
            alt.Tooltip("masters_or_higher_pct:Q", title="master's or higher (%)"),
            "leading_country",
            alt.Tooltip("leading_country_pct:Q", title="leading country (%)"),
        ],
    )
    dots = base.mark_circle(size=140, color=PALETTE[0])
    labels = (
        alt.Chart(_nudged(frame, "median_income_usd", 1500))
        .mark_text(align="left", dx=9, fontSize=11)
        .encode(x="masters_or_higher_pct:Q", y="label_y:Q", text="industry:N")
    )
    return titled(
        (dots + labels).properties(height=260, width=300),
        "The best-educated H-1B workers (universities) earned the least",
        data.source("portes_table1_h1b_2002"),
    )


# --- Part II: the brain drain's determinants ----------------------------------------------


def _with_heads(figure: HTML, heads: list[str]) -> HTML:
    """Add a row of column headings under a diagram's caption (same classes as diagrams.stages)."""
    cells = "".join(f'<div class="diagram-head">{h}</div>' for h in heads)
    row = f'<div class="diagram-row" style="grid-template-columns: repeat({len(heads)}, 1fr)">{cells}</div>'
    return HTML(figure.data.replace("</figcaption>", "</figcaption>" + row, 1))


def figure2() -> HTML:
    """Portes's Figure 2 (determinants of the brain drain) redrawn: sending and receiving sides converge."""
    steps = [
        [
            "Mid-income countries that want their own professionals copy advanced training from abroad.",
            "Scientific advances and advanced professional training spread abroad through official "
            "programmes and private initiatives.",
        ],
        [
            "Students learn the practices, and the expectations, of professionals in the rich countries.",
            "Growth driven by innovation, and demand for advanced services, leave skilled fields short of people.",
        ],
        [
            "At home, posts that allow advanced practice and a career are few: relative deprivation "
            "against colleagues at home and peers abroad.",
            "Governments, firms and universities look abroad to fill the gap.",
        ],
        [
            "Professionals shut out of the scarce good posts at home seek their remedy abroad.",
            "Recruiters turn to the countries whose training already matches their own.",
        ],
        "Professional migration begins.",
    ]
    figure = diagrams.chain(
        "Figure 2 redrawn: what drives the brain drain",
        steps,
        note="After Portes, Figure 2 (Determinants of the Brain Drain), in the book's words. "
        "Read each column downwards; the two sides meet in the last box.",
    )
    return _with_heads(figure, ["Sending countries", "Receiving countries"])


def decision_summary(preset: str | None = None, **values) -> dict:
    """Where emigration peaks in the professional-decision model, and the largest share of a cohort that leaves.

    ``preset`` names one of the model's presets; ``values`` override it and the defaults. Returns the income level with most emigrants, that
    number, the largest emigrating share of those trained at any income level, and emigrants at
    the poorest and richest non-zero income levels.
    """
    model = get("professional_decision")
    frame = model.run(**{**(model.presets[preset] if preset else {}), **values})
    wide = frame.pivot(index="income", columns="group", values="professionals")
    emigrants = wide["emigrate"]
    trained = wide.sum(axis=1)
    share = (emigrants / trained.where(trained > 0)).fillna(0.0)
    return {
        "peak_income": float(emigrants.idxmax()),
        "peak_emigrants": float(emigrants.max()),
        "max_share": float(share.max()),
        "emigrants": emigrants,
    }


# --- Part II: Table 2 --------------------------------------------------------------------------


def table2_wide() -> pd.io.formats.style.Styler:
    """Table 2 laid out as in the essay: one row per predictor, coefficient (with its stars) and effect per model.

    Coefficients keep their three printed decimals and effects their printed form; a dash is a
    blank in the source (predictor not in that regression, or effect not significant).
    """
    t2 = data.load("portes_table2_transnationalism")

    def coefficient(row):
        if pd.isna(row["coefficient"]):
            return "–"
        stars = "" if pd.isna(row["significance"]) else row["significance"]
        return f"{row['coefficient']:.3f}{stars}"

    def effect(row):  # as printed: net probabilities with two or three decimals, percents with one
        value = row["reported_effect"]
        if pd.isna(value):
            return "–"
        if row["model"] == "political":
            return f"{value:.1f}"
        return f"{value:.2f}" if round(value, 2) == value else f"{value:.3f}"

    t2["b"] = t2.apply(coefficient, axis=1)
    t2["effect"] = t2.apply(effect, axis=1)
    order = list(dict.fromkeys(t2["predictor"]))
    wide = t2.pivot(index="predictor", columns="model", values=["b", "effect"]).reindex(order)
    frame = pd.DataFrame(
        {
            "Predictor": order,
            "Economic: b": wide[("b", "economic")].to_numpy(),
            "Economic: change in net prob.": wide[("effect", "economic")].to_numpy(),
            "Political: b": wide[("b", "political")].to_numpy(),
            "Political: % change": wide[("effect", "political")].to_numpy(),
            "Socio-cultural: b": wide[("b", "sociocultural")].to_numpy(),
        }
    )
    caption = (
        "Economic: logit; political: negative binomial; socio-cultural: ordered logit; b: coefficient "
        "with its significance stars as printed. "
        + data.source("portes_table2_transnationalism")
        + " Notes: "
        + " ".join(data.notes("portes_table2_transnationalism"))
    )
    return _styled(frame, caption, "table2-wide")


def rounding_interval(b: float, decimals: int = 3, printed_decimals: int = 1) -> tuple[float, float]:
    """The range of 100 (e^b - 1) that a coefficient printed as ``b`` allows, widened for rounding the percent.

    A coefficient printed with three decimals may be anything within half a unit of the last
    decimal; the percent is then rounded to one decimal.
    """
    half_b, half_p = 0.5 * 10**-decimals, 0.5 * 10**-printed_decimals
    return float(percent_change(b - half_b)) - half_p, float(percent_change(b + half_b)) + half_p


def table2_percent_check() -> pd.DataFrame:
    """Every cell of Table 2 with a printed percent change (political model), recomputed as 100 (e^b - 1).

    Columns: predictor, coefficient, printed, recomputed (one decimal), low and high (what rounding
    of the printed coefficient allows) and a verdict: 'same', 'within rounding of b' or 'outside rounding'.
    """
    t2 = data.load("portes_table2_transnationalism")
    cells = t2[(t2["model"] == "political") & t2["coefficient"].notna() & t2["reported_effect"].notna()]
    rows = []
    for _, cell in cells.iterrows():
        b, printed = float(cell["coefficient"]), float(cell["reported_effect"])
        recomputed = round(float(percent_change(b)), 1)
        low, high = rounding_interval(b)
        verdict = (
            "same"
            if recomputed == printed
            else "within rounding of b"
            if low <= printed <= high
            else "outside rounding"
        )
        rows.append(
            {
                "predictor": cell["predictor"],
                "coefficient": b,
                "printed": printed,
                "recomputed": recomputed,
                "low": round(low, 2),
                "high": round(high, 2),
                "verdict": verdict,
            }
        )
    return pd.DataFrame(rows)


def percent_curve_chart() -> alt.Chart:
    """The curve 100 (e^b - 1) with Table 2's printed political percent changes on it, and the line 100 b."""
    b = np.round(np.linspace(-0.2, 1.4, 81), 3)
    curve = pd.DataFrame(
        {
            "coefficient": np.concatenate([b, b]),
            "percent": np.concatenate([percent_change(b), 100 * b]),
            "rule": ["exact: 100 (e^b - 1)"] * len(b) + ["rough rule: 100 b"] * len(b),
        }
    )
    cells = table2_percent_check()
    lines = (
        alt.Chart(curve)
        .mark_line(strokeWidth=2)
        .encode(
            x=alt.X("coefficient:Q", title="Coefficient b (negative binomial)"),
            y=alt.Y("percent:Q", title="Percent change in expected activities"),
            color=alt.Color("rule:N", title=None, scale=alt.Scale(range=[PALETTE[0], "#888888"])),
            strokeDash=alt.StrokeDash("rule:N", title=None, scale=alt.Scale(range=[[1, 0], [5, 4]])),
        )
    )
    points = (
        alt.Chart(cells)
        .mark_point(filled=True, size=90, color=PALETTE[5], shape="diamond")
        .encode(
            x="coefficient:Q",
            y=alt.Y("printed:Q"),
            tooltip=[
                "predictor",
                "coefficient",
                alt.Tooltip("printed:Q", title="printed (%)"),
                alt.Tooltip("recomputed:Q", title="100 (e^b - 1) (%)"),
                "verdict",
            ],
        )
    )
    # Small coefficients crowd the origin: label only the large ones (the table beside the chart lists all).
    labels = (
        alt.Chart(cells[cells["printed"].abs() >= 30])
        .mark_text(align="left", dx=8, dy=-6, fontSize=11, color="#333")
        .encode(x="coefficient:Q", y="printed:Q", text="predictor:N")
    )
    return titled(
        (lines + points + labels).properties(height=300),
        "Table 2's percent changes lie on the curve 100 (e^b - 1), not on 100 b",
        "Diamonds: the political model's printed percent changes. " + data.source("portes_table2_transnationalism"),
    )


def economic_effects() -> pd.DataFrame:
    """Table 2's economic (logit) cells with a printed change in net probability, and what each implies.

    For a logit, the change in probability for a small rise in a predictor is about b p (1 - p),
    so printed change / b estimates p (1 - p) at the point where the authors evaluated it. The
    column ``implied_p`` solves p (1 - p) = |change / b| for the root below one half.
    """
    t2 = data.load("portes_table2_transnationalism")
    cells = t2[(t2["model"] == "economic") & t2["coefficient"].notna() & t2["reported_effect"].notna()]
    b = cells["coefficient"].to_numpy(dtype=float)
    change = cells["reported_effect"].to_numpy(dtype=float)
    factor = change / b
    implied = (1 - np.sqrt(np.clip(1 - 4 * np.abs(factor), 0, None))) / 2
    return pd.DataFrame(
        {
            "predictor": cells["predictor"].to_numpy(dtype=object),
            "coefficient": b,
            "printed_change": change,
            "change_over_b": factor.round(3),
            "implied_p": implied.round(3),
            "same_sign": np.sign(b) == np.sign(change),
        }
    )


def logit_explorer() -> alt.Chart:
    """An in-page explorer of Table 2's economic (logit) column: what each coefficient means in probability.

    A slider picks the baseline probability of being a transnational entrepreneur; bars show, for
    each predictor with a coefficient, the change in probability for one unit more (exact, from
    the shared model's :func:`~widgets.models.transnational_effects.logit_change`) and the slope
    b p (1 - p) that a "change in net probability" usually reports; diamonds mark the changes the
    table prints. The baselines run over a grid, as in :func:`widgets.explorer.explorer`.
    """
    t2 = data.load("portes_table2_transnationalism")
    cells = t2[(t2["model"] == "economic") & t2["coefficient"].notna()]
    b = cells["coefficient"].to_numpy(dtype=float)
    names = cells["predictor"].to_numpy(dtype=object)
    grid = np.round(np.arange(0.02, 0.5001, 0.02), 2)
    rows = []
    for p in grid:
        for name, coef, change in zip(names, b, logit_change(b, p)):
            rows.append(
                {
                    "baseline": p,
                    "predictor": name,
                    "measure": "exact change for one unit more",
                    "points": 100 * float(change),
                }
            )
            rows.append(
                {"baseline": p, "predictor": name, "measure": "slope b p (1 - p)", "points": 100 * coef * p * (1 - p)}
            )
    frame = pd.DataFrame(rows).round(4)
    printed = cells.dropna(subset=["reported_effect"])
    marks = pd.DataFrame(
        {
            "predictor": printed["predictor"].to_numpy(dtype=object),
            "points": 100 * printed["reported_effect"].to_numpy(dtype=float),
        }
    )
    order = list(names)
    slider = alt.param(
        name="baseline",
        value=0.1,
        bind=alt.binding_range(
            min=float(grid[0]),
            max=float(grid[-1]),
            step=0.02,
            name="Baseline chance of being a transnational entrepreneur ",
        ),
    )
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("predictor:N", title=None, sort=order),
            yOffset=alt.YOffset("measure:N"),
            x=alt.X("points:Q", title="Change in probability (percentage points)", scale=alt.Scale(domain=[-10, 30])),
            color=alt.Color("measure:N", title=None, scale=alt.Scale(range=[PALETTE[0], PALETTE[4]])),
            tooltip=["predictor", "measure", alt.Tooltip("points:Q", format=".2f"), "baseline"],
        )
        .add_params(slider)
        .transform_filter("abs(datum.baseline - baseline) < 0.01")
    )
    diamonds = (
        alt.Chart(marks)
        .mark_point(shape="diamond", filled=True, size=110, color=PALETTE[5])
        .encode(
            y=alt.Y("predictor:N", sort=order),
            x="points:Q",
            tooltip=["predictor", alt.Tooltip("points:Q", title="printed change (percentage points)")],
        )
    )
    rule = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#888").encode(x="x:Q")
    return titled(
        (rule + bars + diamonds).properties(height=300, width=340),
        "What a logit coefficient means in probability depends on where you start",
        "Bars: computed from Table 2's economic coefficients; diamonds: the changes in net "
        "probability the table prints. " + data.source("portes_table2_transnationalism"),
    )


def logit_sign(b: float, baselines=None) -> tuple[float, float]:
    """Smallest and largest change in probability a logit coefficient ``b`` gives for one unit, over baselines."""
    p = np.linspace(0.01, 0.99, 99) if baselines is None else np.asarray(baselines, dtype=float)
    changes = logit_change(b, p)
    return float(changes.min()), float(changes.max())


# --- Part II: brain circulation -----------------------------------------------------------------


def circulation_compare(presets: list[str] | None = None, year: int | None = None, **values) -> pd.DataFrame:
    """The brain-circulation model's stocks in one year under each preset (rows) and series (columns)."""
    model = get("brain_circulation")
    presets = presets or list(model.presets)[:2]
    rows = {}
    for name in presets:
        frame = model.run(**{**values, **model.presets[name]})
        last = frame["year"].max() if year is None else year
        rows[name] = frame[frame["year"] == last].set_index("series")["professionals"]
    return pd.DataFrame(rows).T


# --- Part III: enforcement -----------------------------------------------------------------------


def figure3() -> HTML:
    """Portes's Figure 3 (border control and its unexpected consequences) redrawn, with the text's mechanism."""
    steps = [
        [
            "Latin America: migrants' motives, their networks and a migration industry of smugglers, "
            "forgers and agents keep people coming.",
            "United States: employers want the labour, while the state tries to stop the flow with ever "
            "more border enforcement.",
        ],
        "Going home and coming back becomes costly and dangerous, so migrants stop circulating "
        "and bring their families instead (the mechanism the text describes).",
        "An unauthorised population settles in the United States under conditions of severe disadvantage.",
        "Its children face a rising risk of downward assimilation: deviant lifestyles, lasting poverty, prison.",
    ]
    figure = diagrams.chain(
        "Figure 3 redrawn: border control and its unexpected consequences",
        steps,
        note="After Portes, Figure 3, itself from Portes and DeWind (2004: 841), in the book's "
        "words. The original has three boxes (enforcement, the unauthorised population, "
        "downward assimilation) across the border; the first row and the second box "
        "spell out what the essay's text says about them.",
    )
    return _with_heads(figure, ["Sending side", "Receiving side"])


def calibration(**values) -> dict:
    """The enforcement stock-flow model against the outside figures it is calibrated to (Massey, Durand and Pren 2016).

    Returns the model's population in 1986 and 2008 (millions), the outside figures (millions),
    the fivefold growth of enforcement and the citation, so a chapter can print them side by side.
    """
    frame = get("enforcement_stock_flow").run(**values)
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
    model = get("pathways")
    settings = {**(model.presets[preset] if preset else {}), **values}
    frame = model.run(**settings)
    frame = frame[frame["human_capital"].round(6).isin([round(h, 6) for h in human_capital])]
    return frame.pivot(index="human_capital", columns="path", values="share")[["upward", "stagnant", "downward"]]


# --- Part III: claims of the text against Tables 3 and 4 -------------------------------------------

AGREES = "agrees"
ROUNDED = "agrees within rounding"
DISAGREES = "disagrees"
WORDING = "wording differs"
VERDICT_MARK = {
    AGREES: "✓ agrees",
    ROUNDED: "≈ agrees within rounding",
    DISAGREES: "✗ disagrees",
    WORDING: "≠ wording differs",
}

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


@dataclass(frozen=True)
class Claim:
    """One statement of the essay's text about a table, and how to check it against the data.

    ``claim`` restates it in the book's words (the essay's key word in quotes); ``seed_line`` is
    where the essay makes it; ``check`` returns ``(table values as text, verdict)`` with a verdict
    from AGREES, ROUNDED, DISAGREES or WORDING.
    """

    table: str
    claim: str
    seed_line: int
    check: Callable[[], tuple[str, str]]


def _t3() -> pd.DataFrame:
    return data.load("portes_table3_census2000").set_index("group")


def _t4() -> pd.DataFrame:
    return data.load("portes_table4_cils").set_index("group")


def _ratio_claim(column: str, groups: list[str], against: list[str], factor: float, names=T3_NAMES):
    """Check 'groups' rates are at least ``factor`` times each of the 'against' rates in Table 3's ``column``."""

    def check():
        t3 = _t3()
        parts, ok = [], True
        for g in groups:
            for a in against:
                ratio = t3.loc[g, column] / t3.loc[a, column]
                ok &= ratio >= factor
                parts.append(
                    f"{names[g]} / {names[a]}: {t3.loc[g, column]:.1f} / {t3.loc[a, column]:.1f} = {ratio:.2f}"
                )
        return "; ".join(parts), AGREES if ok else DISAGREES

    return check


def whole_percent_verdict(actual: float, stated: float) -> str:
    """AGREES if the text gives the table's value, ROUNDED if within half a point of it, else DISAGREES.

    Half a point is what rounding to a whole percent allows; a text that cuts off a decimal of .6
    or more (5.8 given as 5, 172.7 as 172) states a number the table's value does not round to.
    """
    if math.isclose(actual, stated, abs_tol=1e-9):
        return AGREES
    return ROUNDED if abs(actual - stated) <= 0.5 + 1e-9 else DISAGREES


def _worst(verdicts: list[str]) -> str:
    order = [AGREES, ROUNDED, WORDING, DISAGREES]
    return max(verdicts, key=order.index)


def _stated_claim(frame: Callable[[], pd.DataFrame], column: str, stated: dict[str, float], names=T3_NAMES):
    """Check values the text states (whole percents or as printed): see :func:`whole_percent_verdict`."""

    def check():
        table = frame()
        parts, verdicts = [], []
        for group, value in stated.items():
            actual = float(table.loc[group, column])
            verdicts.append(whole_percent_verdict(actual, value))
            rounded = f", rounds to {round(actual)}" if verdicts[-1] == DISAGREES else ""
            parts.append(f"{names.get(group, group)} {actual:.1f} (text: {value:g}{rounded})")
        return "; ".join(parts), _worst(verdicts)

    return check


def _bound_claim(column: str, groups: list[str], below: float, names=T3_NAMES):
    """Check every group's rate in Table 3's ``column`` is below ``below``; list those that are not."""

    def check():
        t3 = _t3()
        values = t3.loc[groups, column]
        text = "; ".join(f"{names[g]} {v:.1f}" for g, v in values.items())
        return text, AGREES if (values < below).all() else DISAGREES

    return check


def _range_claim(
    frame: Callable[[], pd.DataFrame],
    column: str,
    groups: list[str],
    low: float,
    high: float,
    names=T3_NAMES,
    low_inclusive=True,
):
    def check():
        values = frame().loc[groups, column]
        text = "; ".join(f"{names.get(g, g)} {v:.1f}" for g, v in values.items())
        inside = ((values >= low) if low_inclusive else (values > low)) & (values < high)
        return text, AGREES if inside.all() else DISAGREES

    return check


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
    col = _t3()["childbearing_f20_24_pct"]
    text = (
        f"Central American {col[CENTRAL]:.1f}, Mexican {col[MEXICAN]:.1f}; native black {col[BLACKS]:.1f}; "
        f"but native white {col[WHITES]:.1f} too"
    )
    return text, AGREES


TABLE3_CLAIMS = [
    Claim(
        "Table 3",
        'Close to "one-fourth" of US-born Mexicans and Central Americans aged 25-39 drop out',
        1009,
        _range_claim(_t3, "dropouts_25_39_pct", [MEXICAN, CENTRAL], 20, 25),
    ),
    Claim(
        "Table 3",
        'That rate "more than doubles" native whites\'',
        1011,
        _ratio_claim("dropouts_25_39_pct", [MEXICAN, CENTRAL], [WHITES], 2),
    ),
    Claim(
        "Table 3",
        '... and "quadruples" every second-generation Asian group\'s (Mexicans)',
        1013,
        _ratio_claim("dropouts_25_39_pct", [MEXICAN], ASIAN, 4),
    ),
    Claim(
        "Table 3",
        '... and "quadruples" every second-generation Asian group\'s (Central Americans)',
        1013,
        _ratio_claim("dropouts_25_39_pct", [CENTRAL], ASIAN, 4),
    ),
    Claim(
        "Table 3",
        'Male dropouts: "approaching half" of young Mexican men',
        1017,
        _range_claim(_t3, "male_dropouts_25_39_pct", [MEXICAN], 40, 50),
    ),
    Claim(
        "Table 3",
        'Male dropouts: "surpassing half" of Central American men',
        1019,
        _range_claim(_t3, "male_dropouts_25_39_pct", [CENTRAL], 50, 100, low_inclusive=False),
    ),
    Claim(
        "Table 3",
        'The Central American male rate "quintuples" native whites\'',
        1019,
        _ratio_claim("male_dropouts_25_39_pct", [CENTRAL], [WHITES], 5),
    ),
    Claim(
        "Table 3",
        "Mothers aged 15-19: 5 percent of Mexican, 0.4 of Chinese, 0.2 of Korean",
        1022,
        _stated_claim(_t3, "childbearing_f15_19_pct", {MEXICAN: 5, "Chinese": 0.4, "Korean": 0.2}),
    ),
    Claim(
        "Table 3",
        "Mothers aged 20-24: 16 percent of Salvadorans and Guatemalans, 25 of Mexicans",
        1026,
        _stated_claim(_t3, "childbearing_f20_24_pct", {CENTRAL: 16, MEXICAN: 25}),
    ),
    Claim("Table 3", 'Those rates are "comparable" to native African-Americans\'', 1030, _comparable_to_blacks),
    Claim(
        "Table 3",
        '"Less than 3 percent" of Asian-American women aged 20-24 are mothers',
        1032,
        _bound_claim("childbearing_f20_24_pct", ASIAN, 3),
    ),
    Claim(
        "Table 3",
        'Incarceration of native white men 18-39: "less than 2 percent"',
        1036,
        _bound_claim("incarcerated_m18_39_pct", [WHITES], 2),
    ),
    Claim(
        "Table 3",
        '... of second-generation Asian men: "less than 1 percent"',
        1036,
        _bound_claim("incarcerated_m18_39_pct", ASIAN, 1),
    ),
    Claim(
        "Table 3",
        "... of Central American men: 3 percent",
        1038,
        _stated_claim(_t3, "incarcerated_m18_39_pct", {CENTRAL: 3}),
    ),
    Claim(
        "Table 3",
        "... of Mexican-American men: 5 percent",
        1038,
        _stated_claim(_t3, "incarcerated_m18_39_pct", {MEXICAN: 5}),
    ),
    Claim("Table 3", "Among male dropouts, incarceration rises in every group", 1044, _dropouts_incarcerated_more),
    Claim(
        "Table 3",
        'Male dropouts incarcerated: "almost 5 percent" of native whites',
        1044,
        _range_claim(_t3, "incarcerated_male_dropouts_18_39_pct", [WHITES], 4.5, 5),
    ),
    Claim(
        "Table 3",
        "Male dropouts incarcerated: 10 percent of Mexican-Americans",
        1046,
        _stated_claim(_t3, "incarcerated_male_dropouts_18_39_pct", {MEXICAN: 10}),
    ),
    Claim(
        "Table 3",
        "Only native African-American dropouts are worse off than Mexican-American ones",
        1046,
        _only_blacks_worse,
    ),
]


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


TABLE4_CLAIMS = [
    Claim("Table 4", 'School inactivity is "very low" among the Chinese', 1075, _lowest_is_chinese),
    Claim(
        "Table 4",
        '... climbs "to the teens" among Filipinos and Vietnamese',
        1075,
        _range_claim(_t4, "inactive_hs_age17_pct", ["Philippines", "Vietnam"], 13, 20),
    ),
    Claim("Table 4", '... and passes "one-fourth" of Mexican-Americans', 1077, _mexicans_above_quarter),
    Claim(
        "Table 4", 'Gaps between origins are "wider" than in the census (childbearing, prison)', 1079, _wider_in_cils
    ),
    Claim("Table 4", 'Chinese-Americans: childbearing and prison "exactly zero"', 1083, _chinese_zero),
    Claim(
        "Table 4",
        "Mexican-Americans: 47 percent of women had a child",
        1083,
        _stated_claim(_t4, "had_child_f_age24_pct", {"Mexico": 47}),
    ),
    Claim(
        "Table 4",
        "... 20 percent of Mexican-American men incarcerated",
        1083,
        _stated_claim(_t4, "incarcerated_m_age24_pct", {"Mexico": 20}),
    ),
]


def _t2(model: str) -> pd.DataFrame:
    t2 = data.load("portes_table2_transnationalism")
    return t2[t2["model"] == model].set_index("predictor")


def _text_percent(predictor: str, key: str):
    """The text's whole percent for a Table 2 political cell against the printed value."""

    def check():
        printed = float(_t2("political").loc[predictor, "reported_effect"])
        text = data.number(key)
        verdict = whole_percent_verdict(printed, text)
        note = f"table {printed:.1f}; text {text}"
        if verdict == DISAGREES:
            note += f"; {printed:.1f} rounds to {round(printed)}: the text cuts the decimal off"
        return note, verdict

    return check


def _probability_wording():
    t2 = data.load("portes_table2_transnationalism")
    political = t2[t2["model"] == "political"].set_index("predictor")
    regression = political["regression"].iloc[0]
    printed = float(political.loc["High school graduate", "reported_effect"])
    return (
        f"the political model is a {regression} regression of the number of activities: "
        f"{printed:.1f} is a change in the expected count, not in a probability"
    ), WORDING


def _positive_significant(predictors: dict[str, list[str]]):
    """Check each listed Table 2 coefficient is positive and carries a significance mark (other than #)."""

    def check():
        parts, ok = [], True
        for model in ("economic", "political", "sociocultural"):
            t = _t2(model)
            names = [p for p in predictors.get(model, []) if pd.notna(t.loc[p, "coefficient"])]
            if not names:
                parts.append(f"{model}: not in the regression")
                ok = False
            for p in names:
                b, stars = t.loc[p, "coefficient"], t.loc[p, "significance"]
                stars = "" if pd.isna(stars) else stars
                parts.append(f"{model} {p.split(' (')[0].lower()} {b:+.3f}{stars or ' (not significant)'}")
                ok &= bool(b > 0 and stars and stars != "#")
        return "; ".join(parts), AGREES if ok else DISAGREES

    return check


EDUCATION = {
    "economic": ["Education (years)"],
    "political": ["High school graduate", "College graduate"],
    "sociocultural": ["Education (years)"],
}
STATUS = {m: ["Professional/executive background"] for m in ("economic", "political", "sociocultural")}


TABLE2_CLAIMS = [
    Claim(
        "Table 2",
        "Education has positive, significant effects on every form of activism",
        614,
        _positive_significant(EDUCATION),
    ),
    Claim(
        "Table 2",
        "So does occupational status (a professional or executive background)",
        614,
        _positive_significant(STATUS),
    ),
    Claim(
        "Table 2",
        "A high-school diploma raises political activism by 172 percent",
        620,
        _text_percent("High school graduate", "high_school_political_pct"),
    ),
    Claim(
        "Table 2",
        "A college degree raises it by a further 38 percent",
        622,
        _text_percent("College graduate", "college_political_pct"),
    ),
    Claim("Table 2", 'Those are rises in "the probability" of political activism', 620, _probability_wording),
]


def check_claims(claims: list[Claim]) -> pd.DataFrame:
    """Run each claim's check: one row per claim with its seed line, table values and verdict."""
    rows = []
    for c in claims:
        values, verdict = c.check()
        rows.append(
            {"table": c.table, "seed_line": c.seed_line, "claim": c.claim, "table_values": values, "verdict": verdict}
        )
    return pd.DataFrame(rows)


def verdict_counts(claims: list[Claim]) -> dict:
    """How many claims got each verdict, in the order agrees, decimals dropped, disagrees, wording differs."""
    counts = check_claims(claims)["verdict"].value_counts()
    return {v: int(counts.get(v, 0)) for v in (AGREES, ROUNDED, DISAGREES, WORDING) if counts.get(v, 0)}


def show_claims(claims: list[Claim], caption: str = "") -> pd.io.formats.style.Styler:
    """The claims as a readable table: the claim, the table's values, and a verdict marked by symbol and word."""
    frame = check_claims(claims)
    frame["verdict"] = frame["verdict"].map(VERDICT_MARK)
    frame = frame.rename(
        columns={
            "seed_line": "Seed line",
            "claim": "The essay's text says",
            "table": "Table",
            "table_values": "The table's values",
            "verdict": "Verdict",
        }
    )
    colours = {
        VERDICT_MARK[AGREES]: "",
        VERDICT_MARK[ROUNDED]: "background-color: #fff4d6;",
        VERDICT_MARK[DISAGREES]: "background-color: #fde0d6; font-weight: bold;",
        VERDICT_MARK[WORDING]: "background-color: #e6e0f5;",
    }
    keep = ["Table", "Seed line", "The essay's text says", "The table's values", "Verdict"]
    if frame["Table"].nunique() == 1:  # one table: say so in the caption instead of on every row
        caption = (
            caption
            or f"Each claim of the essay's text about {frame['Table'].iloc[0]} checked against it "
            "(widgets.professionals.check_claims)."
        )
        keep = keep[1:]
    frame = frame[keep]
    styler = _styled(
        frame,
        caption or "Each claim of the essay's text checked against its table (widgets.professionals.check_claims).",
        "claims-" + "-".join(sorted({c.table.replace(" ", "") for c in claims})),
    )
    return styler.map(lambda v: colours.get(v, ""), subset=["Verdict"])


def _styled(frame: pd.DataFrame, caption: str, uuid: str) -> pd.io.formats.style.Styler:
    """A plain book table (the look of :func:`widgets.tables.show`) for a computed frame."""
    return (
        frame.style.hide(axis="index")
        .format(precision=1)
        .set_caption(caption)
        .set_uuid(uuid)
        .set_table_attributes('class="data-table"')
        .set_table_styles(
            [
                {
                    "selector": "caption",
                    "props": "caption-side: bottom; text-align: left; font-size: 0.85em; color: #444;",
                },
                {"selector": "th", "props": "text-align: left; vertical-align: bottom;"},
                {"selector": "td", "props": "padding: 2px 8px; vertical-align: top;"},
            ]
        )
    )


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
        run = village.run(**village.presets[preset])
        last = run[run["year"] == run["year"].max()].set_index("series")["value"]
        rows.append(
            (
                "labour migration: village after 40 years (model village)",
                preset,
                "adults at home (of 100)",
                last["population at home"],
            )
        )
        rows.append(
            (
                "labour migration: village after 40 years (model village)",
                preset,
                "local income (100 = start)",
                last["local income"],
            )
        )
    for preset, row in circulation_compare(
        ["India-like (strong institutions)", "Mexico after NAFTA (weakened institutions)"]
    ).iterrows():
        rows.append(
            (
                "professionals: brain circulation after 30 years",
                preset,
                "returned home (of 1,000)",
                row["returned home"],
            )
        )
        rows.append(
            (
                "professionals: brain circulation after 30 years",
                preset,
                "knowledge transfers (returnee-equivalents)",
                row["knowledge transfers (returnee-equivalents)"],
            )
        )
    model = get("enforcement_stock_flow")
    for preset in ["calibrated (3 to 12 million)", "no build-up of enforcement"]:
        rows.append(
            (
                "enforcement: unauthorised population in 2008",
                preset,
                "millions",
                calibration(**model.presets[preset])["model_2008"],
            )
        )
    for preset in ["unauthorised labour migrants, hostile context", "legal, protected reception"]:
        rows.append(
            (
                "second generation: children of the least educated",
                preset,
                "downward path (%)",
                100 * pathway_shares(preset=preset).loc[0.0, "downward"],
            )
        )
    return pd.DataFrame(rows, columns=["question", "setting", "outcome", "value"])


def show_synthesis() -> pd.io.formats.style.Styler:
    """:func:`synthesis_table` as a readable table."""
    frame = synthesis_table().rename(
        columns={"question": "Question (model)", "setting": "Setting (preset)", "outcome": "Outcome", "value": "Value"}
    )
    return _styled(
        frame,
        "Computed by widgets.professionals.synthesis_table from the book's models at their "
        "presets. Illustrative, not data.",
        "synthesis",
    )


def steps(start: float, stop: float, step: float) -> list[float]:
    """Evenly spaced slider values from ``start`` to ``stop`` inclusive, rounded to clean decimals."""
    count = int(round((stop - start) / step))
    decimals = max(0, -math.floor(math.log10(step))) + 2
    values = [round(start + k * step, decimals) for k in range(count + 1)]
    return [int(v) if float(v).is_integer() and float(step).is_integer() else v for v in values]


def combined_percent(predictors: list[str], model: str = "political") -> dict:
    """Percent change for each predictor alone, their printed sum, and the true joint change 100 (e^(sum b) - 1).

    In a count (or logit) model, effects of several predictors multiply: the joint percent change
    is not the sum of the separate ones.
    """
    t2 = _t2(model)
    b = {p: float(t2.loc[p, "coefficient"]) for p in predictors}
    printed = {p: float(t2.loc[p, "reported_effect"]) for p in predictors}
    return {
        "alone": {p: float(percent_change(v)) for p, v in b.items()},
        "sum_of_printed": sum(printed.values()),
        "joint": float(percent_change(sum(b.values()))),
    }


def wrapped(text: str, width: int = 80) -> str:
    """``text`` wrapped to ``width`` characters, for printed output that fits the page."""
    return textwrap.fill(text, width)
