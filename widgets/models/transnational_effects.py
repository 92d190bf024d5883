"""Reading Table 2: from regression coefficients to percent changes and predicted outcomes."""

from functools import lru_cache

import numpy as np
import pandas as pd

from .. import data
from ..params import Param
from . import Model, View, register

__all__ = [
    "DUMMIES",
    "percent_change",
    "rounding_interval",
    "odds_ratio",
    "logit_probability",
    "logit_change",
    "transnational_effects",
]

MODELS = {  # Table 2's dependent variables: label shown in the chart, regression
    "economic": "economic (logit)",
    "political": "political (negative binomial)",
    "sociocultural": "sociocultural (ordered logit)",
}
# Predictors that are 0/1 indicators: a change of one unit is the whole change, so `units` does not scale them.
DUMMIES = {
    "Sex (male)",
    "Marital status",
    "High school graduate",
    "College graduate",
    "Professional/executive background",
    "US citizenship",
    "Experienced discrimination in US",
}


def percent_change(b):
    r"""Percent change in the expected count (or in the odds) for a one-unit increase: $100\,(e^{b} - 1)$ (arrays welcome)."""
    return 100.0 * np.expm1(np.asarray(b, dtype=float))


def rounding_interval(b: float, decimals: int = 3, printed_decimals: int = 1) -> tuple[float, float]:
    """The range of 100 (e^b - 1) that a coefficient printed as ``b`` allows, widened for rounding the percent.

    A coefficient printed with three decimals may be anything within half a unit of the last
    decimal; the percent is then rounded to one decimal. Table 2 prints 235.3 for b = 1.209,
    outside what rounding allows:

    >>> [round(v, 2) for v in rounding_interval(1.209)]
    [234.8, 235.23]
    """
    half_b, half_p = 0.5 * 10**-decimals, 0.5 * 10**-printed_decimals
    return float(percent_change(b - half_b)) - half_p, float(percent_change(b + half_b)) + half_p


def odds_ratio(b):
    r"""Odds ratio $e^{b}$ of a one-unit increase in a logit or ordered-logit model (arrays welcome)."""
    return np.exp(np.asarray(b, dtype=float))


def logit_probability(b, p, units=1.0):
    r"""Probability after a change of ``units`` in a predictor with logit coefficient ``b``, from baseline ``p``.

    $p_1 = \dfrac{p\,e^{kb}}{1 - p + p\,e^{kb}}$: the odds $p/(1-p)$ multiplied by $e^{kb}$. Arrays welcome.
    """
    b, p = np.asarray(b, dtype=float), np.asarray(p, dtype=float)
    odds = p * np.exp(units * b)
    return odds / (1.0 - p + odds)


def logit_change(b, p, units=1.0):
    r"""Change in probability $p_1 - p$ for a change of ``units``; it always lies in $[-p,\ 1-p]$."""
    return logit_probability(b, p, units) - np.asarray(p, dtype=float)


@lru_cache
def _coefficients() -> pd.DataFrame:
    """Table 2's cells that have a coefficient, with the model label and whether the predictor is a 0/1 indicator."""
    table = data.load("portes_table2_transnationalism")
    table = table[table["coefficient"].notna()]
    return pd.DataFrame(
        {
            "model": table["model"].map(MODELS).to_numpy(dtype=object),
            "regression": table["regression"].to_numpy(dtype=object),
            "predictor": table["predictor"].to_numpy(dtype=object),
            "coefficient": table["coefficient"].to_numpy(dtype=float),
            "dummy": table["predictor"].isin(DUMMIES).to_numpy(),
        }
    )


