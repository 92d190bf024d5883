"""Checks for ex-31-wider (chapter 31): the spread between groups in the census and in CILS, per indicator."""

from numbers import Real

from otter.test_files import test_case

from widgets.parts import assimilation

OK_FORMAT = False
name = "ex-31-wider"
points = 1
prompt = (
    'a dict mapping `"school"`, `"mothers"` and `"incarcerated"` to a pair `(census, cils)`: the '
    "distance between the highest and the lowest group in each source, in percentage points"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_pair_per_indicator(answer_ex_31_wider):
    assert answer_ex_31_wider is not ..., "replace the ... with your answer"
    spreads = dict(answer_ex_31_wider)
    assert set(spreads) == {"school", "mothers", "incarcerated"}, 'give the keys "school", "mothers", "incarcerated"'
    assert all(len(pair) == 2 and all(isinstance(x, Real) and x >= 0 for x in pair) for pair in spreads.values()), (
        "give each indicator a pair (census, cils) of percentage points"
    )


@test_case(hidden=True)
def highest_minus_lowest(answer_ex_31_wider):
    frame = assimilation.census_vs_cils()
    frame["indicator"] = frame["indicator"].str.split(":").str[0]
    frame["source"] = frame["source"].str.startswith("CILS").map({False: 0, True: 1})
    spread = frame.groupby(["indicator", "source"])["percent"].agg(lambda s: s.max() - s.min())
    for (indicator, source), points in spread.items():
        assert abs(dict(answer_ex_31_wider)[indicator][source] - points) <= 0.051, (indicator, source)
