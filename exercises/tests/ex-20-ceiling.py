"""Check of ex-20-ceiling (chapter 20): the new H-1B permits of 2003 implied by the share of renewals."""

from teachkit import answers
from widgets import data

prompt = (
    "the number of new (not renewed) H-1B permits in 2003 implied by the essay's remark on renewals "
    "(to within 1 percent)"
)
form = answers.number(0, None, within=0.01, relative=True, what="a number of permits")


def expected():
    return data.number("h1b_permits_2003") * (1 - data.number("h1b_renewal_share_2003"))
