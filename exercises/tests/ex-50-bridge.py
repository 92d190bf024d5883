"""Check of ex-50-bridge (chapter 50): which country's village empties fastest under the militarised border."""

from teachkit import answers
from widgets.models import get

COUNTRIES = [8, 7, 2]

prompt = "the `sending_country` (8, 7 or 2) whose village has the fewest adults at home after 30 years"
form = answers.one_of(COUNTRIES, what="one of the countries 8, 7 or 2")


def expected():
    at_home = {}
    for country in COUNTRIES:
        run = get("pipeline").run(services_growth=0.08, enforcement=0.9, sending_country=country)
        at_home[country] = run.query("year == 30 and series == 'village: people at home'")["index"].item()
    return min(at_home, key=at_home.get)
