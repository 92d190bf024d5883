"""Reference solution of ex-31-wider."""

from widgets.parts import assimilation

spreads = assimilation.spreads()
answer_ex_31_wider = {indicator: (row["census 2000"], row["CILS"]) for indicator, row in spreads.iterrows()}
