"""Check of ex-22-masters (chapter 22): the rise in the share of H-1B workers with a master's or higher.

Expected: the FY2019 master's, doctorate and professional shares (data/outside_numbers.csv) minus Table 1's.
"""

from teachkit import answers
from widgets import data

prompt = (
    "the rise, from Table 1 (2002) to USCIS's FY2019 report, in the share of H-1B workers with a master's "
    "degree or higher, as a share (0.05 for 5 percentage points; to within 0.005)"
)
form = answers.number(-1, 1, within=0.005, what="a difference of shares between -1 and 1 (0.05, not 5)")


def expected():
    t1 = data.load("portes_table1_h1b_2002").query("row_type == 'all'")
    before = t1["masters_or_higher_pct"].item() / 100
    keys = ("uscis_fy2019_masters_share", "uscis_fy2019_doctorate_share", "uscis_fy2019_professional_share")
    return sum(data.outside(k) for k in keys) - before
