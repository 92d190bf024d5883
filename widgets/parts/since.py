"""Since the essays: helpers of the four later-evidence chapters (13, 22, 32, 42) and the timeline.

Each chapter sets one part's claims beside what was published after the essays. Every figure here
comes from ``data/`` (the outside sources with their citation, locator and words; the essays' own
tables where a chart sets the two side by side); no number is typed in. Charts carry a title, a
line naming the works they draw on and a text description (:func:`widgets.charts.titled`), and
use the book's colour-blind-safe palette.
"""

from __future__ import annotations

import re
import textwrap

import altair as alt
import pandas as pd

from .. import data, tables
from ..charts import titled

__all__ = [
    "authors",
    "outside_table",
    "show_outside",
    "as_written",
    "remittances",
    "flows",
    "mexican_born",
    "three_for_one_budget",
    "remittances_and_population",
    "show_remittances_and_population",
    "h1b_record_caps",
    "h1b_after_ac21",
    "h1b_lottery",
    "h1b_lottery_chart",
    "masters_or_higher_fy2019",
    "h1b_profiles",
    "h1b_profile_chart",
    "cils_bounds",
    "cils_bounds_chart",
    "multipliers",
    "japan",
    "timeline",
    "timeline_list",
    "timeline_disagreements",
]

YEAR_OF_CITATION = re.compile(r"\.\s+(?=\d{4}\b|n\.d\.)")  # "Author. 2012. Title." or "Author. n.d. Title."


def authors(table: pd.DataFrame) -> str:
    """The works a table's rows cite, shortened to their authors, as a chart's source line.

    >>> authors(pd.DataFrame({"citation": ["Goto, Junichi. 2007. A survey.", "NAFSA. n.d. A note."]}))
    'Sources (outside the two essays): Goto, Junichi; NAFSA.'
    """
    names = dict.fromkeys(YEAR_OF_CITATION.split(citation)[0] for citation in table["citation"])
    return "Sources (outside the two essays): " + "; ".join(names) + "."


def outside_table(keys: list[str]) -> pd.DataFrame:
    """Outside figures by key: value, unit, what it measures, the work (author and year) and where in it."""
    table = data.load("outside_numbers").set_index("key").loc[keys]
    years = table["citation"].str.extract(r"\b(\d{4}|n\.d\.)")[0]
    table["work"] = [YEAR_OF_CITATION.split(c)[0] + f" ({y})" for c, y in zip(table["citation"], years)]
    return table[["value", "unit", "measures", "work", "locator"]]


def show_outside(keys: list[str]) -> pd.io.formats.style.Styler:
    """:func:`outside_table` as a book table, captioned with where the figures and their words are kept."""
    caption = (
        "Figures from outside the essays, each with its work and locator; the source's own words and the "
        "full citation of each are in data/outside_numbers.csv (see the data-limits page)."
    )
    frame = outside_table(keys).reset_index().rename(columns={"key": "figure"})
    frame["value"] = frame["value"].map(as_written)
    return tables.styled(frame, caption, "outside-" + "-".join(k.split("_")[0] for k in keys[:2]), precision=2)


def as_written(value: float) -> str:
    """A figure with thousands separated and no digits it does not have (0.035 stays 0.035, 1e10 is written out).

    >>> as_written(0.035), as_written(10e9), as_written(2.5), as_written(25344.0)
    ('0.035', '10,000,000,000', '2.5', '25,344')
    """
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


# ----------------------------------------------------------------------------- Part I (chapter 13)


def remittances() -> alt.LayerChart:
    """Recorded remittances to Mexico and to Latin America, first reports and revisions, with the US recession."""
    rem = data.load("since_remittances")
    rem["billions"] = rem["value_musd"] / 1000
    recession = data.load("timeline").query("event == 'Great Recession in the United States'")
    years = alt.Scale(domain=[2006, 2026], zero=False)
    band = (
        alt.Chart(recession)
        .mark_rect(color="#bbbbbb", opacity=0.35)
        .encode(x=alt.X("start:Q", scale=years), x2="end:Q")
    )
    points = (
        alt.Chart(rem)
        .mark_point(size=70, filled=True)
        .encode(
            x=alt.X("year:Q", title="Year", scale=years, axis=alt.Axis(format="d")),
            y=alt.Y("billions:Q", title="Recorded remittances (billion current US dollars)"),
            color=alt.Color("recipient:N", title="Receiving"),
            shape=alt.Shape("release:N", title="Figure"),
            tooltip=["recipient", "year", "value_musd", "release", "locator"],
        )
    )
    return titled(
        band + points,
        "Remittances recorded after the essay, as first reported and as revised (grey: US recession)",
        authors(rem),
    )


