"""Check of ex-31-quadruple (chapter 31): the strongest multiple true of both Latin American groups."""

from teachkit import answers
from widgets import data

prompt = (
    "the strongest multiple (to two decimals: within 0.006) that is true of both the Mexican and the "
    "Central American second generations' dropout rates against every Asian group's"
)
form = answers.number(0, None, within=0.006, what="a positive number")


def expected():
    dropouts = data.load("portes_table3_census2000").set_index("group")["dropouts_25_39_pct"].astype(float)
    latin = dropouts[["Mexican", "Guatemalan, Salvadoran"]]
    asian = dropouts[["Chinese", "Indian", "Korean", "Filipino"]]
    return latin.min() / asian.max()
