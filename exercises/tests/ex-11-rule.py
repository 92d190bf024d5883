"""Checks for ex-11-rule (chapter 11): the network-diffusion model run with the student's own yearly step."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-11-rule"
points = 1
prompt = "a list of the percent of adults living at home in years 10, 20 and 40, with 2 percent pioneers, $b = 0.01$, $k = 0.5$ and $\\rho = 0.2$, computed with your `step`"


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_list_of_3_numbers(answer_ex_11_rule):
    assert answer_ex_11_rule is not ..., "replace the ... with your answer"
    values = list(answer_ex_11_rule)
    assert len(values) == 3 and all(isinstance(v, Real) for v in values), "give 3 numbers"


@test_case(hidden=True)
def matches_the_library_run(answer_ex_11_rule):
    expected = [
        get("network_diffusion")
        .run(network_effect=0.5, return_rate=0.2)
        .query(f"year == {y} and series == 'living at home'")["percent"]
        .item()
        for y in (10, 20, 40)
    ]
    for got, want in zip(list(answer_ex_11_rule), expected):
        assert abs(got - want) <= 1e-3 * max(1.0, abs(want)), f"{got} differs from the library's {want}"
