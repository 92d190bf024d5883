"""Brain drain: a professional's decision to leave, judged against two reference groups."""

import numpy as np
import pandas as pd

from ..params import Param
from . import Model, View, register

__all__ = ["INCOME", "TRAINED_AT_CENTRE", "logistic", "decision_shares", "professional_decision"]

INCOME = np.linspace(0.0, 1.0, 41)  # stylised income index of the home country: 0 = poorest, 1 = the centre
TRAINED_AT_CENTRE = 1000.0  # professionals trained per cohort at the top of the index (a scale, a choice)
GROUPS = ("stay, good position at home", "stay, no good position", "emigrate")


def logistic(v):
    """The logistic function $1 / (1 + e^{-v})$ (arrays welcome)."""
    return 1.0 / (1.0 + np.exp(-v))


def decision_shares(income, home_positions, deprivation_home, deprivation_abroad, training_mismatch, home_ties):
    """Shares of a cohort of trained professionals, by group, at the given income levels (arrays).

    Returns ``(good, leave_good, leave_without)``: the share who can reach a good position at home,
    and the probabilities of leaving for those with and without one.
    """
    good = np.minimum(1.0, home_positions * income)
    gap_abroad = (1.0 - income) * (1.0 + training_mismatch)
    leave_good = logistic(-home_ties + deprivation_abroad * gap_abroad)
    leave_without = logistic(-home_ties + deprivation_home + deprivation_abroad * gap_abroad)
    return good, leave_good, leave_without


def professional_decision(home_positions, deprivation_home, deprivation_abroad, training_mismatch, home_ties):
    r"""Who among a country's trained professionals emigrates, across countries of rising income.

    **Equations.** Countries are placed on a stylised income index $y \in [0, 1]$ (0 = the poorest,
    1 = the centre). Training capacity rises with income, so a cohort of $T(y) = 1000\,y$
    professionals is trained (per 1,000 at the top of the index). Good positions, those that allow
    a career in decent conditions and a middle-class life at home, are scarcer still: access to them
    is heterogeneous, and a share

    $$g(y) = \min(1,\ h\,y)$$

    of the cohort can reach one ($h$: home positions). Each professional compares herself with
    two reference groups (Portes 1976). Against well-placed professionals at home, lacking a good
    position is a deprivation of weight $c_1$. Against similarly trained peers abroad, the source of
    deprivation is work conditions and chances for self-development (not pay); the gap is
    $(1 - y)$, widened by training that fits the centre rather than home (structural imbalancing,
    mismatch $m \in [0,1]$). Ties to home (family, language, career already begun) weigh $a$. With
    idiosyncratic reasons for staying or going that follow a logistic distribution, the chance of
    leaving is

    $$p_0(y) = \Lambda\big(-a + c_2 (1-y)(1+m)\big), \qquad p_1(y) = \Lambda\big(-a + c_1 + c_2 (1-y)(1+m)\big)$$

    for those with and without a good position, $\Lambda(v) = 1/(1+e^{-v})$, and emigrants number

    $$E(y) = T(y)\,\big[g(y)\,p_0(y) + (1 - g(y))\,p_1(y)\big].$$

    The poorest countries train few ($T \to 0$), the richest offer good positions and conditions
    ($p$ small), so $E$ peaks in between: the mid-income countries send most. Because $c_1 \ge 0$,
    $p_1 \ge p_0$, so more home positions (a larger $g$) never raise emigration.

    **Assumptions.** Everything here is stylised: the income index, the proportional training
    capacity, the linear rise of good positions, the logistic decision and the defaults
    ($h = 1$, $c_1 = 2$, $c_2 = 1.5$, $m = 0.5$, $a = 5$) are modelling choices picked to show the
    mechanism, not estimates. Pay differences abroad do not enter the decision. That goes beyond the
    essay: Portes ranks the pay comparison below deprivation against the two reference groups
    (Portes 1976) and grants the neoclassical account some support; he does not remove pay. The
    model leaves it out to isolate the two reference groups.
    The defaults keep the emigrating share below one half at every income level, as in the essay's
    observation that most professionals do not leave.

    **Sources.** Portes, section on professional migration: mid-income, not the poorest, countries
    are the main sources; most professionals do not leave; relative deprivation against two
    reference groups (Portes 1976); structural imbalancing and "modernization for emigration"
    (Portes and Walton 1981, ch. 2; Portes and Ross 1976); Figure 2.

    **Leaves out.** Demand and visas in the receiving country (the H-1B cap), selection by
    destination employers, migration costs, networks among professionals, return, and the cost to
    the home country of the training it pays for (see the brain-circulation model for returns and
    transfers).
    """
    good, leave_good, leave_without = decision_shares(
        INCOME, home_positions, deprivation_home, deprivation_abroad, training_mismatch, home_ties
    )
    trained = TRAINED_AT_CENTRE * INCOME
    values = np.concatenate(
        [
            trained * good * (1.0 - leave_good),
            trained * (1.0 - good) * (1.0 - leave_without),
            trained * (good * leave_good + (1.0 - good) * leave_without),
        ]
    )
    return pd.DataFrame(
        {
            "income": np.tile(INCOME, len(GROUPS)),
            "group": np.repeat(GROUPS, len(INCOME)),
            "professionals": values,
        }
    )


register(
    Model(
        name="professional_decision",
        title="Who leaves: relative deprivation and the brain drain",
        row="II.3",
        fn=professional_decision,
        params=(
            Param(
                name="home_positions",
                label="Good positions at home",
                unit="share of the trained per unit of income",
                min=0.2,
                max=3,
                step=0.1,
                default=1,
                meaning="how fast good positions at home (a decent career and middle-class life) open up as income rises",
            ),
            Param(
                name="deprivation_home",
                label="Weight of deprivation at home",
                unit="log-odds",
                min=0,
                max=5,
                step=0.25,
                default=2,
                meaning="how strongly lacking a good position, compared with well-placed colleagues at home, pushes one to leave",
            ),
            Param(
                name="deprivation_abroad",
                label="Weight of the gap with peers abroad",
                unit="log-odds per unit gap",
                min=0,
                max=5,
                step=0.25,
                default=1.5,
                meaning="how strongly the gap in work conditions and self-development, compared with peers abroad, pushes one to leave",
            ),
            Param(
                name="training_mismatch",
                label="Training fit to the centre",
                unit="share",
                min=0,
                max=1,
                step=0.05,
                default=0.5,
                meaning="how much of the training fits the centre's equipment and conditions rather than home's (structural imbalancing)",
            ),
            Param(
                name="home_ties",
                label="Ties that keep professionals home",
                unit="log-odds",
                min=0,
                max=10,
                step=0.5,
                default=5,
                meaning="the weight of family, language and a career already begun, which keeps most professionals at home",
            ),
        ),
        view=View(
            x="income",
            y="professionals",
            color="group",
            x_title="Country income level (stylised index, 0 = poorest)",
            y_title="Professionals per cohort (per 1,000 trained at the top)",
            mark="area",
        ),
        presets={
            "modernization for emigration": {"training_mismatch": 1, "home_positions": 0.5},
            "training that fits home": {"training_mismatch": 0},
            "plentiful good positions": {"home_positions": 3},
        },
    )
)
