"""Checks for ex-20-india (chapter 20): the shares of 2003 H-1B permits of the four sources after India."""

from numbers import Real

from otter.test_files import test_case

from widgets import data

OK_FORMAT = False
name = "ex-20-india"
points = 1
prompt = (
    "a dict mapping each of the four countries after India (named as in the table) to its share of "
    "all 2003 H-1B permits, in percent (5.0 for 5 percent), to one decimal"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def four_countries_in_percent(answer_ex_20_india):
    assert answer_ex_20_india is not ..., "replace the ... with your answer"
    shares = dict(answer_ex_20_india)
    countries = set(data.load("h1b_sources_2003")["country"])
    assert len(shares) == 4 and set(shares) <= countries, f"give four countries from the table: {sorted(countries)}"
    assert all(isinstance(x, Real) and 0 < x < 100 for x in shares.values()), "give each share in percent"


@test_case(hidden=True)
def shares_of_all_permits(answer_ex_20_india):
    sources = data.load("h1b_sources_2003").sort_values("permits", ascending=False).set_index("country")
    expected = 100 * sources["permits"].iloc[1:5] / data.number("h1b_permits_2003")
    shares = dict(answer_ex_20_india)
    assert set(shares) == set(expected.index)
    for country, share in expected.items():
        assert abs(shares[country] - share) <= 0.051, country
