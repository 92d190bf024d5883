"""The sending village over decades: cyclical migrants, settled families, remittances and local income."""

import numpy as np
import pandas as pd

from ..params import Param, horizon
from . import Model, View, register
from .remittances import CALIBRATED_CONSUMPTION, CALIBRATED_LOCAL_SHARE, gnp_per_migradollar

__all__ = ["INITIAL", "village_paths", "village"]

INITIAL = 100.0  # working-age adults at home in year 0 (an index)
REMIT_LONE = 1.0  # yearly remittance of a lone migrant, in years of a home worker's output (choice)
REMIT_FAMILY = 0.25  # yearly remittance of a migrant whose family is abroad with them (choice)
FAMILY_RETURN = 0.1  # families return at this fraction of the lone migrants' rate (choice)
SETTLE_BASE = 0.02  # yearly rate at which lone migrants bring their families, no enforcement (choice)
SETTLE_ENFORCEMENT = 0.15  # extra settling rate at full enforcement (choice)
RETURN_CUT = 0.8  # share of the return rate that full enforcement removes (choice)
PROGRAMME_STAY = 0.6  # share of out-migration a full jobs programme prevents (choice)
PROGRAMME_LOCAL = 0.1  # rise in the home share of spending under a full programme (choice)
EROSION = 1.0  # elasticity of the home share of spending to the population at home (choice)
SERIES = ("population at home", "lone migrants abroad", "families abroad", "remittances", "local income")


def village_paths(outmigration_rate, return_rate, family_share, jobs_programme, enforcement, years):
    """Stocks and flows as arrays over years ``0..years``.

    Returns a dict with ``home``, ``lone``, ``family`` (people, index: 100 at home in year 0),
    ``returns`` (people coming home during the year ending at t; 0 in year 0), ``remittances``,
    ``multiplier`` and ``local_income`` (years of a home worker's output), and the effective rates.
    """
    leave = outmigration_rate * (1.0 - PROGRAMME_STAY * jobs_programme)
    back_lone = return_rate * (1.0 - RETURN_CUT * enforcement)
    back_family = FAMILY_RETURN * back_lone
    settle = SETTLE_BASE + SETTLE_ENFORCEMENT * enforcement
    home, lone, family, returns = (np.zeros(years + 1) for _ in range(4))
    home[0] = INITIAL
    for t in range(years):
        out = leave * home[t]
        ret_l, ret_f, fam_up = back_lone * lone[t], back_family * family[t], settle * lone[t]
        home[t + 1] = home[t] - out + ret_l + ret_f
        lone[t + 1] = lone[t] + (1.0 - family_share) * out - ret_l - fam_up
        family[t + 1] = family[t] + family_share * out + fam_up - ret_f
        returns[t + 1] = ret_l + ret_f
    remittances = REMIT_LONE * lone + REMIT_FAMILY * family
    multiplier = gnp_per_migradollar(
        CALIBRATED_CONSUMPTION, CALIBRATED_LOCAL_SHARE + PROGRAMME_LOCAL * jobs_programme, home / INITIAL, EROSION
    )
    local_income = home + remittances * multiplier
    return {
        "home": home,
        "lone": lone,
        "family": family,
        "returns": returns,
        "remittances": remittances,
        "multiplier": multiplier,
        "local_income": local_income,
        "leave_rate": leave,
        "return_rate": back_lone,
        "family_return_rate": back_family,
        "settle_rate": settle,
    }


