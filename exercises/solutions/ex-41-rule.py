"""Reference solution of ex-41-rule: the model's rule, written out and run."""

from widgets.models import get


def step(
    low,
    informal,
    new_services_jobs,
    manufacturing,
    services_growth,
    multiplier,
    low_wage_share,
    downgrading_rate,
    informalisation_rate,
):
    direct = 0.25 * new_services_jobs
    induced = low_wage_share * multiplier * (1 - 0.25) * new_services_jobs
    moved = informalisation_rate * low
    return low - moved + direct + induced + downgrading_rate * manufacturing, informal + moved


v = get("global_city").defaults() | {"downgrading_rate": 0.05, "informalisation_rate": 0.05}
low, informal = 22.0, 3.0
for year in range(1, 31):
    new = 10 * (1 + v["services_growth"]) ** (year - 1) * v["services_growth"]
    manufacturing = 25 * (1 - v["downgrading_rate"]) ** (year - 1)
    low, informal = step(
        low,
        informal,
        new,
        manufacturing,
        v["services_growth"],
        v["multiplier"],
        v["low_wage_share"],
        v["downgrading_rate"],
        v["informalisation_rate"],
    )
answer_ex_41_rule = (low, informal)
