"""Remittance multiplier: how far a migradollar travels before it leaks out, and how depopulation shortens the trip."""

import numpy as np
import pandas as pd

from ..params import Param
from . import Model, View, register

__all__ = [
    "CALIBRATED_CONSUMPTION",
    "CALIBRATED_LOCAL_SHARE",
    "local_share",
    "gnp_per_migradollar",
    "spending_rounds",
    "remittance_multiplier",
]

# Calibration (a modelling choice, not an estimate): with these two numbers the closed form
# 1 / (1 - c * l) gives 2.90 GNP dollars per migradollar, the figure Portes cites.
CALIBRATED_CONSUMPTION = 0.91
CALIBRATED_LOCAL_SHARE = 0.72


def local_share(base_local_share, population_remaining, elasticity):
    r"""Share of each spending round bought from producers at home: $\ell = \ell_0 P^{\varepsilon}$ (arrays welcome)."""
    return base_local_share * np.power(population_remaining, elasticity)


def gnp_per_migradollar(consumption_share, base_local_share, population_remaining=1.0, elasticity=1.0):
    r"""Closed-form income added per remitted dollar, $k = 1 / (1 - c\,\ell_0 P^{\varepsilon})$.

    Vectorised over any argument. This is the function other models (the village) call.
    """
    return 1.0 / (1.0 - consumption_share * local_share(base_local_share, population_remaining, elasticity))


def spending_rounds(consumption_share, local_share_now, rounds):
    """Round-by-round fate of one remitted dollar.

    Returns a dict of arrays over rounds ``0..rounds``: ``income`` (income received in the round;
    round 0 is the migradollar itself), ``saved`` and ``imported`` (the two leakages out of that
    round's income) and ``respent`` (spent on home production, which is next round's income).
    """
    r = np.arange(rounds + 1)
    income = (consumption_share * local_share_now) ** r
    return {
        "round": r,
        "income": income,
        "saved": (1 - consumption_share) * income,
        "imported": consumption_share * (1 - local_share_now) * income,
        "respent": consumption_share * local_share_now * income,
    }


def remittance_multiplier(consumption_share, local_share_full, population_remaining, elasticity, rounds):
    r"""Income added by one remitted dollar, round by round, in a full and in an emptied community.

    **Equations.** A household receives a migradollar (round 0). Of each dollar of income it
    spends a share $c$ and saves $1-c$; of what it spends, a share $\ell$ buys goods and services
    made at home and $1-\ell$ buys imports (the leakage $m = 1-\ell$). What is spent at home is the
    next round's income, so round $n$ adds $(c\ell)^n$ and after $N$ rounds

    $$Y_N = \sum_{n=0}^{N} (c\ell)^n \;\longrightarrow\; k = \frac{1}{1 - c(1-m)} = \frac{1}{1 - c\ell}.$$

    Money is conserved: $1 = \sum_{n=0}^{N-1}\big[(1-c) + c(1-\ell)\big](c\ell)^n + (c\ell)^N$, that
    is, the first dollar equals what has leaked (saved or imported) plus what is still circulating.

    As the community empties, fewer working adults remain to supply what remittance households
    buy, so more of each round leaks out. With $P$ the share of the working-age population still
    at home and $\varepsilon$ the strength of that effect,

    $$\ell(P) = \ell_0\,P^{\varepsilon}, \qquad k(P) = \frac{1}{1 - c\,\ell_0 P^{\varepsilon}},$$

    so $k(1) = 1/(1-c\ell_0)$ and $k \to 1$ as $P \to 0$: only the migradollar itself is left.

    **Assumptions.** Prices are fixed and home producers can meet extra demand while the
    population is there (no supply bottleneck other than depopulation); $c$ and $\ell$ are the
    same every round; savings are not re-lent at home. The default $c = 0.91$ and $\ell_0 = 0.72$
    are a modelling choice made so that $k = 1/(1 - 0.91 \times 0.72) = 2.90$, Portes's figure;
    they are not parameters estimated in the literature. The erosion law $\ell_0 P^{\varepsilon}$
    and its default $\varepsilon = 1$ are also choices. The 2.90 is a national figure (Mexico's
    GNP); the chart applies the same algebra to a single sending community.

    **Sources.** Portes, section on labour migrants: the new economics of migration, spending of
    remittances creates demand for local goods; each additional migradollar adds \$2.90 to Mexico's
    GNP (citing Massey et al. 1998: 249); the limit that depopulation removes the productive use of
    remittances. The 2.90 was derived from a multiplier model by Durand, Parrado and Massey
    (1996), *International Migration Review* 30(2): 423-444; this formula is a textbook Keynesian
    multiplier, not their model.

    **Leaves out.** Investment of remittances (only their spending), the supply side of local
    producers, prices and inflation, the rounds' timing, and the remittances themselves falling
    as families leave (the village model adds that).
    """
    frames = []
    for village, pop in (("full village", 1.0), ("village as it empties", population_remaining)):
        share = float(local_share(local_share_full, pop, elasticity))
        rounds_ = spending_rounds(consumption_share, share, rounds)
        frames.append(
            pd.DataFrame(
                {
                    "round": rounds_["round"],
                    "village": village,
                    "income_added": np.cumsum(rounds_["income"]),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


register(
    Model(
        name="remittance_multiplier",
        title="The migradollar multiplier and its erosion",
        row="I.2, I.3",
        fn=remittance_multiplier,
        params=(
            Param(
                name="consumption_share",
                label="Share of income spent",
                unit="share",
                min=0.5,
                max=1,
                step=0.01,
                default=CALIBRATED_CONSUMPTION,
                meaning="share of each dollar of income that households spend rather than save",
            ),
            Param(
                name="local_share_full",
                label="Home share of spending (full village)",
                unit="share",
                min=0,
                max=0.9,
                step=0.01,
                default=CALIBRATED_LOCAL_SHARE,
                meaning="share of spending that buys goods and services made at home while the population is all there",
            ),
            Param(
                name="population_remaining",
                label="Population remaining",
                unit="share of initial",
                min=0,
                max=1,
                step=0.05,
                default=0.5,
                meaning="share of the working-age population still at home in the emptied village",
            ),
            Param(
                name="elasticity",
                label="Erosion strength",
                unit="elasticity",
                min=0,
                max=3,
                step=0.25,
                default=1,
                meaning="how fast the home share of spending falls as the population falls (0: not at all)",
            ),
            Param(
                name="rounds",
                label="Spending rounds",
                unit="rounds",
                min=1,
                max=30,
                step=1,
                default=12,
                meaning="how many rounds of re-spending to follow",
            ),
        ),
        view=View(
            x="round",
            y="income_added",
            color="village",
            x_title="Spending round",
            y_title="Cumulative income added per migradollar (US$)",
            mark="line",
        ),
        explore=("population_remaining", "elasticity"),
        presets={
            "calibrated (2.90)": {
                "consumption_share": CALIBRATED_CONSUMPTION,
                "local_share_full": CALIBRATED_LOCAL_SHARE,
                "population_remaining": 1.0,
            },
            "half the village gone": {"population_remaining": 0.5},
            "ghost town": {"population_remaining": 0.1},
        },
    )
)
