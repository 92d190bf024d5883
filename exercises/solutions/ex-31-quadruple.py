"""Reference solution of ex-31-quadruple."""

from widgets import data

t3 = data.load("portes_table3_census2000").set_index("group")
col = t3["dropouts_25_39_pct"]
asian = ["Chinese", "Indian", "Korean", "Filipino"]
answer_ex_31_quadruple = round(col[["Mexican", "Guatemalan, Salvadoran"]].min() / col[asian].max(), 2)
