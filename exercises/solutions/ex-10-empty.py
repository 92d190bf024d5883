"""Reference solution of ex-10-empty: k(P) < 2 when c l0 P^e < 1/2, so P < (1 / (2 c l0))^(1/e)."""

from widgets.models.remittances import CALIBRATED_CONSUMPTION, CALIBRATED_LOCAL_SHARE

base = 0.5 / (CALIBRATED_CONSUMPTION * CALIBRATED_LOCAL_SHARE)
answer_ex_10_empty = (base, base**0.5)
