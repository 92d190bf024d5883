"""Checks for ex-40-italy (chapter 40): the receiving countries of Sassen's migration systems with no stated tie."""

import pandas as pd
from otter.test_files import test_case

from widgets import data

OK_FORMAT = False
name = "ex-40-italy"
points = 1
prompt = (
    'the rows of `data.load("sassen_migration_systems")` whose tie is "none stated", as a DataFrame '
    "(the result of your one line of pandas)"
)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def rows_of_the_table(answer_ex_40_italy):
    assert answer_ex_40_italy is not ..., "replace the ... with your answer"
    assert isinstance(answer_ex_40_italy, pd.DataFrame) and "receiving" in answer_ex_40_italy.columns, (
        "give the selected rows as a DataFrame with the table's columns"
    )


@test_case(hidden=True)
def the_rows_with_no_tie(answer_ex_40_italy):
    systems = data.load("sassen_migration_systems")
    expected = systems[systems["tie"] == "none stated"]
    assert sorted(answer_ex_40_italy.index) == sorted(expected.index)
    assert sorted(answer_ex_40_italy["receiving"]) == sorted(expected["receiving"])
