"""Reference solution of ex-13-tax."""

from widgets import data

answer_ex_13_tax = data.outside("us_remittance_tax_rate") * data.outside("banxico_average_remittance_2025") * 12
