"""Border enforcement as a stock and two flows: how a circular flow became a settled population."""

import numpy as np
import pandas as pd

from .. import data
from ..params import Param
from . import Model, View, register

__all__ = ["POPULATION_1986", "enforcement_index", "stock_flow", "enforcement_stock_flow"]

START_YEAR = 1986
BUILDUP_YEARS = 2008 - START_YEAR  # enforcement rises over 1986-2008, then holds
POPULATION_1986 = data.outside("mdp_undocumented_1986") / 1e6  # millions (Massey, Durand and Pren 2016)
PATROL_GROWTH = data.outside("mdp_border_patrol_growth")  # Border Patrol officers, 2008 / 1986
# Calibration (choices, see the docstring): with 1,000 thousand entries a year and no response of
# entries to enforcement, a return sensitivity of 1.29 takes 3 million (1986) to 12 million (2008).
CALIBRATED_ENTRIES = 1000  # thousands per year
CALIBRATED_RETURN_SENSITIVITY = 1.29
SERIES = ("unauthorised population", "entries", "returns")


def enforcement_index(enforcement_growth, years):
    """Enforcement over years ``0..years``: 1 in 1986, rising linearly to ``enforcement_growth`` in 2008, then flat."""
    t = np.minimum(np.arange(years + 1), BUILDUP_YEARS)
    return 1.0 + (enforcement_growth - 1.0) * t / BUILDUP_YEARS


def stock_flow(enforcement_growth, return_sensitivity, entry_sensitivity, entries_per_year, years):
    """Population (millions) over years ``0..years`` and the entries and returns of each year (millions a year)."""
    index = enforcement_index(enforcement_growth, years)
    entries = entries_per_year / 1000.0 * index ** (-entry_sensitivity)
    base_return = entries_per_year / 1000.0 / POPULATION_1986  # the circular system was in balance in 1986
    return_rate = base_return * index ** (-return_sensitivity)
    population = np.empty(years + 1)
    population[0] = POPULATION_1986
    for t in range(years):
        population[t + 1] = population[t] * (1.0 - return_rate[t]) + entries[t]
    return population, entries, return_rate * population, return_rate


