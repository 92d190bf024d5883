"""Checks for ex-42-korean-share (chapter 42): the Korean share of Japan's registered foreigners, 2017."""

from numbers import Real

from otter.test_files import test_case

from widgets import data

OK_FORMAT = False
name = "ex-42-korean-share"
points = 1
prompt = "the share of Japan's registered foreigners in June 2017 with Korean nationality, between 0 and 1"


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def a_share(answer_ex_42_korean_share):
    assert answer_ex_42_korean_share is not ..., "replace the ... with your answer"
    assert isinstance(answer_ex_42_korean_share, Real) and 0 < answer_ex_42_korean_share < 1, (
        "give a share between 0 and 1 (0.05, not 5)"
    )


@test_case(hidden=True)
def koreans_over_all(answer_ex_42_korean_share):
    share = data.outside("koreans_registered_2017") / data.outside("foreigners_registered_2017")
    assert abs(answer_ex_42_korean_share - share) < 0.0015
