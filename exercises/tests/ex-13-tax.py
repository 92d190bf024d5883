"""Check of ex-13-tax (chapter 13): a year of the US remittance tax on twelve average cash transfers.

Expected: the tax rate times the 2025 average transfer to Mexico times 12, in US dollars.
"""

from teachkit import answers
from widgets import data

prompt = (
    "the yearly US remittance tax, in dollars, on twelve cash-funded transfers of the 2025 average size "
    "(to within 0.05 dollars)"
)
form = answers.number(0, 10_000, within=0.05, what="an amount in US dollars")


def expected():
    return float(data.outside("us_remittance_tax_rate") * data.outside("banxico_average_remittance_2025") * 12)
