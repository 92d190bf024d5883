"""Reference solution of ex-10-rule: the model's rule, written out and run."""


def next_round(income, consumption_share, local_share):
    return consumption_share * local_share * income


rounds = [1.0]
for _ in range(5):
    rounds.append(next_round(rounds[-1], 0.8, 0.5))
answer_ex_10_rule = rounds
