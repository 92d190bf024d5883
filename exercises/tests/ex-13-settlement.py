"""Check of ex-13-settlement (chapter 13): remittances per Mexican-born US resident, 2023 against 2010.

Expected: the ratio of since.remittances_and_population()'s dollars per person in 2023 and in 2010.
"""

from teachkit import answers
from widgets.parts import since

prompt = (
    "the factor by which Mexico's recorded remittances per Mexican-born resident of the US changed from 2010 "
    "to 2023 (the 2023 value divided by the 2010 value; to within 0.01)"
)
form = answers.number(0, 100, within=0.01, what="a positive number (a ratio, such as 1.5)")


def expected():
    frame = since.remittances_and_population()
    return float(frame.loc[2023, "usd_per_person"] / frame.loc[2010, "usd_per_person"])
