"""Reference solution of ex-0-widest-gap."""

from widgets import data

t3 = data.load("portes_table3_census2000").set_index("group")
cols = t3.select_dtypes("number").columns
ratios = t3.loc["Mexican", cols] / t3.loc["Non-Hispanic whites", cols]
answer_ex_0_widest_gap = ratios.astype(float).idxmax()
