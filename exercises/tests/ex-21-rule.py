"""Check of ex-21-rule (chapter 21): professionals returned and settled after 30 years of the circulation model.

Computed with the student's own rule; compared with the library's run of the same model at the same values.
"""

from teachkit import answers
from widgets.models import get

PROFESSIONALS = answers.number(0, None, within=0.001, relative=True, what="a number of professionals")

prompt = (
    "a pair `(returned, settled)`: professionals returned home and settled abroad after 30 years with an "
    "institutional capacity of 0.3 and a 3-year visa limit (other values at the defaults), computed with your "
    "`step` (each to within 0.1 percent)"
)
form = answers.sequence(PROFESSIONALS, PROFESSIONALS, what="a pair (returned, settled)")


def expected():
    run = get("brain_circulation").run(institutional_capacity=0.3, visa_limit=3).query("year == 30")
    count = run.set_index("series")["professionals"]
    return [float(count["returned home"]), float(count["settled abroad"])]
