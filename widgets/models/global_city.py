"""The global city's jobs: producer-services growth, a local multiplier, downgrading and informalisation."""

import numpy as np
import pandas as pd

from .. import data
from ..params import Param, horizon
from . import Model, View, register

__all__ = ["producer_services", "global_city", "polarisation", "low_wage_sources", "induced_per_skilled"]

TIERS = ("high wage", "middle wage", "low wage (formal)", "informal")

# The city at year 0, in jobs per 100 jobs: a stylised modelling choice, not data.
PRODUCER_SERVICES_0 = 10.0  # producer-services jobs (finance, corporate services), part of high and low tiers
DIRECT_LOW_SHARE = 0.25  # share of producer-services jobs that are low wage (cleaners, clerks): a choice
MANUFACTURING_0 = 25.0  # middle-wage, unionised manufacturing jobs (the ones that can be downgraded)
OTHER_MIDDLE_0 = 30.0  # other middle-wage jobs
OTHER_HIGH_0 = 12.5  # high-wage jobs outside producer services
OTHER_LOW_0 = 19.5  # low-wage formal jobs outside producer services
INFORMAL_0 = 3.0  # informal jobs
MORETTI_SKILLED = data.outside("moretti_skilled_jobs")


def producer_services(services_growth: float, years: int) -> np.ndarray:
    """Producer-services jobs year by year, $P_t = P_0 (1 + g)^t$ (per 100 city jobs in year 0)."""
    return PRODUCER_SERVICES_0 * (1 + services_growth) ** np.arange(years + 1)


def global_city(services_growth, multiplier, low_wage_share, downgrading_rate, informalisation_rate, years):
    r"""Jobs in a global city by wage tier, year by year, as producer services grow.

    **Equations.** Producer-services employment grows at rate $g$: $P_t = P_0 (1 + g)^t$. Of the
    $n_t = g P_{t-1}$ new producer-services jobs a share $d$ is low wage (cleaners, clerks, messengers:
    Sassen's direct channel) and $(1 - d)\,n_t$ are skilled. Each new skilled job creates $m$ local
    non-tradable jobs (restaurants, cleaning, luxury shops and services: the consumption or
    gentrification channel), a share $s$ of them low wage and the rest middle wage. Each year a share
    $\delta$ of the unionised manufacturing jobs $U$ is downgraded to low wage (sweatshops, homework),
    and a share $\phi$ of low-wage formal jobs $L$ moves into the informal sector $I$:

    $$H_t = H_{t-1} + (1 - d) n_t, \qquad M_t = U_t + O_t,\quad U_t = (1 - \delta) U_{t-1},\quad O_t = O_{t-1} + (1 - s)\, m (1 - d) n_t,$$
    $$L_t = (1 - \phi) L_{t-1} + d\, n_t + s\, m (1 - d) n_t + \delta U_{t-1}, \qquad I_t = I_{t-1} + \phi L_{t-1}.$$

    Downgrading and informalisation move jobs between tiers and create none, so
    $H_t + M_t + L_t + I_t = 100 + \big(1 + m (1 - d)\big)(P_t - P_0)$. Polarisation, given by
    `polarisation(frame)`, is the share of jobs outside the middle tier, $(H_t + L_t + I_t) / (H_t + M_t + L_t + I_t)$.

    **Assumptions.** Jobs are counted per 100 jobs in the city at year 0. The starting mix (high 20,
    of which 7.5 in producer services; middle 55, of which 25 in unionised manufacturing; low-wage
    formal 22, of which 2.5 in producer services; informal 3), the low-wage share of producer-services
    jobs $d = 0.25$ and the default low-wage share of induced jobs $s = 0.6$ are modelling choices, not
    published figures. The default multiplier $m = 2.5$ is Moretti's (2010) estimate of the local jobs
    created by one new skilled job in a tradable industry in a US city (outside the essays). It is
    an input, so the default run gives 2.5 induced jobs per new skilled job by construction; the
    model applies it to producer services, a use the estimate was not made for, and a reworking of
    Moretti's data (van Dijk 2014) finds about 1.0 local job per tradable job and no larger
    multiplier for skilled jobs. Rates are
    constant; nothing else in the city grows or shrinks.

    **Sources.** Sassen, section on immigrants in the advanced urban economy: specialised services
    create low-wage jobs directly and, through high-income consumption and gentrification,
    indirectly; manufacturing is downgraded (fewer union shops, more sweatshops and homework);
    informalisation grows out of the advanced economy itself; the result is polarisation. Outside the
    essays: Moretti, Enrico. 2010. Local Multipliers. American Economic Review: Papers and
    Proceedings 100(2): 373-377, abstract (2.5 local jobs per skilled tradable job); van Dijk, Jasper.
    2014. Local Employment Multipliers in U.S. cities. Oxford Economics Discussion Paper 730 (about 1.0).

    **Leaves out.** Who fills the jobs (immigrants, women, natives) and wages themselves; the smaller
    multiplier of the low-wage producer-services jobs (Moretti: 1.0 per unskilled job); the decline
    of manufacturing, as distinct from its downgrading; upgrading and formalisation; casual and
    part-time work inside the formal tiers; prices, rents and displacement.
    """
    t = np.arange(years + 1)
    services = producer_services(services_growth, years)
    new = np.diff(services, prepend=services[0])  # n_t, 0 in year 0
    skilled = (1 - DIRECT_LOW_SHARE) * new
    induced = multiplier * skilled
    manufacturing = MANUFACTURING_0 * (1 - downgrading_rate) ** t
    downgraded = np.diff(-manufacturing, prepend=-manufacturing[0])  # delta U_{t-1}, 0 in year 0
    high = PRODUCER_SERVICES_0 * (1 - DIRECT_LOW_SHARE) + OTHER_HIGH_0 + np.cumsum(skilled)
    middle = manufacturing + OTHER_MIDDLE_0 + np.cumsum((1 - low_wage_share) * induced)
    inflow = DIRECT_LOW_SHARE * new + low_wage_share * induced + downgraded
    low = np.empty(years + 1)
    informal = np.empty(years + 1)
    low[0] = PRODUCER_SERVICES_0 * DIRECT_LOW_SHARE + OTHER_LOW_0
    informal[0] = INFORMAL_0
    keep = 1 - informalisation_rate
    for k in range(1, years + 1):
        moved = informalisation_rate * low[k - 1]
        low[k] = keep * low[k - 1] + inflow[k]
        informal[k] = informal[k - 1] + moved
    jobs = np.concatenate([high, middle, low, informal])
    return pd.DataFrame(
        {
            "year": np.tile(t, 4),
            "tier": np.repeat(TIERS, years + 1),
            "jobs": jobs,
        }
    )


