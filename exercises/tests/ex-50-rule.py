"""Checks for ex-50-rule (chapter 50): the pipeline's pull, computed with the student's own function."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-50-rule"
points = 1
prompt = "a pair: the village's yearly out-migration rate with the city booming (`services_growth = 0.08`) for `sending_country` 2 and for 7, computed with your `pull` and the library's demand, share and scale"


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_list_of_2_numbers(answer_ex_50_rule):
    assert answer_ex_50_rule is not ..., "replace the ... with your answer"
    values = list(answer_ex_50_rule)
    assert len(values) == 2 and all(isinstance(v, Real) for v in values), "give 2 numbers"


@test_case(hidden=True)
def matches_the_library_run(answer_ex_50_rule):
    expected = [
        float(get("pipeline").run(services_growth=0.08, sending_country=c)["outmigration_rate"].iloc[0]) for c in (2, 7)
    ]
    for got, want in zip(list(answer_ex_50_rule), expected):
        assert abs(got - want) <= 1e-3 * max(1.0, abs(want)), f"{got} differs from the library's {want}"