def transnational_effects(units, baseline_count, baseline_p_economic, baseline_p_sociocultural):
    r"""What each coefficient of Table 2 implies, for every predictor that has one.

    **Equations.** For a predictor with coefficient $b$ raised by $k$ units ($k = 1$ for the 0/1
    predictors such as sex, marital status, a high-school or college diploma, a professional
    background, citizenship, discrimination; $k$ = the chosen units for age, children, years of
    education, years of US residence, downward mobility):

    * political activism, a negative binomial regression of the number of activities: the expected
      count is multiplied by $e^{kb}$, a percent change of $100\,(e^{kb} - 1)$; from a baseline count
      $\mu_0$ the prediction is $\mu_0 e^{kb}$. With $b = 1.003$ (high-school diploma) this is 172.6
      percent, which Table 2 prints as 172.7 and the text as "172 percent".
    * economic transnationalism (entrepreneurs), a logit: the odds are multiplied by $e^{kb}$ (the
      odds ratio); from a baseline probability $p_0$,
      $$p_1 = \frac{p_0 e^{kb}}{1 - p_0 + p_0 e^{kb}}, \qquad p_1 - p_0 \in [-p_0,\ 1 - p_0].$$
    * sociocultural transnationalism, an ordered logit with proportional odds: the odds of being
      above any given category of the index are multiplied by $e^{kb}$, whichever the category, so
      the same formula moves the chance $p_0$ of being above a chosen category.

    The column `percent_change` is $100\,(e^{kb} - 1)$ in every model: of the expected count for the
    political model, of the odds for the two logits.

    **Assumptions.** Effects are those of one predictor with all others held constant; the
    baselines ($\mu_0 = 0.5$ activities, $p_0 = 0.1$ for entrepreneurship, $p_0 = 0.5$ for being above
    a sociocultural category) are choices for illustration, not figures from the survey. Table 2's
    printed "net probability" changes for the economic model (footnote 5) depend on the values of
    the other predictors at which the authors evaluated them, which the table does not give, so
    they are not recomputed here.

    **Sources.** Portes, Table 2 (Comparative Immigrant Entrepreneurship Project survey of Latin
    American immigrants, 1998; Portes et al. 2002; Guarnizo et al. 2003; Itzigsohn and Saucedo 2002)
    and the text on the 172 and 38 percent effects of a high-school and a college diploma.

    **Leaves out.** Standard errors and significance (the stars are in the data table, not used
    here); age entered with its square, whose joint effect depends on the age one starts from;
    the socio-cultural predictors the table omits; the cut points of the ordered logit.
    """
    cells = _coefficients()
    k = np.where(cells["dummy"].to_numpy(), 1.0, float(units))
    b = cells["coefficient"].to_numpy()
    regression = cells["regression"].to_numpy()
    count = regression == "negative binomial"
    baseline = np.where(
        count, baseline_count, np.where(regression == "logit", baseline_p_economic, baseline_p_sociocultural)
    )
    multiplier = np.exp(k * b)
    predicted = np.where(count, baseline * multiplier, logit_probability(b, baseline, k))
    return pd.DataFrame(
        {
            "model": cells["model"].to_numpy(),
            "predictor": cells["predictor"].to_numpy(),
            "coefficient": b,
            "units": k,
            "multiplier": multiplier,
            "percent_change": 100.0 * np.expm1(k * b),
            "baseline": baseline,
            "predicted": predicted,
            "change": predicted - baseline,
        }
    )


register(
    Model(
        name="transnational_effects",
        title="What Table 2's coefficients mean",
        row="II.4",
        fn=transnational_effects,
        params=(
            Param(
                name="units",
                label="Units of increase",
                unit="units of the predictor",
                min=1,
                max=10,
                step=1,
                default=1,
                meaning="how many units the continuous predictors rise (years of age, education or US residence; children); 0/1 predictors always change by one",
            ),
            Param(
                name="baseline_count",
                label="Baseline political activities",
                unit="activities",
                min=0.1,
                max=3,
                step=0.1,
                default=0.5,
                meaning="expected number of regular political activities before the change (a choice)",
            ),
            Param(
                name="baseline_p_economic",
                label="Baseline chance of being a transnational entrepreneur",
                unit="probability",
                min=0.01,
                max=0.5,
                step=0.01,
                default=0.1,
                meaning="probability of economic transnationalism before the change (a choice)",
            ),
            Param(
                name="baseline_p_sociocultural",
                label="Baseline chance of being above a sociocultural category",
                unit="probability",
                min=0.05,
                max=0.95,
                step=0.05,
                default=0.5,
                meaning="probability of being above a given category of the sociocultural index before the change (a choice)",
            ),
        ),
        view=View(
            x="predictor",
            y="percent_change",
            color="model",
            x_title="Predictor",
            y_title="Percent change (expected count or odds)",
            mark="bar",
            signed=True,
        ),
        presets={
            "one unit": {"units": 1},
            "four more years (of education, residence, age)": {"units": 4},
            "rare entrepreneurship (5 percent)": {"baseline_p_economic": 0.05},
        },
    )
)
