"""The 3x1 (tres-por-uno) programme: migrant dollars matched by three levels of government."""

import numpy as np
import pandas as pd

from ..params import Param, horizon
from . import Model, View, register

__all__ = ["three_for_one"]


def three_for_one(club_dollars, federal_match, state_match, municipal_match, participation_growth, years):
    r"""Funds for hometown projects under the 3x1 programme, by source, year by year.

    **Equations.** A hometown club gives $c_t$ dollars in year $t$; participation grows with
    time abroad (Portes: better-established migrants give more), at rate $g$:

    $$c_t = c_0 (1 + g)^t, \qquad F_t = m_f c_t,\quad S_t = m_s c_t,\quad M_t = m_m c_t,$$

    and the project budget is $B_t = c_t (1 + m_f + m_s + m_m)$. With every match at 1, one migrant
    dollar becomes four dollars of projects.

    **Assumptions.** Governments match every dollar at a fixed rate with no budget ceiling;
    clubs give the same amount whatever the match.

    **Sources.** Portes, section on labour migrants (each dollar matched by the federal, state and
    municipal governments; participation grows with time and security).

    **Leaves out.** Budget caps and rationing of matches, which projects are chosen, whether matched
    funds crowd out public spending the town would have had anyway, and the projects' local multiplier.
    """
    t = np.arange(years + 1)
    club = club_dollars * (1 + participation_growth) ** t
    sources = {"migrant club": 1.0, "federal": federal_match, "state": state_match, "municipal": municipal_match}
    frames = [pd.DataFrame({"year": t, "source": name, "dollars": club * rate}) for name, rate in sources.items()]
    return pd.concat(frames, ignore_index=True)


register(
    Model(
        name="three_for_one",
        title="The 3x1 matching of hometown contributions",
        row="I.8",
        fn=three_for_one,
        params=(
            Param(
                name="club_dollars",
                label="Club gift in year 0",
                unit="US$",
                min=0,
                max=50_000,
                step=1_000,
                default=10_000,
                meaning="what one hometown club gives in the first year",
            ),
            Param(
                name="federal_match",
                label="Federal match",
                unit="$ per migrant $",
                min=0,
                max=1,
                step=0.25,
                default=1,
                meaning="federal dollars added to each migrant dollar",
            ),
            Param(
                name="state_match",
                label="State match",
                unit="$ per migrant $",
                min=0,
                max=1,
                step=0.25,
                default=1,
                meaning="state dollars added to each migrant dollar",
            ),
            Param(
                name="municipal_match",
                label="Municipal match",
                unit="$ per migrant $",
                min=0,
                max=1,
                step=0.25,
                default=1,
                meaning="municipal dollars added to each migrant dollar",
            ),
            Param(
                name="participation_growth",
                label="Growth of giving",
                unit="per year",
                min=0,
                max=0.2,
                step=0.01,
                default=0.05,
                meaning="yearly growth of the club's gift as members settle and prosper",
            ),
            horizon(min=1, max=20, step=1, default=10),
        ),
        view=View(
            x="year",
            y="dollars",
            color="source",
            x_title="Year",
            y_title="Dollars for hometown projects (US$)",
            mark="area",
        ),
        explore=("federal_match", "participation_growth"),
        presets={
            "full 3x1": {"federal_match": 1, "state_match": 1, "municipal_match": 1},
            "no government match": {"federal_match": 0, "state_match": 0, "municipal_match": 0},
        },
    )
)
