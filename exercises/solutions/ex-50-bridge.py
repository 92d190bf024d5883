"""Reference solution of ex-50-bridge."""

from widgets.models import REGISTRY

at_home = {}
for country in (8, 7, 2):
    run = REGISTRY["pipeline"].run(services_growth=0.08, enforcement=0.9, sending_country=country)
    at_home[country] = run.query("year == 30 and series == 'village: people at home'")["index"].item()
answer_ex_50_bridge = min(at_home, key=at_home.get)