def village(outmigration_rate, return_rate, family_share, jobs_programme, enforcement, years):
    r"""Population, remittances and local income of a sending village over the decades.

    **Equations.** Working-age adults are at home $H_t$, abroad alone $L_t$ (cyclical migrants)
    or abroad with their families $F_t$; $H_0 = 100$, $L_0 = F_0 = 0$. Each year a share $\mu$ of
    those at home leaves, a share $\phi$ of them as whole families; lone migrants return at rate
    $\rho$ or bring their families at rate $\sigma$; families return at the lower rate $0.1\rho$:

    $$H_{t+1} = H_t - \mu H_t + \rho L_t + 0.1\rho F_t,\quad
    L_{t+1} = L_t + (1-\phi)\mu H_t - (\rho + \sigma) L_t,\quad
    F_{t+1} = F_t + \phi\mu H_t + \sigma L_t - 0.1\rho F_t .$$

    There are no births or deaths, so $H_t + L_t + F_t = 100$ every year. Border enforcement
    $e \in [0,1]$ makes the cyclical return costly and dangerous: $\rho = \rho_0(1 - 0.8e)$ and
    $\sigma = 0.02 + 0.15e$. A local jobs programme $j \in [0,1]$ keeps adults at home,
    $\mu = \mu_0(1 - 0.6j)$, and lets remittances be used productively: the home share of spending
    rises to $\ell_0 + 0.1j$. Remittances are $R_t = 1.0\,L_t + 0.25\,F_t$ (families abroad send
    less). Local income is what the adults at home produce (one unit each) plus remittance
    spending times the remittance multiplier, which erodes as the village empties:

    $$Y_t = H_t + R_t\,k(H_t/100), \qquad k(P) = \frac{1}{1 - c\,(\ell_0 + 0.1j)\,P},$$

    with $c = 0.91$ and $\ell_0 = 0.72$, the calibration that gives 2.90 in the remittance
    multiplier model (the same function is called). People are counted per 100 adults at home in
    year 0; remittances and local income are in years of one home worker's output, so they too
    read as an index on which year-0 local income is 100.

    **Assumptions.** Every number above other than the slider values (the 0.1 family return
    fraction, remittances of 1.0 and 0.25, the enforcement and programme effects, the erosion
    elasticity of 1, output of one unit per adult at home) is a modelling choice made to show the
    mechanism, not an estimate. Enforcement does not cut departures (it stopped the flow's
    cyclical character, not the flow). Output per adult at home is fixed.

    **Sources.** Portes, section on labour migrants: the outcome turns on government programmes
    that keep working-age adults at home so remittances can be used productively, and on the
    character of migration (cyclical young adults versus whole families, who seldom return and
    remit less); in Mexico, border enforcement ended the cyclical pattern (Massey et al. 2002).
    The multiplier: Massey et al. 1998: 249, via the remittance multiplier model.

    **Leaves out.** Births, deaths, ageing and dependants (the unit is a working-age adult);
    migrant investment and hometown clubs; NAFTA's blows to local farming and industry; wages,
    prices and the destination's demand; networks that speed up leaving (see network diffusion).
    """
    p = village_paths(outmigration_rate, return_rate, family_share, jobs_programme, enforcement, years)
    values = np.concatenate([p["home"], p["lone"], p["family"], p["remittances"], p["local_income"]])
    return pd.DataFrame(
        {
            "year": np.tile(np.arange(years + 1), len(SERIES)),
            "series": np.repeat(SERIES, years + 1),
            "value": values,
        }
    )


register(
    Model(
        name="village",
        title="The sending village over forty years",
        row="I.6, I.7",
        fn=village,
        params=(
            Param(
                name="outmigration_rate",
                label="Out-migration rate",
                unit="per year",
                min=0,
                max=0.2,
                step=0.01,
                default=0.06,
                meaning="share of the adults at home who leave each year, before any programme",
            ),
            Param(
                name="return_rate",
                label="Return rate of lone migrants",
                unit="per year",
                min=0,
                max=0.5,
                step=0.05,
                default=0.3,
                meaning="share of lone migrants abroad who come home each year, before enforcement",
            ),
            Param(
                name="family_share",
                label="Family migration",
                unit="share of departures",
                min=0,
                max=1,
                step=0.05,
                default=0.1,
                meaning="share of those leaving who go with their whole family",
            ),
            Param(
                name="jobs_programme",
                label="Local jobs programme",
                unit="strength",
                min=0,
                max=1,
                step=0.1,
                default=0,
                meaning="public works, support for local production and new enterprises (0: none, 1: full)",
            ),
            Param(
                name="enforcement",
                label="Border enforcement",
                unit="strength",
                min=0,
                max=1,
                step=0.1,
                default=0,
                meaning="cost and danger of crossing back and forth (0: open circulation, 1: militarised border)",
            ),
            horizon(min=10, max=60, step=5, default=40),
        ),
        view=View(
            x="year",
            y="value",
            color="series",
            x_title="Year",
            y_title="Index: people per 100 adults at home in year 0; money in years of one worker's output (year-0 income = 100)",
            mark="line",
        ),
        explore=("enforcement", "jobs_programme"),
        presets={
            "cyclical": {"family_share": 0.05, "return_rate": 0.3, "enforcement": 0, "jobs_programme": 0},
            "family settlement": {"family_share": 0.5, "return_rate": 0.3, "enforcement": 0.8, "jobs_programme": 0},
            "settlement with local programme": {
                "family_share": 0.5,
                "return_rate": 0.3,
                "enforcement": 0.8,
                "jobs_programme": 0.8,
            },
        },
    )
)
