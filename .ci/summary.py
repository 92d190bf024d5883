"""One pytest-style summary line for the tiers .ci/test ran, from each tier's log: python .ci/summary.py LOG...

Each pytest run ends with a line like ``==== 532 passed, 2 skipped in 98.1s ====``; this adds the counts
up, so the last line of the whole run still reads "N passed" (CI reads it).
"""

import re
import sys
from collections import Counter
from pathlib import Path

counts, seconds = Counter(), 0.0
for log in sys.argv[1:]:
    last = [line for line in Path(log).read_text().splitlines() if re.search(r"=+ .* in [\d.]+s", line)][-1]
    counts.update({word: int(n) for n, word in re.findall(r"(\d+) (\w+)", last.split(" in ")[0])})
    seconds += float(re.search(r" in ([\d.]+)s", last).group(1))
counts.pop("deselected", None)  # each tier deselects the others
order = ["failed", "passed", "skipped", "xfailed", "xpassed", "warnings", "errors"]
parts = ", ".join(f"{counts[w]} {w}" for w in sorted(counts, key=lambda w: order.index(w) if w in order else 99))
print(f"{'=' * 20} {parts} in {seconds:.2f}s (all tiers) {'=' * 20}")
