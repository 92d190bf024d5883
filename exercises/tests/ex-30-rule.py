"""Check of ex-30-rule (chapter 30): the unauthorised population in three years of the stock-and-flow model.

Computed with the student's own rule; compared with the library's run of the same model at the same values.
"""

from teachkit import answers
from widgets.models import get

MILLIONS = answers.number(0, None, within=0.001, relative=True, what="a population in millions")

prompt = (
    "a list of the unauthorised population (millions) in 1996, 2008 and 2026 at the calibrated setting, "
    "computed with your `next_population` (each to within 0.1 percent)"
)
form = answers.sequence(MILLIONS, MILLIONS, MILLIONS, what="a list of 3 populations in millions (1996, 2008, 2026)")


def expected():
    run = get("enforcement_stock_flow").run(years=40).query("series == 'unauthorised population'")
    millions = run.set_index("year")["millions"]
    return [float(millions[year]) for year in (1996, 2008, 2026)]
