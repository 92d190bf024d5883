"""Check of ex-42-hump (chapter 42): the middle of Clemens's range for the turning point of the hump.

Expected: the mean of clemens_hump_low and clemens_hump_high, in dollars of income per head.
"""

from teachkit import answers
from widgets import data

prompt = "the middle of Clemens's range for the turning point, in dollars of income per head (to within 1 dollar)"
form = answers.number(0, 100_000, within=1, what="an amount in dollars")


def expected():
    return float((data.outside("clemens_hump_low") + data.outside("clemens_hump_high")) / 2)
