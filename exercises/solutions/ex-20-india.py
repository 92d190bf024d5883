"""Reference solution of ex-20-india."""

from widgets.parts import professionals

shares = professionals.h1b_numbers()["source_shares"]
answer_ex_20_india = {country: round(share, 1) for country, share in shares.items() if country != "India"}
