"""Check of ex-30-long-run (chapter 30): where the unauthorised population heads, and where it is by 2026."""

from teachkit import answers
from widgets import data
from widgets.models import get

MILLIONS = answers.number(0, 1000, within=0.01, relative=True, what="a population in millions")

prompt = (
    "a pair `(long_run, in_2026)`: the long-run level of the unauthorised population in the calibrated "
    "setting, and the model's level in 2026 (a 40-year run from 1986), both in millions (each to "
    "within 1 percent)"
)
form = answers.sequence(MILLIONS, MILLIONS, what="a pair (long-run level, level in 2026)")


def expected():
    v = get("enforcement_stock_flow").defaults()
    exponent = v["return_sensitivity"] - v["entry_sensitivity"]
    level = data.outside("mdp_undocumented_1986") / 1e6 * v["enforcement_growth"] ** exponent
    run = get("enforcement_stock_flow").run(years=40)
    return [level, run.query("series == 'unauthorised population' and year == 2026")["millions"].item()]
