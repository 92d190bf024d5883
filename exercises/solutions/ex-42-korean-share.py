"""Reference solution of ex-42-korean-share."""

from widgets import data

answer_ex_42_korean_share = data.outside("koreans_registered_2017") / data.outside("foreigners_registered_2017")
