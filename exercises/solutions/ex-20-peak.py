"""Reference solution of ex-20-peak."""

from widgets.parts import professionals

answer_ex_20_peak = tuple(professionals.decision_summary(training_mismatch=m)["peak_income"] for m in (0.5, 0, 1))
