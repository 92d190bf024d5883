"""Checks for ex-50-bridge (chapter 50): which country's village empties fastest under the militarised border."""

from otter.test_files import test_case

from widgets.models import get

OK_FORMAT = False
name = "ex-50-bridge"
points = 1
prompt = "the `sending_country` (8, 7 or 2) whose village has the fewest adults at home after 30 years"

COUNTRIES = (8, 7, 2)


@test_case(name="form", points=0, success_message="Right form. Its value is checked when your work is graded.")
def one_of_the_three_countries(answer_ex_50_bridge):
    assert answer_ex_50_bridge is not ..., "replace the ... with your answer"
    assert answer_ex_50_bridge in COUNTRIES, f"give one of the countries {COUNTRIES}"


@test_case(hidden=True)
def fewest_at_home(answer_ex_50_bridge):
    at_home = {}
    for country in COUNTRIES:
        run = get("pipeline").run(services_growth=0.08, enforcement=0.9, sending_country=country)
        at_home[country] = run.query("year == 30 and series == 'village: people at home'")["index"].item()
    assert answer_ex_50_bridge == min(at_home, key=at_home.get)
