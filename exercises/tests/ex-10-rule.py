"""Check of ex-10-rule (chapter 10): the first rounds of the remittance multiplier.

Computed with the student's own rule; compared with the library's run of the same model at the same values.
"""

from teachkit import answers
from widgets.models.remittances import spending_rounds

INCOME = answers.number(0, None, within=0.001, relative=True, what="an income (a non-negative number)")

prompt = (
    "a list of the incomes of rounds 0 to 5 of one migradollar at $c = 0.8$ and $\\ell = 0.5$, computed with "
    "your `next_round` (each to within 0.1 percent)"
)
form = answers.sequence(*[INCOME] * 6, what="a list of 6 numbers (rounds 0 to 5)")


def expected():
    return [float(v) for v in spending_rounds(0.8, 0.5, 5)["income"]]