def flows() -> alt.Chart:
    """Pew's arrivals, departures and net flows between Mexico and the US, by period."""
    mig = data.load("since_mexico_migration")
    frame = mig[mig["measure"].str.startswith(("net flow", "arrivals", "departures"))].copy()
    frame["millions"] = frame["value"] / 1e6
    frame["given as"] = frame["approximate"].map({True: "approximate", False: "as stated"})
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("measure:N", title=None),
            x=alt.X("millions:Q", title="People (millions; negative: more left the US than arrived)"),
            row=alt.Row("period:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")),
            color=alt.Color("given as:N", title="Figure given"),
            tooltip=["measure", "period", "value", "locator"],
        )
        .properties(height=alt.Step(18))
        .resolve_scale(y="independent")
    )
    return titled(chart, "Flows between Mexico and the US by period (Pew estimates)", authors(frame))


def mexican_born() -> alt.Chart:
    """Pew's estimates of the Mexican-born population of the US, all and unauthorised, both reports."""
    mig = data.load("since_mexico_migration")
    frame = mig[mig["measure"].str.contains("population")].copy()
    frame["millions"] = frame["value"] / 1e6
    chart = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d")),
            y=alt.Y("millions:Q", title="People (millions)"),
            color=alt.Color("measure:N", title=None),
            tooltip=["measure", "period", "value", "locator"],
        )
    )
    return titled(chart, "Mexican-born population of the US, all and unauthorized (Pew estimates)", authors(frame))


def three_for_one_budget() -> alt.Chart:
    """The federal 3x1 budget as Mexican press reports give it: one bar per report, the 2019 add-back stacked
    on the 2019 proposal."""
    budget = data.load("since_three_for_one")
    budget["million pesos"] = budget["value_pesos"] / 1e6
    bars = (
        alt.Chart(budget)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title="Budget year"),
            xOffset="bibkey:N",
            y=alt.Y("million pesos:Q", title="Federal 3x1 budget (million current pesos)", stack="zero"),
            color=alt.Color("budget:N", title="Figure given as"),
            tooltip=["year", "budget", "value_pesos", "bibkey", "locator"],
        )
    )
    return titled(bars, "The federal 3x1 budget in the Mexican press, 2016-2019", authors(budget))


def remittances_and_population() -> pd.DataFrame:
    """Mexico's recorded remittances (latest release of each year) beside the Mexican-born population of the US
    (MPI's American Community Survey estimates), for the years both give: the test of Portes's settlement claim."""
    rem = data.load("since_remittances").query("recipient == 'Mexico'")
    latest = rem.sort_values("release").drop_duplicates("year", keep="last").set_index("year")["value_musd"]
    mig = data.load("since_mexico_migration")
    people = mig[mig["measure"].str.contains("MPI")].set_index("year")["value"]
    years = sorted(set(latest.index) & set(people.index))
    frame = pd.DataFrame({"remittances_musd": latest.loc[years], "mexican_born": people.loc[years]})
    frame["usd_per_person"] = frame["remittances_musd"] * 1e6 / frame["mexican_born"]
    return frame


def show_remittances_and_population() -> pd.io.formats.style.Styler:
    """:func:`remittances_and_population` as a book table."""
    frame = remittances_and_population().reset_index()
    frame.columns = [
        "year",
        "remittances to Mexico (million current US$)",
        "Mexican-born residents of the US (MPI)",
        "US$ per Mexican-born resident",
    ]
    caption = (
        "Recorded remittances to Mexico (latest release of each year; Bank of Mexico as reported) beside the "
        "Mexican-born population of the US (Migration Policy Institute, American Community Survey): two sources, "
        "current dollars. Outside the essays."
    )
    return tables.styled(frame.astype({"year": str}), caption, "remittances-population", precision=0)


# ----------------------------------------------------------------------------- Part II (chapter 22)


