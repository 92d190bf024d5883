"""One pipeline: the global city's demand for low-wage labour, carried along bridges to a sending village."""

import functools
import math

import numpy as np
import pandas as pd

from ..params import Param, horizon
from . import Model, View, get, register
from .bridges import bridges
from .global_city import global_city
from .village import village_paths

__all__ = ["pipeline"]

MAX_RATE = 0.2  # the village model's highest out-migration rate
LOW_TIERS = ["low wage (formal)", "informal"]
# Scale of the pull: chosen so that the defaults give the village model's default out-migration
# rate (0.06 a year). A modelling choice, not an estimate.
DEFAULT_RATE = 0.06


def _city_pull(services_growth, years):
    """New low-wage and informal city jobs per year (per 100 city jobs in year 0), other city values at defaults."""
    city = get("global_city").defaults() | {"services_growth": services_growth, "years": years}
    jobs = global_city(**city)
    by_tier = dict(
        zip(jobs["tier"].iloc[:: years + 1], jobs["jobs"].to_numpy().reshape(-1, years + 1))
    )  # tier-major rows
    low = sum(by_tier[tier] for tier in LOW_TIERS)
    return low, (low[-1] - low[0]) / years


def _village_share(tie_strength, sending_country):
    """The village's country's share of the city's immigrants, from the bridges model."""
    flows = bridges(tie_strength, get("bridges").defaults()["wage_gap_elasticity"])
    return float(flows["share"].iloc[sending_country - 1])


@functools.lru_cache(maxsize=1)
def _kappa():
    """Pull scale that maps the default demand onto the default out-migration rate."""
    d = get("pipeline").defaults()
    demand = _city_pull(d["services_growth"], d["years"])[1] * _village_share(d["tie_strength"], d["sending_country"])
    return -math.log(1 - DEFAULT_RATE / MAX_RATE) / demand


def pipeline(services_growth, tie_strength, sending_country, enforcement, jobs_programme, years):
    r"""The city's demand, the bridge and the village, chained: one model from Sassen's city to Portes's village.

    **Equations.** Three registered models run in turn, each with its other parameters at their defaults.

    1. *City* (`global_city`): producer services grow at rate $g$; the low-wage and informal jobs they
       create directly and through the local multiplier give a yearly demand $D = (J^{low}_T - J^{low}_0)/T$
       new low-wage jobs per 100 city jobs.
    2. *Bridge* (`bridges`): the village's country $i$ (one of the eight hypothetical countries) supplies a
       share $s_i(\gamma)$ of the city's immigrants, with $\gamma$ the strength of ties.
    3. *Village* (`village`): the village's out-migration rate is
       $$\mu = \mu_{max}\left(1 - e^{-\kappa D s_i}\right), \qquad \mu_{max} = 0.2,$$
       and the village model runs with that rate, the enforcement $e$ and the jobs programme $j$.

    $\kappa$ is set so that the defaults give the village model's default rate $\mu = 0.06$.

    **Assumptions.** The demand is the average over the whole period, so the village sees a constant pull;
    all of the city's new low-wage jobs are open to immigrants; the village is small beside its country, so
    its departures do not change the city. Every other assumption is that of the three models it chains.

    **Sources.** Sassen (the city's leading sectors create low-wage work; migrations follow bridges) and
    Portes (the village's fate turns on cyclical versus family migration and on state action); the local
    multiplier is Moretti (2010), an outside figure. Portes cites Sassen (1988) on the same mechanism.

    **Leaves out.** Feedback from the village to the city, wages, business cycles, the timing with which
    bridges start to carry migrants, and competition between sending countries beyond their shares.
    """
    low, demand = _city_pull(services_growth, years)
    share = _village_share(tie_strength, sending_country)
    rate = MAX_RATE * (1 - math.exp(-_kappa() * demand * share))
    base = get("village").defaults()
    village = village_paths(rate, base["return_rate"], base["family_share"], jobs_programme, enforcement, years)
    series = {
        "city: low-wage and informal jobs": low,
        "village: people at home": village["home"],
        "village: remittances": village["remittances"],
        "village: local income": village["local_income"],
    }
    return pd.DataFrame(
        {
            "year": np.tile(np.arange(years + 1), len(series)),
            "series": np.repeat(list(series), years + 1),
            "index": np.concatenate(list(series.values())),
            "outmigration_rate": rate,
            "country_share": share,
        }
    )


register(
    Model(
        name="pipeline",
        title="From the city's demand to the sending village",
        row="V.2",
        fn=pipeline,
        params=(
            Param(
                name="services_growth",
                label="Producer-services growth",
                unit="per year",
                min=0,
                max=0.1,
                step=0.01,
                default=0.04,
                meaning="yearly growth of the city's leading sector",
            ),
            Param(
                name="tie_strength",
                label="Strength of ties (bridges)",
                unit="index",
                min=0,
                max=4,
                step=0.5,
                default=2.5,
                meaning="how strongly flows follow bridges rather than poverty alone",
            ),
            Param(
                name="sending_country",
                label="Village's country",
                unit="country 1-8",
                min=1,
                max=8,
                step=1,
                default=5,
                meaning="which hypothetical country of the bridges model the village is in",
            ),
            Param(
                name="enforcement",
                label="Border enforcement",
                unit="strength",
                min=0,
                max=1,
                step=0.1,
                default=0,
                meaning="how costly and dangerous cyclical return becomes",
            ),
            Param(
                name="jobs_programme",
                label="Local jobs programme",
                unit="strength",
                min=0,
                max=1,
                step=0.1,
                default=0,
                meaning="state action that gives working-age adults a reason to stay",
            ),
            horizon(min=10, max=40, step=5, default=30),
        ),
        view=View(
            x="year",
            y="index",
            color="series",
            x_title="Year",
            y_title="Per 100 at the start (remittances: worker-years per 100 adults)",
        ),
        explore=("services_growth", "enforcement"),
        presets={
            "booming city, open border": {"services_growth": 0.08, "enforcement": 0, "jobs_programme": 0},
            "booming city, militarised border": {"services_growth": 0.08, "enforcement": 0.9, "jobs_programme": 0},
            "militarised border with local programme": {
                "services_growth": 0.08,
                "enforcement": 0.9,
                "jobs_programme": 0.8,
            },
        },
    )
)
