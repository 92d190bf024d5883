"""Reference solution of ex-42-hump."""

from widgets import data

answer_ex_42_hump = (data.outside("clemens_hump_low") + data.outside("clemens_hump_high")) / 2
