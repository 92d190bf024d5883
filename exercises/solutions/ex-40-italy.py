"""Reference solution of ex-40-italy."""

from widgets import data

systems = data.load("sassen_migration_systems")
answer_ex_40_italy = systems.loc[systems["tie"] == "none stated", ["receiving", "sending"]]
