"""Reference solution of ex-30-long-run."""

from widgets.models import get
from widgets.parts import assimilation

cal = assimilation.calibration()
long_run = cal["outside_1986"] * cal["enforcement_growth"] ** 1.29
run = get("enforcement_stock_flow").run(years=40)
answer_ex_30_long_run = (long_run, run.query("series == 'unauthorised population'")["millions"].iloc[-1])
