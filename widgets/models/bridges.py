"""Bridges: a gravity-style model of who emigrates, with and without ties to the receiving country."""

import numpy as np
import pandas as pd

from ..params import Param
from . import Model, View, register

__all__ = ["WAGE_GAP", "TIES", "bridges", "poverty_rank_correlation"]

# Eight HYPOTHETICAL sending countries (a modelling choice, not data). Numbered from the least
# poor (country 1) to the poorest (country 8). WAGE_GAP is the receiving country's wage over the
# home wage; the range 2:1 to 12:1 brackets the seven-to-one Mexico-US gap Portes reports
# (numbers.csv, wage_gap_mx_us). TIES is a stylised strength of the bridge to the receiving
# country (0 = none; 1 = the strongest: a former colony, a main investor, a military presence).
# Country 1 stands for Sassen's non-poor senders (South Korea, Taiwan): little poverty, strong ties.
WAGE_GAP = np.array([2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0])
TIES = np.array([0.9, 0.1, 0.7, 0.0, 0.5, 0.2, 0.6, 0.0])
COUNTRIES = [f"country {i + 1} ({gap:g}:1)" for i, gap in enumerate(WAGE_GAP)]
BRIDGE = np.where(TIES >= 0.6, "strong bridge", np.where(TIES >= 0.2, "some bridge", "little or no bridge"))


def bridges(tie_strength, wage_gap_elasticity):
    r"""Shares of one receiving country's immigrants coming from eight hypothetical sending countries.

    **Equations.** Sending country $i$ (hypothetical, numbered from least poor to poorest) has a
    wage gap $w_i$ (the receiving country's wage over its own) and a tie $\tau_i \in [0, 1]$ to the
    receiving country: the bridge that investment, trade, aid, colonial rule or a military presence
    built. In the manner of a gravity model its flow is

    $$F_i \propto w_i^{\,a}\, e^{\gamma \tau_i}, \qquad s_i = \frac{w_i^{\,a} e^{\gamma \tau_i}}{\sum_j w_j^{\,a} e^{\gamma \tau_j}},$$

    with $a$ the pull of the wage gap and $\gamma$ the strength of ties. With $\gamma = 0$ the shares
    rank exactly as poverty does (for $a > 0$); with $\gamma > 0$ they follow the bridges, so some of
    the poorest send few and a less-poor, well-tied country sends many. A larger $\gamma$ never lowers
    the share of the best-tied country: $\partial \ln s_k / \partial \gamma = \tau_k - \sum_j s_j \tau_j \ge 0$
    when $\tau_k$ is the largest tie. `poverty_rank_correlation(frame)` gives Spearman's rank
    correlation between the wage gap and the share: 1 when poverty alone decides.

    **Assumptions.** The eight countries, their wage gaps (2:1 to 12:1, bracketing the seven-to-one
    Mexico-US gap that Portes reports) and their tie strengths are a stylised modelling choice, not
    data about real countries; country 1 plays the part of Sassen's non-poor senders such as South
    Korea and Taiwan. The sending countries are of equal size and equally far away, so population
    and distance, the other terms of a gravity model, drop out. Only shares are modelled, not the
    total number of migrants.

    **Sources.** Sassen, section on the international perspective: migrations are produced and
    patterned; the internationalisation of capital builds bridges that migrants later use; many
    poor, stagnant countries do not send large flows, while some senders (South Korea, Taiwan) are
    not poor. The functional form is the usual gravity form of migration studies, chosen here for
    illustration; its parameters are not estimated.

    **Leaves out.** How ties are built and when they start to carry migrants (Sassen's timing:
    poverty came long before the flows of the 1960s), networks that make a flow feed on itself,
    immigration policy, distance and country size, and the total volume of migration.
    """
    weight = WAGE_GAP**wage_gap_elasticity * np.exp(tie_strength * TIES)
    share = weight / weight.sum()
    return pd.DataFrame(
        {
            "country": COUNTRIES,
            "bridge": BRIDGE,
            "wage_gap": WAGE_GAP,
            "tie": TIES,
            "share": share,
        }
    )


def poverty_rank_correlation(frame: pd.DataFrame) -> float:
    """Spearman's rank correlation between the wage gap and the flow share of a `bridges` run.

    1 means the flows rank exactly as poverty does; NaN when all shares are equal (a = 0 and no ties).
    """
    return float(frame["wage_gap"].rank().corr(frame["share"].rank()))


register(
    Model(
        name="bridges",
        title="Who emigrates: poverty alone, or poverty and bridges",
        row="IV.3",
        fn=bridges,
        params=(
            Param(
                name="tie_strength",
                label="Strength of ties",
                unit="per unit of tie",
                min=0,
                max=4,
                step=0.25,
                default=2.5,
                meaning="how much a bridge (investment, aid, colonial or military tie) multiplies a country's flow; 0 = ties do not matter",
            ),
            Param(
                name="wage_gap_elasticity",
                label="Pull of the wage gap",
                unit="elasticity",
                min=0,
                max=3,
                step=0.25,
                default=1,
                meaning="how strongly the flow rises with the wage gap; 0 = poverty does not matter",
            ),
        ),
        view=View(
            x="country",
            y="share",
            color="bridge",
            x_title="Hypothetical sending country (wage gap to the receiving country)",
            y_title="Share of the receiving country's immigrants",
            mark="bar",
        ),
        explore=("tie_strength", "wage_gap_elasticity"),
        presets={
            "poverty alone": {"tie_strength": 0},
            "poverty and bridges": {"tie_strength": 2.5},
            "bridges only": {"wage_gap_elasticity": 0},
        },
    )
)
