"""Reference solution of ex-12-match."""

from widgets.parts import labour

answer_ex_12_match = (labour.project_totals()["total"], labour.project_totals(municipal_match=0)["total"])
