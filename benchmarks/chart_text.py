"""Per page, the smallest chart text a reader sees at a 360 px viewport, wide tables, and the first paragraph.

    python benchmarks/chart_text.py [HTML_DIR] [PAGE ...]     # default: _build/html, every page

Prints one line per page: the number of charts, the smallest rendered chart text in px (and which
text), the tables wider than their box that are not laid out for the phone, and how far down the
first paragraph starts on a 390 x 844 screen. See ``tests/reader_measure.py`` for how each is measured.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
import browser_report as br  # noqa: E402
import reader_measure as rm  # noqa: E402


def main(html: Path, chosen: list[str]) -> None:
    names = chosen or rm.pages(HERE.parent)
    print(f"{'page':52} charts  smallest px  (text)                 wide tables  first <p> top")
    with br.serve(html) as (base, _), br.launch() as browser:
        for page in names:
            facts = rm.measure(browser, base, page)
            small = rm.smallest(facts)
            worst = min(
                (c for c in facts["charts"] if c["smallest"] is not None), key=lambda c: c["smallest"], default=None
            )
            wide = [t for t in facts["tables"] if t["width"] > t["box"] + 1 and not (t["stacked"] or t["sticky"])]
            top = facts["first"]["top"] if facts["first"] else "-"
            shown = f"{small:5.1f}  ({worst['text'][:22]!r})" if small is not None else "    -"
            print(f"{page:52} {len(facts['charts']):6}  {shown:34} {len(wide):5}/{len(facts['tables']):<3}    {top}")


if __name__ == "__main__":
    args = sys.argv[1:]
    html = Path(args.pop(0)) if args and Path(args[0]).is_dir() else HERE.parent / "_build" / "html"
    main(html, args)
