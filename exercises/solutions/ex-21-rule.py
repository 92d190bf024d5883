"""Reference solution of ex-21-rule: the model's rule, written out and run."""

from widgets.models import get


def step(home, by_duration, settled, returned, institutional_capacity, departure_rate, decision_rate):
    leaving = departure_rate * home
    abroad = sum(by_duration)
    go_home = decision_rate * institutional_capacity * abroad
    seek_status = decision_rate * (1 - institutional_capacity) * abroad
    staying = [(1 - decision_rate) * n for n in by_duration]
    return home - leaving, [leaving] + staying[:-1], settled + seek_status, returned + go_home + staying[-1]


values = get("brain_circulation").defaults()
state = (1000.0, [0.0] * 3, 0.0, 0.0)
for _ in range(30):
    state = step(*state, 0.3, values["departure_rate"], values["decision_rate"])
answer_ex_21_rule = (state[3], state[2])
