"""Check of ex-50-programme (chapter 50): adults at home after 30 years under the border and programme levers."""

from teachkit import answers
from widgets.models import get

ADULTS = answers.number(0, 100, within=0.05, what="adults at home per 100 at the start")

prompt = (
    "a tuple of four numbers: the adults per 100 at home after 30 years with the city booming "
    "(`services_growth=0.08`) and a militarised border (`enforcement=0.9`), with the jobs programme at "
    "0, 0.5 and 1; then with an open border and no programme (each to one decimal: within 0.05)"
)
form = answers.sequence(ADULTS, ADULTS, ADULTS, ADULTS, what="four numbers: programme 0, 0.5, 1, then the open border")


def expected():
    settings = [dict(enforcement=0.9, jobs_programme=j) for j in (0, 0.5, 1)] + [dict(enforcement=0, jobs_programme=0)]
    values = []
    for setting in settings:
        run = get("pipeline").run(services_growth=0.08, **setting)
        values.append(run.query("year == 30 and series == 'village: people at home'")["index"].item())
    return values