def h1b_record_caps() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ceilings and the counts against them from ``h1b_record``, each with a fiscal year to draw at.

    A ceiling "before 1999" is drawn from FY1998; the other rows name their first fiscal year.
    """
    record = data.load("h1b_record")
    caps = record[record["key"].str.startswith("cap_") & record["value"].notna()].copy()
    caps["fiscal_year"] = [1998 if y.startswith("before") else int(y[:4]) for y in caps["fiscal_years"]]
    counted = record[record["key"].str.startswith("counted_against_cap")].copy()
    counted["fiscal_year"] = counted["fiscal_years"].astype(int)
    counted["count"] = "counted against the cap"
    return caps, counted


def h1b_after_ac21() -> alt.LayerChart:
    """The cap as a step line to FY2004, against petitions, approvals and the cap-season receipts."""
    h1b = data.load("since_h1b").query(
        "count in ['petitions filed', 'petitions approved', 'cap-season petitions received']"
    )
    caps, counted = h1b_record_caps()
    columns = ["fiscal_year", "count", "value", "locator"]
    others = pd.concat([h1b[columns], counted[columns]])
    x = alt.X(
        "fiscal_year:Q",
        title="Fiscal year",
        axis=alt.Axis(format="d"),
        scale=alt.Scale(domain=[1997, 2020], zero=False),
    )
    cap_line = (
        alt.Chart(caps)
        .mark_line(interpolate="step-after", color="#000000", point=True)
        .encode(x=x, y=alt.Y("value:Q", title="Count"), tooltip=["fiscal_year", "value", "locator"])
    )
    counts = (
        alt.Chart(others)
        .mark_point(size=70, filled=True)
        .encode(
            x=x,
            y="value:Q",
            color=alt.Color("count:N", title="What is counted"),
            shape=alt.Shape("count:N", title="What is counted"),
            tooltip=["fiscal_year", "count", "value", "locator"],
        )
    )
    return titled(
        cap_line + counts,
        "The H-1B cap (black line, to FY2004) against petitions, approvals and the cap season",
        authors(pd.concat([caps, counted, h1b])),
    )


def h1b_lottery() -> pd.DataFrame:
    """The H-1B lottery by cap fiscal year: eligible registrations, selected registrations, and where USCIS gives
    them, unique beneficiaries and beneficiaries selected (each release as its own row)."""
    h1b = data.load("since_h1b")
    counts = [
        "eligible registrations",
        "selected registrations",
        "unique beneficiaries registered",
        "beneficiaries selected",
    ]
    return h1b[h1b["count"].isin(counts)][["fiscal_year", "count", "value", "approximate", "bibkey"]]


def h1b_lottery_chart() -> alt.Chart:
    """Registrations and selections in the lottery, FY2021 to FY2026, from USCIS's latest table."""
    frame = h1b_lottery().query("bibkey == 'uscis2025reg'")
    chart = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("fiscal_year:O", title="Cap fiscal year"),
            y=alt.Y("value:Q", title="Count (registrations or beneficiaries, not workers)"),
            color=alt.Color("count:N", title="What is counted"),
            strokeDash=alt.StrokeDash("count:N", title="What is counted"),
            tooltip=["fiscal_year", "count", "value", "approximate"],
        )
    )
    rows = data.load("since_h1b").query("bibkey == 'uscis2025reg'")
    return titled(chart, "The H-1B lottery: registrations and selections by cap fiscal year", authors(rows))


def masters_or_higher_fy2019() -> float:
    """Share of FY2019's approved H-1B petitions whose beneficiary held a master's or higher degree."""
    keys = ("uscis_fy2019_masters_share", "uscis_fy2019_doctorate_share", "uscis_fy2019_professional_share")
    return sum(data.outside(k) for k in keys)


def h1b_profiles() -> pd.DataFrame:
    """The essay's 2002 shares (Table 1, all industries) beside USCIS's later ones, in percent."""
    t1 = data.load("portes_table1_h1b_2002").query("row_type == 'all'").iloc[0]
    return pd.DataFrame(
        {
            "measure": ["master's degree or higher"] * 2 + ["born in India"] * 2,
            "year": ["2002 (essay, Table 1)", "FY2019 (USCIS)", "2002 (essay, Table 1)", "FY2009 (USCIS)"],
            "percent": [
                float(t1["masters_or_higher_pct"]),
                100 * masters_or_higher_fy2019(),
                float(t1["leading_country_pct"]),
                100 * data.outside("uscis_fy2009_india_share"),
            ],
        }
    )


