"""Check of ex-11-dependence (chapter 11): the share of year-40 local income that comes from remittances."""

from teachkit import answers
from widgets.models import get

PRESETS = sorted(get("village").presets)

prompt = (
    'a dict mapping each preset of the village model (`"cyclical"`, `"family settlement"`, '
    '`"settlement with local programme"`) to the share (0 to 1) of its year-40 local income that '
    "comes from remittance spending (each to within 0.01)"
)
form = answers.mapping(
    answers.number(0, 1, within=0.01, what="a share between 0 and 1"),
    keys=PRESETS,
    what="a dict with one share per preset",
)


def expected():
    village, shares = get("village"), {}
    for preset, values in village.presets.items():
        year40 = village.run(**values).query("year == 40").set_index("series")["value"]
        shares[preset] = 1 - year40["population at home"] / year40["local income"]
    return shares
