"""Checks for ex-20-peak (chapter 20): the income level at which emigration peaks, for three training fits."""

from numbers import Real

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-20-peak"
points = 1
prompt = (
    "a triple `(default, fits_home, fits_centre)`: the income level at which emigration peaks in "
    "`professional_decision` with `training_mismatch` at its default, at 0 and at 1"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def three_income_levels(answer_ex_20_peak):
    assert answer_ex_20_peak is not ..., "replace the ... with your answer"
    assert len(answer_ex_20_peak) == 3, "give three income levels (default, 0, 1)"
    assert all(isinstance(x, Real) and 0 <= x <= 1 for x in answer_ex_20_peak), (
        "give income levels on the model's index, between 0 and 1"
    )


@test_case(hidden=True)
def most_emigrants(answer_ex_20_peak):
    model = get("professional_decision")
    for given, mismatch in zip(answer_ex_20_peak, (model.param("training_mismatch").default, 0, 1)):
        run = model.run(training_mismatch=mismatch)
        emigrants = run[run["group"] == "emigrate"].set_index("income")["professionals"]
        assert abs(given - emigrants.idxmax()) < 0.001, f"training_mismatch = {mismatch}"