def h1b_profile_chart() -> alt.Chart:
    """Bars of :func:`h1b_profiles`, one panel per measure."""
    bars = (
        alt.Chart(h1b_profiles())
        .mark_bar()
        .encode(
            y=alt.Y("year:N", title=None),
            x=alt.X(
                "percent:Q",
                title="Percent of H-1B workers (see the note on what is counted)",
                scale=alt.Scale(domain=[0, 100]),
            ),
            row=alt.Row("measure:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")),
            color=alt.Color("year:N", legend=None),
            tooltip=["measure", "year", "percent"],
        )
        .properties(height=alt.Step(22))
        .resolve_scale(y="independent")
    )
    outside = data.load("outside_numbers").query("bibkey in ['uscis2010', 'uscis2020']")
    source = data.source("portes_table1_h1b_2002") + " " + authors(outside)
    return titled(bars, "Education and country of birth of H-1B workers: the essay's 2002 and later years", source)


# ----------------------------------------------------------------------------- Part III (chapter 32)


def cils_bounds() -> pd.DataFrame:
    """Table 4's incarceration rates with worst-case bounds for the whole original sample (percent).

    With a share ``s`` retrieved and a rate ``r`` among them, the whole sample's rate lies between
    ``s r`` (those lost: none) and ``s r + (1 - s)`` (those lost: all).
    """
    t4 = data.load("portes_table4_cils")
    kept = data.number("cils_third_survey_retention")
    t4["lower"] = kept * t4["incarcerated_m_age24_pct"]
    t4["upper"] = kept * t4["incarcerated_m_age24_pct"] + 100 * (1 - kept)
    return t4[["group", "incarcerated_m_age24_pct", "lower", "upper"]]


def cils_bounds_chart() -> alt.LayerChart:
    """Table 4's rates as printed (dots) and the bounds of :func:`cils_bounds` (bars)."""
    frame = cils_bounds()
    base = alt.Chart(frame).encode(y=alt.Y("group:N", sort=list(frame["group"]), title=None))
    ranges = base.mark_rule(strokeWidth=6, opacity=0.5).encode(
        x=alt.X("lower:Q", title="Males incarcerated by age 24 (percent)", scale=alt.Scale(domain=[0, 100])),
        x2="upper:Q",
        tooltip=["group", "incarcerated_m_age24_pct", "lower", "upper"],
    )
    observed = base.mark_point(filled=True, size=60, color="#000000").encode(x="incarcerated_m_age24_pct:Q")
    return titled(
        ranges + observed,
        "Table 4 as printed (dots) and worst-case bounds if the 30 percent lost could have any rate (bars)",
        data.source("portes_table4_cils"),
    )


# ----------------------------------------------------------------------------- Part IV (chapter 42)

MULTIPLIERS = {
    "moretti_tradable_jobs": "Moretti: any tradable job",
    "moretti_skilled_jobs": "Moretti: skilled tradable job",
    "moretti_unskilled_jobs": "Moretti: unskilled tradable job",
    "vandijk_tradable_jobs": "van Dijk 2014 (working paper): any tradable job",
    "vandijk2017_tradable_low": "van Dijk 2017 (article): any tradable job, low end",
    "vandijk2017_tradable_high": "van Dijk 2017 (article): any tradable job, high end",
    "vandijk2017_highwage_low": "van Dijk 2017 (article): high-wage job, low end",
    "vandijk2017_highwage_high": "van Dijk 2017 (article): high-wage job, high end",
}
JAPAN = {
    "koreans_remaining_1945": "Koreans who stayed, 1945 (about)",
    "goto_nikkeijin": "Nikkeijin working in Japan, c. 2007 (more than)",
    "koreans_registered_2017": "Korean nationals registered, June 2017",
    "japan_trainees_june2024": "Technical intern trainees, June 2024",
    "japan_ssw_june2024": "Specified Skilled Workers, June 2024",
}