def enforcement_stock_flow(enforcement_growth, return_sensitivity, entry_sensitivity, entries_per_year, years):
    r"""The unauthorised population of the United States as a stock fed by entries and drained by returns.

    **Equations.** With $P_t$ the unauthorised population (millions), $E_t$ entries and $r_t$ the
    yearly probability that an unauthorised migrant goes home,

    $$P_{t+1} = P_t + E_t - r_t P_t .$$

    Enforcement $e_t$ is 1 in 1986 and rises linearly to $G$ in 2008 ($G = 5$: Border Patrol officers
    grew fivefold), then holds. Entries and returns respond to it with sensitivities $\varepsilon_E$
    and $\varepsilon_R$:

    $$E_t = E_0\, e_t^{-\varepsilon_E}, \qquad r_t = r_0\, e_t^{-\varepsilon_R}, \qquad r_0 = E_0 / P_{1986},$$

    the last because the circular flow of 1986 is taken to be in balance (returns matched
    entries). Crossing is costly and risky, so those already in stop going home: enforcement
    cuts the return probability. With $\varepsilon_R = \varepsilon_E$ the stock stays at
    $E_0/r_0 = P_{1986}$ (enforcement only slows the circulation); with $\varepsilon_R > \varepsilon_E$
    it moves towards $P_{1986}\, G^{\varepsilon_R - \varepsilon_E}$: the circular flow becomes a settled
    population. Since $r_t \le r_0 \le 1$ and $e_t \ge 1$, more enforcement never raises the return
    rate, and the stock never falls below zero.

    **Calibration.** $P_{1986} = 3$ million and $G = 5$ are Massey, Durand and Pren's (2016) figures.
    Choosing $E_0 = 1$ million entries a year (so $r_0 = 1/3$: a three-year average stay of circular
    migrants) and entries that do not respond to enforcement ($\varepsilon_E = 0$), the return
    sensitivity $\varepsilon_R = 1.29$ takes the population from 3 million in 1986 to 11.996 million
    in 2008, against their 12 million. $\varepsilon_R$ is calibrated to these two figures; $E_0$,
    $\varepsilon_E = 0$ and the linear path of enforcement are choices. None of these values is
    estimated from survey data; in particular they are not the return probabilities that Massey,
    Durand and Pren estimate from the Mexican Migration Project in their companion paper (Border
    Enforcement and Return Migration by Documented and Undocumented Mexicans, Journal of Ethnic and
    Migration Studies 41(7): 1015-1040, 2015).

    **Assumptions.** One homogeneous population; constant entries apart from enforcement; no
    deaths; the 1986 balance of entries and returns.

    **Sources.** Portes, sections on labour migration and segmented assimilation: border
    enforcement made cyclical returns too costly or dangerous, so migrants brought their families
    and settled (Massey et al. 2002); Figure 3. Outside the essay: Massey, Douglas S., Jorge Durand
    and Karen A. Pren. 2016. Why Border Enforcement Backfired. American Journal of Sociology 121(5):
    1557-1600 (abstract: 3 million undocumented in 1986, 12 million in 2008; Border Patrol officers
    fivefold).

    **Leaves out.** The 1986 legalisation (IRCA), which moved millions out of the unauthorised
    stock; visa overstayers; the economy's pull (the 2008 recession and net return after it); deaths,
    deportations, adjustments of status; births, which add a citizen second generation rather than
    unauthorised migrants.
    """
    population, entries, returns, _ = stock_flow(
        enforcement_growth, return_sensitivity, entry_sensitivity, entries_per_year, years
    )
    n = years + 1
    return pd.DataFrame(
        {
            "year": np.tile(START_YEAR + np.arange(n), len(SERIES)),
            "series": np.repeat(SERIES, n),
            "millions": np.concatenate([population, entries, returns]),
        }
    )


register(
    Model(
        name="enforcement_stock_flow",
        title="Border enforcement: from circulation to settlement",
        row="III.3",
        fn=enforcement_stock_flow,
        params=(
            Param(
                name="enforcement_growth",
                label="Enforcement by 2008",
                unit="multiple of 1986",
                min=1,
                max=10,
                step=0.5,
                default=PATROL_GROWTH,
                meaning="enforcement in 2008 as a multiple of 1986 (Border Patrol officers grew fivefold)",
            ),
            Param(
                name="return_sensitivity",
                label="Sensitivity of return to enforcement",
                unit="elasticity",
                min=0,
                max=3,
                step=0.01,
                default=CALIBRATED_RETURN_SENSITIVITY,
                meaning="how strongly enforcement cuts the yearly probability of going home (calibrated: 1.29)",
            ),
            Param(
                name="entry_sensitivity",
                label="Sensitivity of entry to enforcement",
                unit="elasticity",
                min=0,
                max=3,
                step=0.01,
                default=0,
                meaning="how strongly enforcement cuts entries (a choice: 0, entries unaffected)",
            ),
            Param(
                name="entries_per_year",
                label="Entries per year",
                unit="thousands",
                min=0,
                max=3000,
                step=50,
                default=CALIBRATED_ENTRIES,
                meaning="yearly entries without extra enforcement; also sets the 1986 return probability (entries / 3 million)",
            ),
            Param(
                name="years",
                label="Years from 1986",
                unit="years",
                min=10,
                max=40,
                step=1,
                default=BUILDUP_YEARS,
                meaning="how many years to follow",
            ),
        ),
        view=View(
            x="year",
            y="millions",
            color="series",
            x_title="Year",
            y_title="Millions (population; entries and returns per year)",
            mark="line",
        ),
        presets={
            "calibrated (3 to 12 million)": {},
            "enforcement deters entry as much as return": {"entry_sensitivity": CALIBRATED_RETURN_SENSITIVITY},
            "no build-up of enforcement": {"enforcement_growth": 1},
        },
    )
)
