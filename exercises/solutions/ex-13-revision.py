"""Reference solution of ex-13-revision."""

from widgets import data

rem = data.load("since_remittances").query("recipient == 'Mexico' and year == 2007")
first = rem.query("bibkey == 'malkin2008'")["value_musd"].item()
revised = rem.query("release == 'later revision'")["value_musd"].item()
answer_ex_13_revision = (revised - first) / first
