"""Brain circulation: temporary professional migration, returns, settlement and transfers home."""

import numpy as np
import pandas as pd

from .. import data
from ..params import Param, horizon
from . import Model, View, register

__all__ = ["PROFESSIONALS", "circulation_paths", "brain_circulation"]

PROFESSIONALS = 1000.0  # professionals at home in year 0 (a scale, a choice)
SERIES = (
    "at home (never left)",
    "abroad on temporary visas",
    "settled abroad",
    "returned home",
    "knowledge transfers (returnee-equivalents)",
)
H1B_MAX_STAY = data.number("h1b_max_stay_years")  # 3 years renewable once (Portes)


def circulation_paths(institutional_capacity, visa_limit, departure_rate, decision_rate, diaspora_transfer, years):
    """Stocks over years ``0..years`` as a dict of arrays: home, abroad, settled, returned, transfers.

    Temporary migrants are tracked by years spent abroad, so the visa limit can send home
    those who reach it without having found a permanent status.
    """
    home = np.empty(years + 1)
    abroad = np.zeros(years + 1)
    settled = np.zeros(years + 1)
    returned = np.zeros(years + 1)
    home[0] = PROFESSIONALS
    by_duration = np.zeros(visa_limit)  # temporary migrants by completed years abroad
    go_home = decision_rate * institutional_capacity
    seek_status = decision_rate * (1.0 - institutional_capacity)
    for t in range(years):
        leaving = departure_rate * home[t]
        voluntary = go_home * by_duration.sum()
        adjust = seek_status * by_duration.sum()
        staying = (1.0 - decision_rate) * by_duration
        forced = staying[-1]  # reach the visa limit: legally required to return
        by_duration[1:] = staying[:-1]
        by_duration[0] = leaving
        home[t + 1] = home[t] - leaving
        abroad[t + 1] = by_duration.sum()
        settled[t + 1] = settled[t] + adjust
        returned[t + 1] = returned[t] + voluntary + forced
    transfers = institutional_capacity * (returned + diaspora_transfer * (abroad + settled))
    return {"home": home, "abroad": abroad, "settled": settled, "returned": returned, "transfers": transfers}


def brain_circulation(institutional_capacity, visa_limit, departure_rate, decision_rate, diaspora_transfer, years):
    r"""Professionals at home, abroad on temporary visas, settled abroad and returned, and what flows home.

    **Equations.** Start with $H_0 = 1000$ professionals at home. Each year a share $\delta$ of those
    who have never left departs on a temporary visa (the H-1B): $H_{t+1} = (1-\delta) H_t$. Temporary
    migrants are counted by years abroad $d = 0, \dots, V-1$. Each year a share $h$ of them settles
    its future: with probability $I$ (home institutional capacity, "something to return to") they
    go home, otherwise they seek permanent status abroad. Those who reach the visa limit $V$
    without a decision must return. So the yearly flows are

    $$\text{return}_t = h I A_t + (1-h)\,a_{t, V-1}, \qquad \text{settle}_t = h (1-I) A_t,$$

    with $A_t = \sum_d a_{t,d}$, and the stocks settled $S$ and returned $R$ cumulate them. Nobody is
    lost: $H_t + A_t + S_t + R_t = H_0$ in every year. Knowledge transfers, in returnee-equivalents,
    are absorbed in proportion to $I$:

    $$K_t = I\,\big[R_t + \theta\,(A_t + S_t)\big],$$

    where a professional abroad transfers $\theta \le 1$ of what a returnee does (returnees put to
    use at once what they learned). Because $I$ moves people from settling to returning without
    changing $A$, more capacity never lowers returns or transfers. Because a longer visa leaves
    more time to find a permanent status before the forced return, it never raises the number who
    have returned by any year, nor transfers.

    **Assumptions.** Stylised: $I$, $\delta$, $h$, $\theta$ and the presets are modelling choices,
    not estimates. The presets contrast an "India-like" home (strong institutions, $I = 0.8$) with
    "Mexico after NAFTA" (institutions weakened, $I = 0.3$) only in the direction the essay
    describes; the numbers are not measured. The default visa limit is the H-1B's six years (three
    renewable once). The departure rate does not depend on home conditions here (see the
    professional-decision model for that).

    **Sources.** Portes, section on professional migration: the H-1B's three years renewable once
    and the legal duty to return after six; cyclical movement augments transfer potential;
    institutions able to absorb transfers; India versus Mexico after NAFTA (Saxenian 2002; Alarcon
    1999; Pozas 2002); "there must be something to return to". The name brain circulation is
    AnnaLee Saxenian's (2005), not Portes's; he describes the process without it.

    **Leaves out.** New graduates joining the home stock, retirement and death; returnees leaving
    again; settled professionals coming back; overstaying the visa; the quality of transfers
    (philanthropy versus technology); any effect of returns back on home institutions.
    """
    paths = circulation_paths(
        institutional_capacity, visa_limit, departure_rate, decision_rate, diaspora_transfer, years
    )
    values = np.concatenate([paths[k] for k in ("home", "abroad", "settled", "returned", "transfers")])
    return pd.DataFrame(
        {
            "year": np.tile(np.arange(years + 1), len(SERIES)),
            "series": np.repeat(SERIES, years + 1),
            "professionals": values,
        }
    )


register(
    Model(
        name="brain_circulation",
        title="Brain circulation: something to return to",
        row="II.5",
        fn=brain_circulation,
        params=(
            Param(
                name="institutional_capacity",
                label="Home institutional capacity",
                unit="index 0-1",
                min=0,
                max=1,
                step=0.05,
                default=0.5,
                meaning="universities, research support and high-tech industry able to employ returnees and absorb transfers",
            ),
            Param(
                name="visa_limit",
                label="Visa limit",
                unit="years",
                min=1,
                max=12,
                step=1,
                default=H1B_MAX_STAY,
                meaning="longest stay on a temporary visa before the legal duty to return (H-1B: 3 years, renewable once)",
            ),
            Param(
                name="departure_rate",
                label="Departure rate",
                unit="per year",
                min=0,
                max=0.1,
                step=0.005,
                default=0.02,
                meaning="share of the professionals at home who leave on a temporary visa each year (a choice)",
            ),
            Param(
                name="decision_rate",
                label="Decision rate abroad",
                unit="per year",
                min=0,
                max=0.5,
                step=0.05,
                default=0.2,
                meaning="share of temporary migrants who each year either go home or seek permanent status (a choice)",
            ),
            Param(
                name="diaspora_transfer",
                label="Transfer of a professional abroad",
                unit="returnee-equivalents",
                min=0,
                max=1,
                step=0.05,
                default=0.3,
                meaning="what one professional abroad transfers home, relative to one returnee (a choice)",
            ),
            horizon(min=5, max=40, step=1, default=30),
        ),
        view=View(
            x="year",
            y="professionals",
            color="series",
            x_title="Year",
            y_title="Professionals (transfers in returnee-equivalents)",
            mark="line",
        ),
        presets={
            "India-like (strong institutions)": {"institutional_capacity": 0.8},
            "Mexico after NAFTA (weakened institutions)": {"institutional_capacity": 0.3},
            "longer visa (12 years)": {"visa_limit": 12},
        },
    )
)
