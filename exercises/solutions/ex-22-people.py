"""Reference solution of ex-22-people."""

from widgets import data

h1b = data.load("since_h1b").query("fiscal_year == 2026")
people = h1b.query("count == 'unique beneficiaries registered'")["value"].item()
chosen = h1b.query("count == 'beneficiaries selected'")["value"].item()
answer_ex_22_people = chosen / people
