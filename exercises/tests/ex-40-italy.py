"""Check of ex-40-italy (chapter 40): the receiving countries of Sassen's migration systems with no stated tie."""

from teachkit import answers
from widgets import data

prompt = (
    'the rows of `data.load("sassen_migration_systems")` whose tie is "none stated", as a DataFrame '
    "with at least the `receiving` column (the result of your one line of pandas; any index, any order)"
)
form = answers.rows("receiving", what="the selected rows as a DataFrame with the table's `receiving` column")


def expected():
    systems = data.load("sassen_migration_systems")
    return list(systems.loc[systems["tie"] == "none stated", "receiving"])
