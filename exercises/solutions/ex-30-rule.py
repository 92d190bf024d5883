"""Reference solution of ex-30-rule: the model's rule, written out and run."""

from widgets.models import get


def next_population(population, year, enforcement_growth, return_sensitivity, entry_sensitivity, entries_per_year):
    enforcement = 1 + (enforcement_growth - 1) * min(year, 22) / 22
    entries = entries_per_year / 1000 * enforcement ** (-entry_sensitivity)
    return_rate = entries_per_year / 1000 / 3.0 * enforcement ** (-return_sensitivity)
    return population * (1 - return_rate) + entries


v = get("enforcement_stock_flow").defaults()
population, by_year = 3.0, {}
for year in range(40):
    population = next_population(
        population,
        year,
        v["enforcement_growth"],
        v["return_sensitivity"],
        v["entry_sensitivity"],
        v["entries_per_year"],
    )
    by_year[1986 + year + 1] = population
answer_ex_30_rule = [by_year[1996], by_year[2008], by_year[2026]]