def polarisation(frame: pd.DataFrame) -> pd.DataFrame:
    """Share of jobs outside the middle tier, year by year, from a `global_city` run.

    Columns: year, polarisation (high + low-wage formal + informal jobs over all jobs, between 0 and 1).
    """
    table = frame.pivot(index="year", columns="tier", values="jobs")
    total = table.sum(axis=1)
    share = 1 - table["middle wage"] / total
    return pd.DataFrame({"year": table.index.to_numpy(), "polarisation": share.to_numpy()})


def low_wage_sources(
    services_growth, multiplier, low_wage_share, downgrading_rate, informalisation_rate, years
) -> dict[str, float]:
    r"""How much each of Sassen's channels adds to low-wage formal plus informal jobs over a run
    (jobs per 100 city jobs in year 0), from the equations of :func:`global_city`.

    Keys: ``direct`` ($d$ times the new producer-services jobs), ``consumption`` ($s\,m(1 - d)$
    times them), ``downgraded`` ($U_0 (1 - (1 - \delta)^T)$), their sum ``all``, and ``moved to
    informal`` (informalisation moves jobs between the two tiers and creates none, so it is not
    part of the sum).
    """
    new = producer_services(services_growth, years)[-1] - PRODUCER_SERVICES_0
    parts = {
        "direct": DIRECT_LOW_SHARE * new,
        "consumption": low_wage_share * multiplier * (1 - DIRECT_LOW_SHARE) * new,
        "downgraded": MANUFACTURING_0 * (1 - (1 - downgrading_rate) ** years),
    }
    run = global_city(services_growth, multiplier, low_wage_share, downgrading_rate, informalisation_rate, years)
    informal = run[run["tier"] == "informal"]["jobs"].to_numpy()
    moved = float(informal[-1] - informal[0])
    return {**parts, "all": sum(parts.values()), "moved to informal": moved}


def induced_per_skilled(
    services_growth, multiplier, low_wage_share, downgrading_rate, informalisation_rate, years
) -> float:
    """Local jobs induced per new skilled producer-services job over a run: $m$ by construction
    (the model's input, not a result), recovered from the totals $100 + (1 + m(1 - d))(P_T - P_0)$."""
    new = producer_services(services_growth, years)[-1] - PRODUCER_SERVICES_0
    if new == 0:
        raise ValueError("services_growth = 0 creates no new skilled jobs, so the ratio is undefined")
    run = global_city(services_growth, multiplier, low_wage_share, downgrading_rate, informalisation_rate, years)
    induced = run[run["year"] == years]["jobs"].sum() - 100 - new
    return float(induced / ((1 - DIRECT_LOW_SHARE) * new))


register(
    Model(
        name="global_city",
        title="The global city's jobs by wage tier",
        row="IV.5, IV.6",
        fn=global_city,
        params=(
            Param(
                name="services_growth",
                label="Producer-services growth",
                unit="per year",
                min=0,
                max=0.1,
                step=0.005,
                default=0.04,
                meaning="yearly growth of finance and corporate-services jobs (a modelling choice)",
            ),
            Param(
                name="multiplier",
                label="Local jobs per new skilled job",
                unit="jobs",
                min=0,
                max=4,
                step=0.1,
                default=MORETTI_SKILLED,
                meaning="local non-tradable jobs created by each new skilled job; default 2.5 from Moretti (2010), outside the essays",
            ),
            Param(
                name="low_wage_share",
                label="Low-wage share of local jobs",
                unit="share",
                min=0,
                max=1,
                step=0.05,
                default=0.6,
                meaning="share of those local jobs that are low wage (restaurants, cleaning, luxury services); a modelling choice",
            ),
            Param(
                name="downgrading_rate",
                label="Downgrading of manufacturing",
                unit="per year",
                min=0,
                max=0.1,
                step=0.005,
                default=0.02,
                meaning="yearly share of unionised manufacturing jobs turned into low-wage sweatshop or homework jobs",
            ),
            Param(
                name="informalisation_rate",
                label="Informalisation",
                unit="per year",
                min=0,
                max=0.1,
                step=0.005,
                default=0.02,
                meaning="yearly share of low-wage formal jobs that move into the informal sector",
            ),
            horizon(min=5, max=40, step=1, default=30),
        ),
        view=View(
            x="year", y="jobs", color="tier", x_title="Year", y_title="Jobs (per 100 jobs in year 0)", mark="area"
        ),
        explore=("services_growth", "downgrading_rate"),
        presets={
            "Sassen's three processes": {"downgrading_rate": 0.02, "informalisation_rate": 0.02},
            "no downgrading or informalisation": {"downgrading_rate": 0, "informalisation_rate": 0},
            "no local multiplier": {"multiplier": 0},
            "fast services growth": {"services_growth": 0.08},
        },
    )
)
