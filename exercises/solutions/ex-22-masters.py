"""Reference solution of ex-22-masters."""

from widgets import data

t1 = data.load("portes_table1_h1b_2002").query("row_type == 'all'")
before = t1["masters_or_higher_pct"].item() / 100
keys = ("uscis_fy2019_masters_share", "uscis_fy2019_doctorate_share", "uscis_fy2019_professional_share")
answer_ex_22_masters = sum(data.outside(k) for k in keys) - before
