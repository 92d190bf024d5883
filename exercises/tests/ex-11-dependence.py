"""Checks for ex-11-dependence (chapter 11): the share of year-40 local income that comes from remittances."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-11-dependence"
points = 1
prompt = (
    'a dict mapping each preset of the village model (`"cyclical"`, `"family settlement"`, '
    '`"settlement with local programme"`) to the share (0 to 1) of its year-40 local income that '
    "comes from remittance spending"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_share_per_preset(answer_ex_11_dependence):
    assert answer_ex_11_dependence is not ..., "replace the ... with your answer"
    presets = set(get("village").presets)
    assert set(dict(answer_ex_11_dependence)) == presets, f"give one entry for each preset: {sorted(presets)}"
    assert all(isinstance(x, Real) and 0 <= x <= 1 for x in dict(answer_ex_11_dependence).values()), (
        "give each as a share between 0 and 1"
    )


@test_case(hidden=True)
def one_minus_home_over_income(answer_ex_11_dependence):
    village = get("village")
    for preset, values in village.presets.items():
        year40 = village.run(**values).query("year == 40").set_index("series")["value"]
        share = 1 - year40["population at home"] / year40["local income"]
        assert abs(dict(answer_ex_11_dependence)[preset] - share) < 0.01, preset
