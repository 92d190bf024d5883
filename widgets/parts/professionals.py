"""Part II of the book (Portes on professional migration): helpers of chapters 20 and 21.

The H-1B programme and Table 1 (row II.1-II.2), the brain drain's determinants (II.3), Table 2
recomputed and its text-against-table claims (II.4), brain circulation (II.5). Every number comes
from ``data/`` through :mod:`widgets.data` or from a registered model; the claims' wording and
thresholds are rows of ``data/essay_claims.csv`` (see :mod:`widgets.claims`).
"""

from __future__ import annotations

import textwrap

import altair as alt
import numpy as np
import pandas as pd

from .. import claims, data, tables
from ..charts import PALETTE, lines_by, titled
from ..models import get
from ..models.transnational_effects import logit_change, percent_change, rounding_interval

__all__ = [
    "h1b_numbers",
    "h1b_caps_chart",
    "h1b_sources_chart",
    "table1_shares",
    "table1_income_education",
    "decision_summary",
    "table2_wide",
    "table2_percent_check",
    "percent_curve_chart",
    "economic_effects",
    "logit_explorer",
    "logit_sign",
    "circulation_compare",
    "table2_claims",
    "combined_percent",
]

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


def _nudged(frame: pd.DataFrame, column: str, gap: float, lines: str | None = None) -> pd.DataFrame:
    """A copy with ``label_y``: ``column`` pushed up, from the lowest value, where a label (its first
    line at ``label_y``, the rest below) would come within ``gap`` per line (column ``lines``) of the one below.

    >>> list(_nudged(pd.DataFrame({"v": [1.0, 2.0, 10.0]}), "v", 3)["label_y"])
    [1.0, 4.0, 10.0]
    """
    frame = frame.sort_values(column).copy()
    labels = frame[column].astype(float).to_numpy().copy()
    heights = frame[lines].to_numpy() if lines else [1] * len(labels)
    for i in range(1, len(labels)):
        labels[i] = max(labels[i], labels[i - 1] + gap * heights[i])
    frame["label_y"] = labels
    return frame


def _short_lines(text: str) -> str:
    return "\n".join(textwrap.wrap(text, 18))


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
    # names on up to three short lines, so the labels beside the dots fit a phone's column
    frame = frame.assign(name=frame["industry"].map(_short_lines))
    named = _nudged(frame.assign(lines=frame["name"].str.count("\n") + 1), "median_income_usd", 1700, "lines")
    labels = (
        alt.Chart(named)
        .mark_text(align="left", dx=9, fontSize=12, lineBreak="\n")
        .encode(x="masters_or_higher_pct:Q", y="label_y:Q", text="name:N")
    )
    # a label pushed away from its dot is tied to it by a short grey line
    leaders = (
        alt.Chart(named)
        .mark_rule(color="#888888", strokeWidth=1)
        .encode(x="masters_or_higher_pct:Q", y="median_income_usd:Q", y2="label_y:Q", xOffset=alt.value(6))
    )
    return titled(
        (leaders + dots + labels).properties(height=340, width=300),
        "The best-educated H-1B workers (universities) earned the least",
        data.source("portes_table1_h1b_2002"),
    )


# --- Part II: the brain drain's determinants ----------------------------------------------


