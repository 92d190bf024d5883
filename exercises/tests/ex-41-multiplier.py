"""Check of ex-41-multiplier (chapter 41): the low-wage share above which high-income consumption polarises."""

from teachkit import answers
from widgets.parts import cities

prompt = (
    "the low-wage share of local jobs, to the nearest 0.05, above which a multiplier of 2.5 raises "
    "polarisation in year 30 rather than lowering it: the smallest value in steps of 0.05 at which "
    "polarisation with the multiplier at 2.5 is higher than with it at 0 (exactly a step of 0.05)"
)
form = answers.number(0, 1, within=1e-6, what="a share between 0 and 1, in steps of 0.05")


def expected():
    for k in range(21):
        share = round(k * 0.05, 2)
        with_multiplier = cities.polarisation_ends(multiplier=2.5, low_wage_share=share)[1]
        if with_multiplier > cities.polarisation_ends(multiplier=0, low_wage_share=share)[1]:
            return share
    return None
