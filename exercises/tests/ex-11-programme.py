"""Check of ex-11-programme (chapter 11): the family-settlement village with the full jobs programme."""

from teachkit import answers
from widgets.models import get

AMOUNT = answers.number(0, None, within=0.05, what="a number, 0 or more")

prompt = (
    "a pair `(adults, income)`: the adults at home and the local income in year 40 under the "
    "family-settlement preset with the jobs programme at its maximum (each to one decimal: within 0.05)"
)
form = answers.sequence(AMOUNT, AMOUNT, what="a pair (adults at home, local income)")


def expected():
    village = get("village")
    values = {**village.presets["family settlement"], "jobs_programme": village.param("jobs_programme").max}
    year40 = village.run(**values).query("year == 40").set_index("series")["value"]
    return [year40["population at home"], year40["local income"]]
