"""Segmented assimilation: the second generation's outcomes, given parents' resources and the context of reception."""

import numpy as np
import pandas as pd

from ..params import Param
from . import Model, View, register

__all__ = ["HUMAN_CAPITAL", "protection", "path_shares", "pathways"]

HUMAN_CAPITAL = np.linspace(
    0.0, 1.0, 21
)  # parents' human capital, stylised index: 0 = little schooling, 1 = professional
PATHS = ("upward", "stagnant", "downward")

# Stylised coefficients (modelling choices, NOT estimates): see the docstring of `pathways`.
WEIGHTS = {"human_capital": 0.5, "legal_status": 0.25, "community": 0.25}  # of the protection index
UP_CONSTANT, UP_PROTECTION = -1.5, 4.0
# Set so that the hostile-context preset leaves the downward path a minority of the least educated's
# children (about two in five): Portes says "a substantial minority" is at risk and gives no figure.
DOWN_CONSTANT, DOWN_PROTECTION = -2.25, 2.0
RACISM, GANGS, BIFURCATION = 1.0, 1.5, 1.0


def protection(human_capital, authorised_share, community_resources):
    r"""Protection index $\pi = 0.5\,h + 0.25\,L + 0.25\,c$ in $[0, 1]$ (arrays welcome)."""
    return (
        WEIGHTS["human_capital"] * np.asarray(human_capital, dtype=float)
        + WEIGHTS["legal_status"] * authorised_share
        + WEIGHTS["community"] * community_resources
    )


def path_shares(human_capital, authorised_share, community_resources, racism, bifurcation, gang_exposure):
    """Shares on the upward, stagnant and downward paths (a 3 x n array, columns sum to 1)."""
    shield = protection(human_capital, authorised_share, community_resources)
    exposed = 1.0 - shield
    up = UP_CONSTANT + UP_PROTECTION * shield - RACISM * racism * exposed
    middle = np.full_like(shield, -BIFURCATION * bifurcation)
    down = DOWN_CONSTANT - DOWN_PROTECTION * shield + (RACISM * racism + GANGS * gang_exposure) * exposed
    utilities = np.vstack([up, middle, down])
    weights = np.exp(utilities - utilities.max(axis=0))
    return weights / weights.sum(axis=0)


