"""Checks for ex-10-calibration (chapter 10): where the migradollar ends up at the book's calibration."""

from numbers import Real

from otter.test_files import test_case

from widgets.models.remittances import CALIBRATED_CONSUMPTION, CALIBRATED_LOCAL_SHARE, gnp_per_migradollar

OK_FORMAT = False
name = "ex-10-calibration"
points = 1
prompt = (
    "a pair `(saved, imports)`: the shares of the migradollar that end up saved and spent on "
    "imports at the book's calibration"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_pair_of_shares(answer_ex_10_calibration):
    assert answer_ex_10_calibration is not ..., "replace the ... with your answer"
    assert len(answer_ex_10_calibration) == 2, "give a pair (saved, imports)"
    assert all(isinstance(x, Real) and 0 <= x <= 1 for x in answer_ex_10_calibration), (
        "give each as a share of the dollar, between 0 and 1"
    )


@test_case(hidden=True)
def leakages_of_the_multiplier(answer_ex_10_calibration):
    c, share = CALIBRATED_CONSUMPTION, CALIBRATED_LOCAL_SHARE
    k = gnp_per_migradollar(c, share)
    saved, imports = answer_ex_10_calibration
    assert abs(saved - (1 - c) * k) < 0.005
    assert abs(imports - c * (1 - share) * k) < 0.005
