"""Reference solution of ex-20-ceiling."""

from widgets.parts import professionals

answer_ex_20_ceiling = professionals.h1b_numbers()["new_permits_2003"]
