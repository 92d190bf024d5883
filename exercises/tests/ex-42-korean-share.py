"""Check of ex-42-korean-share (chapter 42): the Korean share of Japan's registered foreigners, June 2017.

Expected: the two counts of data/outside_numbers.csv (Jang 2017), one over the other.
"""

from teachkit import answers
from widgets import data

prompt = (
    "the share of Japan's registered foreigners in June 2017 with Korean nationality, between 0 and 1 "
    "(to within 0.0015)"
)
form = answers.number(0, 1, within=0.0015, what="a share between 0 and 1 (0.05, not 5)")


def expected():
    return data.outside("koreans_registered_2017") / data.outside("foreigners_registered_2017")
