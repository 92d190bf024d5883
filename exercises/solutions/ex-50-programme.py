"""Reference solution of ex-50-programme."""

from widgets.models import REGISTRY

pipe = REGISTRY["pipeline"]


def at_home(**values):
    run = pipe.run(services_growth=0.08, **values)
    return run.query("year == 30 and series == 'village: people at home'")["index"].item()


answer_ex_50_programme = (
    *[at_home(enforcement=0.9, jobs_programme=j) for j in (0, 0.5, 1)],
    at_home(enforcement=0, jobs_programme=0),
)