def pathways(authorised_share, community_resources, racism, bifurcation, gang_exposure):
    r"""Shares of the second generation in upward, stagnant and downward outcomes, by parents' human capital.

    **Outcomes, not the theory's three paths.** Portes and Zhou (1993) name three paths: upward by
    acculturation into the white middle class; downward, into lasting poverty; and upward through
    selective acculturation, where families and the co-ethnic community keep their own values and
    close ties. This model gives where children end up in young adulthood, not how they got there:
    both upward paths fall in its one "upward" share, and its "stagnant" outcome (the steady middle
    jobs a bifurcated market removes) is the model's own, not a path of the theory. The community's
    resources $c$ protect children, the nearest the model comes to selective acculturation, but it
    has no acculturation at all and cannot tell the two upward paths apart.

    **Equations.** Parents' resources form a protection index

    $$\pi = 0.5\,h + 0.25\,L + 0.25\,c \in [0, 1],$$

    with $h$ the parents' human capital (0 = little schooling and menial work, 1 = professionals),
    $L$ the share of parents with legal status and $c$ the co-ethnic community's resources. The
    context of reception sets the barriers: racism $r$, a bifurcated (hourglass) labour market $b$
    and street gangs and the drug culture nearby $g$, each on $[0, 1]$. Barriers bite on the
    unprotected part $1 - \pi$. The attractions of the three paths are

    $$U_\text{up} = -1.5 + 4\pi - r(1-\pi), \qquad U_\text{stagnant} = -b, \qquad
    U_\text{down} = -2.25 - 2\pi + (r + 1.5\,g)(1-\pi),$$

    and the shares follow a multinomial logit, $s_j = e^{U_j} / \sum_k e^{U_k}$; they sum to one.
    A bifurcated market thins the middle path (steady working-class jobs), so children who would
    have stayed there are pushed up or down, down above all where protection is weak. Since
    $U_\text{up}$ rises and $U_\text{down}$ falls with $\pi$, more human capital, legal status or
    community resources never raise the downward share (nor lower the upward one).

    **Assumptions.** The coefficients and weights above are stylised choices that show the
    mechanism; they are NOT estimated from Tables 3 or 4 or from any survey. One of them is set by
    the essay's words: the constant of $U_\text{down}$ ($-2.25$) is chosen so that in the preset
    "unauthorised labour migrants, hostile context" the downward share among children of the least
    educated is a minority (about 42 percent), because Portes says that not all such children go
    down and that "a substantial minority" is at risk. He gives no figure, so the size of that
    minority is a modelling choice and every share the model prints is illustrative. With every
    barrier at its maximum and no protection at all, the model does put a majority on the
    downward path: that corner of the parameter box goes beyond anything the essay claims.

    **Sources.** Portes, section on segmented assimilation (Portes and Zhou 1993; Rumbaut 1994):
    racism, a bifurcated labour market and countercultural models; immigrants' success depends on
    their own, their families' and their communities' resources; professionals protect their
    children; the children of unauthorised, poorly educated migrants are most at risk of downward
    assimilation; a substantial minority, not all, take that path.

    **Leaves out.** Time (the outcomes are at young adulthood, not a process), gender
    (childbearing and incarceration differ by sex, Tables 3 and 4), schools and neighbourhoods as
    separate forces, parent-child conflict, acculturation (full or selective), and any feedback from a
    group's downward path to the stereotypes the next arrivals face.
    """
    shares = path_shares(HUMAN_CAPITAL, authorised_share, community_resources, racism, bifurcation, gang_exposure)
    return pd.DataFrame(
        {
            "human_capital": np.tile(HUMAN_CAPITAL, len(PATHS)),
            "path": np.repeat(PATHS, len(HUMAN_CAPITAL)),
            "share": shares.ravel(),
        }
    )


register(
    Model(
        name="pathways",
        title="Segmented assimilation: the second generation's outcomes",
        row="III.2",
        fn=pathways,
        params=(
            Param(
                name="authorised_share",
                label="Parents with legal status",
                unit="share",
                min=0,
                max=1,
                step=0.05,
                default=0.5,
                meaning="share of the parents who are authorised residents",
            ),
            Param(
                name="community_resources",
                label="Co-ethnic community resources",
                unit="index 0-1",
                min=0,
                max=1,
                step=0.05,
                default=0.5,
                meaning="jobs, organisations and adult models the ethnic community offers its young",
            ),
            Param(
                name="racism",
                label="Racism",
                unit="index 0-1",
                min=0,
                max=1,
                step=0.05,
                default=0.5,
                meaning="how strongly the host society discriminates",
            ),
            Param(
                name="bifurcation",
                label="Bifurcated labour market",
                unit="index 0-1",
                min=0,
                max=1,
                step=0.05,
                default=0.5,
                meaning="how far the middle rungs of the job ladder have gone (an hourglass economy)",
            ),
            Param(
                name="gang_exposure",
                label="Gangs and drug culture nearby",
                unit="index 0-1",
                min=0,
                max=1,
                step=0.05,
                default=0.5,
                meaning="daily exposure to countercultural models in poor central-city areas",
            ),
        ),
        view=View(
            x="human_capital",
            y="share",
            color="path",
            x_title="Parents' human capital (stylised index, 0 = little schooling)",
            y_title="Share of children",
            mark="area",
        ),
        presets={
            "unauthorised labour migrants, hostile context": {
                "authorised_share": 0,
                "community_resources": 0.25,
                "racism": 0.75,
                "gang_exposure": 0.75,
            },
            "legal, protected reception": {
                "authorised_share": 1,
                "community_resources": 0.75,
                "racism": 0.25,
                "gang_exposure": 0.25,
            },
            "no barriers": {"racism": 0, "bifurcation": 0, "gang_exposure": 0},
        },
    )
)