def _labelled(keys: dict[str, str]) -> pd.DataFrame:
    """Rows of outside_numbers for ``keys``, each with its label and its work's first author."""
    frame = data.load("outside_numbers").set_index("key").loc[list(keys)].reset_index()
    frame["label"] = list(keys.values())
    frame["source"] = [
        f"{c.split(',')[0]} {y}" for c, y in zip(frame["citation"], frame["citation"].str.extract(r"(\d{4})")[0])
    ]
    return frame


def multipliers() -> alt.LayerChart:
    """Moretti's local job multipliers beside van Dijk's working paper (2014) and published article (2017)."""
    frame = _labelled(MULTIPLIERS)
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=None),
            x=alt.X("value:Q", title="Local non-tradable jobs per new tradable job"),
            color=alt.Color("source:N", title="Estimate by"),
            tooltip=["label", "value", "locator"],
        )
    )
    labels = bars.mark_text(align="left", dx=4).encode(text=alt.Text("value:Q", format=".2f"), color=alt.value("#333"))
    return titled(
        bars + labels, "Local job multipliers in US cities: Moretti and van Dijk's two estimates", authors(frame)
    )


def japan() -> alt.Chart:
    """Different counts of Japan's long-settled, side-door (nikkeijin, trainees) and 2019 front-door foreign workers."""
    frame = _labelled(JAPAN)
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=None),
            x=alt.X("value:Q", title="People"),
            tooltip=["label", "value", "unit", "locator"],
        )
    )
    return titled(
        bars, "Japan's long-settled, side-door and front-door foreign residents (different counts)", authors(frame)
    )


# ----------------------------------------------------------------------------- the timeline


def timeline() -> alt.LayerChart:
    """Every event of ``data/timeline.csv`` as a bar from its first to its last year, named above its bar
    (whole, on up to two lines, so the names need no axis beside a phone-width plot), the essays dashed."""
    events = data.load("timeline")
    events["until"] = events["end"] + 1  # a one-year event is drawn one year wide
    events["name"] = events["event"].map(lambda text: "\n".join(textwrap.wrap(text, 44)))
    order = list(events.sort_values(["start", "end"])["event"])
    years = alt.X("start:Q", title="Year", axis=alt.Axis(format="d"), scale=alt.Scale(domain=[1940, 2028], zero=False))
    rows = alt.Y("event:N", sort=order, title=None, axis=None)
    base = alt.Chart(events).properties(height=alt.Step(42), width=300)
    bars = base.mark_bar(height=9, yOffset=12).encode(
        x=years,
        x2="until:Q",
        y=rows,
        color=alt.Color("kind:N", title="Kind of event", legend=alt.Legend(orient="top")),  # before a long chart
        tooltip=["event", "start", "end", "kind", "summary", "chapter"],
    )
    names = base.mark_text(align="left", baseline="bottom", dy=5, lineBreak="\n").encode(
        x=alt.value(0), y=rows, text="name:N"
    )
    essays = events[events["kind"] == "the essays"]
    # the years again along the top, where a reader starts a chart this tall
    top = alt.X("start:Q", title=None, axis=alt.Axis(format="d", orient="top"))
    rules = alt.Chart(essays).mark_rule(strokeDash=[4, 3], color="#000000").encode(x=top)
    return titled(
        bars + names + rules,
        "From the Bracero Program to the 2025 H-1B payment and remittance tax (dashed: the two essays)",
        "Sources: one per event, with its words, in data/timeline.csv; the essays' data dates from the essays themselves.",
    )


def timeline_list(prefix: str = "../") -> str:
    """The events as a MyST list, in order, each linked to its chapter and section by their titles
    (``prefix``: from the page to the book's root)."""

    def line(row) -> str:
        years = str(row.start) if row.start == row.end else f"{row.start}-{row.end}"
        return f"- **{years}** {row.event}: {row.summary} ({{doc}}`{prefix}{row.chapter}`, {{ref}}`{row.label}`)"

    return "\n".join(line(row) for row in data.load("timeline").sort_values(["start", "end"]).itertuples())


def timeline_disagreements() -> str:
    """The notes of the events whose sources disagree or whose date leaves something out, as a list."""
    events = data.load("timeline")
    notes = events[events["note"].notna()].sort_values("start")
    return "\n".join(f"- **{row.event}.** {row.note}" for row in notes.itertuples())
