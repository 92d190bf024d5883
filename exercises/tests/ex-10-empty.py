"""Checks for ex-10-empty (chapter 10): the population share below which a migradollar adds less than two dollars."""

from numbers import Real

from otter.test_files import test_case

from widgets.parts import labour

OK_FORMAT = False
name = "ex-10-empty"
points = 1
prompt = (
    "a pair `(share_1, share_2)`: the share of the working-age population at home below which a "
    "migradollar adds less than two dollars, with erosion strength 1 and then 2 (each to within 0.01)"
)


def _is_threshold(share, elasticity):
    """A migradollar adds less than 2 dollars 0.01 below ``share`` and at least 2 dollars 0.01 above it."""
    k = labour.calibrated_multiplier
    return k(share - 0.01, elasticity) < 2 <= k(min(share + 0.01, 1), elasticity)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_pair_of_shares(answer_ex_10_empty):
    assert answer_ex_10_empty is not ..., "replace the ... with your answer"
    assert len(answer_ex_10_empty) == 2, "give a pair (share with strength 1, share with strength 2)"
    assert all(isinstance(x, Real) and 0 < x <= 1 for x in answer_ex_10_empty), (
        "give each as a share of the population, between 0 and 1"
    )


@test_case(hidden=True)
def erosion_strength_1(answer_ex_10_empty):
    assert _is_threshold(answer_ex_10_empty[0], 1)


@test_case(hidden=True)
def erosion_strength_2(answer_ex_10_empty):
    assert _is_threshold(answer_ex_10_empty[1], 2)