def decision_summary(preset: str | None = None, **values) -> dict:
    """Where emigration peaks in the professional-decision model, and the largest share of a cohort that leaves.

    ``preset`` names one of the model's presets; ``values`` override it and the defaults. Returns the income level with most emigrants, that
    number, the largest emigrating share of those trained at any income level, and emigrants at
    the poorest and richest non-zero income levels.
    """
    model = get("professional_decision")
    frame = model.run(preset, **values)
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
    return tables.styled(frame, caption, "table2-wide")


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
    lines = lines_by(
        curve,
        alt.X("coefficient:Q", title="Coefficient b (negative binomial)"),
        alt.Y("percent:Q", title="Percent change in expected activities"),
        "rule",
        colours=[PALETTE[0], "#888888"],
        dashes=[[1, 0], [5, 4]],
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
    # The number beside the chart: the predictor whose printed change has the other sign from its coefficient.
    odd = printed[np.sign(printed["coefficient"].astype(float)) != np.sign(printed["reported_effect"].astype(float))]
    odd_name, odd_b = odd["predictor"].iloc[0], float(odd["coefficient"].iloc[0])
    odd_printed = 100 * float(odd["reported_effect"].iloc[0])
    reading = {
        "label": f"{odd_name} (coefficient {odd_b:+.3f}), exact change for one unit more",
        "params": ["baseline"],
        "sizes": [len(grid)],
        "values": [
            f"{100 * float(logit_change(odd_b, p)):+.1f} points (the table prints {odd_printed:+.0f})" for p in grid
        ],
    }
    return titled(
        (rule + bars + diamonds).properties(height=300, width=340),
        "What a logit coefficient means in probability depends on where you start",
        "Bars: computed from Table 2's economic coefficients; diamonds: the changes in net "
        "probability the table prints. " + data.source("portes_table2_transnationalism"),
    ).properties(usermeta={"explorer": {"key": "table2_logit", "outcome": reading}})


def logit_sign(b: float, baselines=None) -> tuple[float, float]:
    """Smallest and largest change in probability a logit coefficient ``b`` gives for one unit, over baselines."""
    p = np.linspace(0.01, 0.99, 99) if baselines is None else np.asarray(baselines, dtype=float)
    changes = logit_change(b, p)
    return float(changes.min()), float(changes.max())


# --- Part II: brain circulation -----------------------------------------------------------------


def circulation_compare(presets: list[str] | None = None, year: int | None = None, **values) -> pd.DataFrame:
    """The brain-circulation model's stocks in one year (default: the last) under each preset (rows)
    and series (columns); ``values`` override every preset."""
    model = get("brain_circulation")
    presets = presets or list(model.presets)[:2]
    rows = {}
    for name in presets:
        frame = model.run(name, **values)
        last = frame["year"].max() if year is None else year
        rows[name] = frame[frame["year"] == last].set_index("series")["professionals"]
    return pd.DataFrame(rows).T


# --- Part II: Table 2's claims ----------------------------------------------------------------


def _t2(model: str) -> pd.DataFrame:
    t2 = data.load("portes_table2_transnationalism")
    return t2[t2["model"] == model].set_index("predictor")


def _text_percent(predictor: str, key: str) -> claims.Verdict:
    """The text's whole percent (number ``key``) for a Table 2 political cell against the printed value."""
    printed = float(_t2("political").loc[predictor, "reported_effect"])
    text = data.number(key)
    verdict = claims.whole_percent_verdict(printed, text)
    note = f"table {printed:.1f}; text {text}"
    if verdict == claims.DISAGREES:
        note += f"; {printed:.1f} rounds to {round(printed)}: the text cuts the decimal off"
    return note, verdict


COUNT_MODELS = ("negative binomial", "poisson")


def _political_model() -> claims.Verdict:
    """The text speaks of a probability: the wording differs when the political model counts activities."""
    political = _t2("political")
    regression = political["regression"].iloc[0]
    printed = float(political.loc["High school graduate", "reported_effect"])
    if regression not in COUNT_MODELS:
        return f"the political model is a {regression} regression", claims.AGREES
    return (
        f"the political model is a {regression} regression of the number of activities: "
        f"{printed:.1f} is a change in the expected count, not in a probability"
    ), claims.WORDING


def _positive_significant(predictors: dict[str, list[str]]) -> claims.Verdict:
    """Each listed Table 2 coefficient is positive and carries a significance mark (other than #)."""
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
    return "; ".join(parts), claims.AGREES if ok else claims.DISAGREES


def table2_claims() -> list[claims.Claim]:
    """The text's claims about Table 2 (rows of ``data/essay_claims.csv``) with this part's checks."""
    return claims.from_data(
        "Table 2",
        checks={
            "positive_significant": _positive_significant,
            "text_percent": _text_percent,
            "political_model": _political_model,
        },
    )


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
