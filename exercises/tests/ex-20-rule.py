"""Check of ex-20-rule (chapter 20): emigrants per cohort at three income levels of the decision model.

Computed with the student's own rule; compared with the library's run of the same model at the same values.
"""

from teachkit import answers
from widgets.models import get
from widgets.models.professional import INCOME

EMIGRANTS = answers.number(0, None, within=0.001, relative=True, what="a number of professionals")

prompt = (
    "a list of the emigrants per cohort at income levels 0.25, 0.5 and 0.75, at the model's defaults, "
    "computed with your `emigrants` (each to within 0.1 percent)"
)
form = answers.sequence(EMIGRANTS, EMIGRANTS, EMIGRANTS, what="a list of 3 numbers (incomes 0.25, 0.5 and 0.75)")


def expected():
    run = get("professional_decision").run().query("group == 'emigrate'")
    emigrants = run.set_index("income")["professionals"].reindex(INCOME)
    return [float(emigrants[income]) for income in (0.25, 0.5, 0.75)]
