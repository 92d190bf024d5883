"""Cumulative causation: migrant networks lower the cost of leaving, so migration feeds itself."""

import numpy as np
import pandas as pd

from ..params import Param, horizon
from . import Model, View, register

__all__ = ["diffusion_paths", "network_diffusion"]

SERIES = ("ever migrated (network reach)", "living at home", "abroad")


def diffusion_paths(pioneers, base_propensity, network_effect, return_rate, years):
    """The stocks as arrays over years ``0..years``: never migrated, abroad, returned (shares of the initial adults)."""
    never = np.empty(years + 1)
    abroad = np.empty(years + 1)
    returned = np.zeros(years + 1)
    never[0], abroad[0] = 1.0 - pioneers, pioneers
    for t in range(years):
        prevalence = 1.0 - never[t]
        hazard = 1.0 - np.exp(-(base_propensity + network_effect * prevalence))
        leave_first = hazard * never[t]
        leave_again = hazard * returned[t]
        come_back = return_rate * abroad[t]
        never[t + 1] = never[t] - leave_first
        abroad[t + 1] = abroad[t] + leave_first + leave_again - come_back
        returned[t + 1] = returned[t] + come_back - leave_again
    return never, abroad, returned


def network_diffusion(pioneers, base_propensity, network_effect, return_rate, years):
    r"""Migration prevalence and the population at home in a sending community, year by year.

    **Equations.** Working-age adults of one community are never-migrants $N_t$, migrants
    abroad $A_t$ or returned migrants at home $E_t$, as shares of the initial adults. The migration
    prevalence $\pi_t = A_t + E_t = 1 - N_t$ (Massey's share who have ever migrated) measures how
    many ties to the destination the community has. Ties lower the cost and risk of going, so the
    yearly hazard of leaving is

    $$h_t = 1 - e^{-(b + k\,\pi_t)},$$

    with $b$ the propensity without networks and $k$ the network effect. Migrants return at rate
    $\rho$; returned migrants, who have ties of their own, leave again at the same hazard:

    $$N_{t+1} = N_t(1-h_t),\quad A_{t+1} = A_t + h_t(N_t + E_t) - \rho A_t,\quad
    E_{t+1} = E_t + \rho A_t - h_t E_t,$$

    starting from $A_0 = $ the pioneers, $E_0 = 0$. Residents are $N_t + E_t$; residents plus
    abroad stay at 100 percent of the initial adults every year, because the model has no births
    or deaths. A larger $k$ raises every $h_t$, and $N(1-h(1-N))$ rises with $N$, so it never lowers
    the prevalence in any year; with $\rho = 0$ the returned stock stays empty and residents
    $= N_t$ can only fall.

    **Assumptions.** One hazard for all adults at home; returns at a constant rate; defaults
    ($b = 0.01$, $k = 0.3$, $\rho = 0.1$, 2 percent pioneers) are modelling choices, not estimates.
    With $b = 0$ and no pioneers nothing ever starts: networks sustain a flow but cannot begin one.

    **Sources.** Portes, section on labour migrants: networks (chain migration, referral, remittance
    channels) sustain migration (Portes and Bach 1985; Massey et al. 2002); they cut its costs and,
    absent countervailing forces, can empty sending towns; a third of Mexican municipalities lost
    population in the last intercensal period. The question of how the first migrants started,
    and recruitment as the start of the Mexican flow (Barrera 1980).

    **Leaves out.** Births, deaths and ageing; households (the unit is an adult); saturation of
    destination labour markets; the families who follow (see the village model).
    """
    never, abroad, returned = diffusion_paths(pioneers, base_propensity, network_effect, return_rate, years)
    values = 100.0 * np.concatenate([1.0 - never, never + returned, abroad])
    return pd.DataFrame(
        {
            "year": np.tile(np.arange(years + 1), len(SERIES)),
            "series": np.repeat(SERIES, years + 1),
            "percent": values,
        }
    )


register(
    Model(
        name="network_diffusion",
        title="Networks and cumulative causation",
        row="I.5",
        fn=network_diffusion,
        params=(
            Param(
                name="pioneers",
                label="Pioneers abroad at the start",
                unit="share of adults",
                min=0,
                max=0.2,
                step=0.01,
                default=0.02,
                meaning="share of the community's adults already abroad in year 0 (e.g. recruited)",
            ),
            Param(
                name="base_propensity",
                label="Propensity without networks",
                unit="per year",
                min=0,
                max=0.1,
                step=0.005,
                default=0.01,
                meaning="yearly rate of leaving when nobody in the community has migrated",
            ),
            Param(
                name="network_effect",
                label="Network effect",
                unit="per year per share",
                min=0,
                max=1,
                step=0.05,
                default=0.3,
                meaning="extra yearly rate of leaving per unit of migration prevalence",
            ),
            Param(
                name="return_rate",
                label="Return rate",
                unit="per year",
                min=0,
                max=0.5,
                step=0.05,
                default=0.1,
                meaning="share of those abroad who come home each year",
            ),
            horizon(min=10, max=60, step=5, default=40),
        ),
        view=View(
            x="year", y="percent", color="series", x_title="Year", y_title="Percent of the initial adults", mark="line"
        ),
        explore=("network_effect", "return_rate"),
        presets={
            "no networks": {"network_effect": 0},
            "strong networks, few returns": {"network_effect": 0.8, "return_rate": 0.05},
            "no pioneers, no propensity": {"pioneers": 0, "base_propensity": 0},
        },
    )
)
