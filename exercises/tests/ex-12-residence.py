"""Check of ex-12-residence (chapter 12): the effect of 20 years of residence in a log-link count model."""

import math

from teachkit import answers
from widgets import data

prompt = (
    "the percent change in the expected number of political transnational activities after 20 "
    "years of US residence (50 for a rise of 50 percent), to within 0.5"
)
form = answers.number(within=0.5, what="a number of percent")


def expected():
    t2 = data.load("portes_table2_transnationalism")
    row = t2[(t2["model"] == "political") & (t2["predictor"] == "Years of US residence")]
    return 100 * (math.exp(20 * float(row["coefficient"].item())) - 1)
