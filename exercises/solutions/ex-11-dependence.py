"""Reference solution of ex-11-dependence: local income is Y = H + Rk, so the remittance share is 1 - H/Y."""

from widgets.parts import labour

table = labour.village_compare(years=(40,)).droplevel("year")
answer_ex_11_dependence = (1 - table["Adults at home"] / table["Local income"]).to_dict()
