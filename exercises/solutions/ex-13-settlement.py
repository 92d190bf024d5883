"""Reference solution of ex-13-settlement."""

from widgets.parts import since

frame = since.remittances_and_population()
answer_ex_13_settlement = frame.loc[2023, "usd_per_person"] / frame.loc[2010, "usd_per_person"]
