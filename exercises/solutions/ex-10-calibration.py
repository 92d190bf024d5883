"""Reference solution of ex-10-calibration."""

from widgets.parts import labour

rounds = labour.dollar_rounds(5).set_index("round")
total = rounds.loc["all rounds"]
answer_ex_10_calibration = (total["saved"], total["spent on imports"])
