"""Check of ex-41-rule (chapter 41): low-wage formal and informal jobs in year 30 of the city model.

Computed with the student's own rule; compared with the library's run of the same model at the same values.
"""

from teachkit import answers
from widgets.models import get

JOBS = answers.number(0, None, within=0.001, relative=True, what="a number of jobs")

prompt = (
    "a pair `(low, informal)`: low-wage formal and informal jobs in year 30 with downgrading and "
    "informalisation both at 0.05 a year (other values at the defaults), computed with your `step` "
    "(each to within 0.1 percent)"
)
form = answers.sequence(JOBS, JOBS, what="a pair (low-wage formal jobs, informal jobs)")


def expected():
    run = get("global_city").run(downgrading_rate=0.05, informalisation_rate=0.05).query("year == 30")
    jobs = run.set_index("tier")["jobs"]
    return [float(jobs["low wage (formal)"]), float(jobs["informal"])]
