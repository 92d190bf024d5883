"""Expected-income migration: one wage gap, five regions, and the social context that makes them differ."""

import numpy as np
import pandas as pd

from .. import data
from ..params import Param, horizon
from . import Model, View, register

__all__ = ["expected_income"]

REGIONS = ("region A", "region B", "region C", "region D", "region E")
# Stylised regional profiles (a modelling choice, not data): awareness of the wage gap, means to
# act on it (e.g. access to credit for the journey) and how strongly neighbours' migration is felt
# as relative deprivation. Region A is a long-connected sending area, region E a remote one.
AWARENESS = np.array([1.0, 0.8, 0.6, 0.4, 0.2])
MEANS = np.array([1.0, 0.7, 0.5, 0.3, 0.1])
MEANING = np.array([1.0, 0.8, 0.6, 0.4, 0.2])
MAX_HAZARD = 0.05  # most adults who can leave in a year when the gain is very large (choice)
GAIN_SCALE = 2.0  # gain, in years of home wages, at which the pull is 63% of its maximum (choice)


def expected_income(wage_ratio, employment_prob, migration_cost, social_context, deprivation, years):
    r"""Share of adults who have migrated, year by year, in five regions facing the same wage gap.

    **Equations.** With the home wage as the unit, a destination wage $R$ times higher, a
    probability $p$ of finding work there and a cost $C$ of the move (in years of home wages), the
    expected gain is the Harris-Todaro calculation

    $$G = pR - 1 - C .$$

    Region $r$ has an awareness $a_r$, means $b_r$ and meaning $d_r$ (its profile), and a
    social-context strength $s \in [0,1]$ scales how far each departs from the full value 1:
    $a_r(s) = 1 - s(1-a_r)$, likewise $b_r(s)$ and $d_r(s)$. Relative deprivation adds to the felt
    gain in proportion to the share $M_{r,t}$ of neighbours who have already gone, with weight
    $\delta$. The yearly hazard of leaving for an adult still at home, and the cumulative share, are

    $$h_{r,t} = h_{\max}\, a_r(s)\, b_r(s)\left(1 - e^{-\max(0,\; G + \delta\, d_r(s)\, M_{r,t})/g}\right),
    \qquad M_{r,t+1} = M_{r,t} + (1 - M_{r,t})\, h_{r,t}, \quad M_{r,0} = 0 .$$

    With $s = 0$ every region has the same $a = b = d = 1$, hence the same path: the gap alone
    predicts the same flow everywhere. A larger $R$ raises $G$, hence every hazard, and since
    $M + (1-M)h(M)$ rises with $M$, it never lowers any region's path.

    **Assumptions.** The regional profiles ($a$, $b$, $d$ from 1 for region A down to 0.2, 0.1 and
    0.2 for region E), $h_{\max} = 0.05$ per year, the scale $g = 2$ years of home wages and the
    defaults $p = 0.5$, $C = 1$, $\delta = 2$ are modelling choices, not estimates. Regions are
    stylised, not real places. Everyone faces the same wages; nobody returns.

    **Sources.** Portes, section on labour migrants: the seven-to-one US-Mexico wage gap for
    unskilled labour (the default $R$); the gap works unevenly in time and place because the theory
    ignores the social context: awareness of the gap, its meaning and the means to act on it;
    relative deprivation in the new economics of migration (Stark, Massey, Taylor).

    **Leaves out.** Return migration, networks (see the network-diffusion model), changing wages
    and employment over time, recruitment that starts a flow, and households deciding jointly.
    """
    gain = employment_prob * wage_ratio - 1.0 - migration_cost
    awareness = 1.0 - social_context * (1.0 - AWARENESS)
    means = 1.0 - social_context * (1.0 - MEANS)
    meaning = deprivation * (1.0 - social_context * (1.0 - MEANING))
    reach = MAX_HAZARD * awareness * means
    share = np.zeros((years + 1, len(REGIONS)))
    for t in range(years):
        felt = np.maximum(0.0, gain + meaning * share[t])
        hazard = reach * (1.0 - np.exp(-felt / GAIN_SCALE))
        share[t + 1] = share[t] + (1.0 - share[t]) * hazard
    return pd.DataFrame(
        {
            "year": np.repeat(np.arange(years + 1), len(REGIONS)),
            "region": np.tile(REGIONS, years + 1),
            "share_migrated": share.ravel(),
        }
    )


register(
    Model(
        name="expected_income",
        title="The same wage gap, uneven flows",
        row="I.1",
        fn=expected_income,
        params=(
            Param(
                name="wage_ratio",
                label="Wage ratio (destination : home)",
                unit="ratio",
                min=1,
                max=12,
                step=0.5,
                default=data.number("wage_gap_mx_us"),
                meaning="destination wage for unskilled work divided by the home wage (Portes: seven to one)",
            ),
            Param(
                name="employment_prob",
                label="Chance of finding work",
                unit="probability",
                min=0.1,
                max=1,
                step=0.05,
                default=0.5,
                meaning="probability a migrant finds work at the destination",
            ),
            Param(
                name="migration_cost",
                label="Cost of the move",
                unit="years of home wages",
                min=0,
                max=5,
                step=0.25,
                default=1,
                meaning="cost of the journey and settling in, in years of home earnings",
            ),
            Param(
                name="social_context",
                label="Social context",
                unit="strength",
                min=0,
                max=1,
                step=0.1,
                default=1,
                meaning="how much regions differ in awareness of the gap, means to act and its meaning (0: not at all)",
            ),
            Param(
                name="deprivation",
                label="Relative deprivation",
                unit="home wages per share gone",
                min=0,
                max=5,
                step=0.5,
                default=2,
                meaning="extra felt gain as neighbours leave (0: none)",
            ),
            horizon(min=5, max=50, step=5, default=30),
        ),
        view=View(
            x="year",
            y="share_migrated",
            color="region",
            x_title="Year",
            y_title="Share of adults who have migrated",
            mark="line",
        ),
        explore=("social_context", "wage_ratio"),
        presets={
            "the gap alone": {"social_context": 0},
            "gap with social context": {"social_context": 1},
            "a wider gap, no context": {"social_context": 0, "wage_ratio": 12},
        },
    )
)
