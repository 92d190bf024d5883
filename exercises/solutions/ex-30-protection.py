"""Reference solution of ex-30-protection."""

from widgets.models import get

model = get("pathways")


def threshold(**values):
    preset = model.presets["unauthorised labour migrants, hostile context"]
    run = model.run(**{**preset, **values})
    down = run[run.path == "downward"]
    return down[down.share < 0.10].human_capital.min()


answer_ex_30_protection = (threshold(), threshold(authorised_share=1))
