"""Check of ex-11-rule (chapter 11): the share of adults at home in three years of the network model.

Computed with the student's own rule; compared with the library's run of the same model at the same values.
"""

from teachkit import answers
from widgets.models import get

PERCENT = answers.number(0, 100, within=0.001, relative=True, what="a percent between 0 and 100")

prompt = (
    "a list of the percent of adults living at home in years 10, 20 and 40, with 2 percent pioneers, "
    "$b = 0.01$, $k = 0.5$ and $\\rho = 0.2$, computed with your `step` (each to within 0.1 percent)"
)
form = answers.sequence(PERCENT, PERCENT, PERCENT, what="a list of 3 percents (years 10, 20 and 40)")


def expected():
    run = get("network_diffusion").run(network_effect=0.5, return_rate=0.2)
    at_home = run.query("series == 'living at home'").set_index("year")["percent"]
    return [float(at_home[year]) for year in (10, 20, 40)]
