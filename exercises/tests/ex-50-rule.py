"""Check of ex-50-rule (chapter 50): the village's out-migration rate in the pipeline model.

Computed with the student's own rule; compared with the library's run of the same model at the same values.
"""

from teachkit import answers
from widgets.models import get

RATE = answers.number(0, 1, within=0.001, relative=True, what="a yearly rate between 0 and 1")

prompt = (
    "a pair: the village's yearly out-migration rate with the city booming (`services_growth = 0.08`) for "
    "`sending_country` 2 and for 7, computed with your `pull` and the library's demand, share and scale "
    "(each to within 0.1 percent)"
)
form = answers.sequence(RATE, RATE, what="a pair (rate for sending country 2, rate for 7)")


def expected():
    pipeline = get("pipeline")
    return [float(pipeline.run(services_growth=0.08, sending_country=c)["outmigration_rate"].iloc[0]) for c in (2, 7)]
