"""Reference solution of ex-0-top-six."""

from widgets import data

t1 = data.load("portes_table1_h1b_2002")
top = t1[t1.row_type == "top six"]
answer_ex_0_top_six = top.number.sum() / t1.loc[t1.row_type == "all", "number"].item()
