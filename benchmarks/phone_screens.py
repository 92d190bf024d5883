"""Screenshots of what a student sees on a phone, and a printed chapter as PNG pages (to look at, not a test).

    python benchmarks/phone_screens.py [CHAPTER ...]      # needs pypdfium2 for the printed pages

For each chapter (default: three of them) it saves, at 390 px wide in light and dark mode, the top of the
page and the first chart, table, explorer and equation scrolled into view, into
``_build/phone_screens/``; then it prints the first chapter to PDF (A4, as Chromium prints) and renders
each PDF page to PNG.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
import browser_report as br  # noqa: E402
import weak_link  # noqa: E402

OUT = HERE.parent / "_build" / "phone_screens"
CHAPTERS = [
    "chapters/11_networks_and_the_village.html",
    "chapters/20_brain_drain.html",
    "chapters/31_evidence_of_downward_assimilation.html",
]
SPOTS = {
    "chart": ".bd-article .vega-chart:not(.vega-explorer)",
    "table": ".bd-article table",
    "explorer": ".bd-article .vega-explorer",
    "math": ".bd-article div.math-display",
}


def main(chapters: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    saved = []
    with weak_link.serve() as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=br.CHROMIUM, args=br.FLAGS)
        for page in chapters:
            stem = Path(page).stem
            for mode in ("light", "dark"):
                context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
                context.add_init_script(
                    f"localStorage.setItem('mode','{mode}');localStorage.setItem('theme','{mode}');"
                )
                tab = context.new_page()
                tab.goto(f"{base}/{page}", wait_until="load")
                tab.evaluate(br.SCROLL_PAST_EXPLORERS)
                br._wait(tab, br.ALL_DRAWN, timeout_ms=15_000)
                shots = {"top": None, **SPOTS}
                for name, selector in shots.items():
                    if selector:
                        element = tab.query_selector(selector)
                        if element is None:
                            continue
                        # as a reader scrolls: Playwright's own scrolling leaves skipped boxes unrendered
                        element.evaluate("el => { el.scrollIntoView({block: 'start'}); window.scrollBy(0, -60); }")
                        tab.wait_for_timeout(200)
                    path = OUT / f"{stem}-{mode}-{name}.png"
                    tab.screenshot(path=str(path))
                    saved.append(path)
                context.close()
        context = browser.new_context(viewport={"width": 1000, "height": 1200})
        tab = context.new_page()
        tab.goto(f"{base}/{chapters[0]}", wait_until="load")
        tab.evaluate(br.SCROLL_PAST_EXPLORERS)
        br._wait(tab, br.ALL_DRAWN, timeout_ms=15_000)
        tab.emulate_media(media="print")
        pdf = OUT / f"{Path(chapters[0]).stem}-print.pdf"
        pdf.write_bytes(tab.pdf(format="A4", print_background=True))
        context.close()
        browser.close()
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    for i in range(len(document)):
        path = OUT / f"{pdf.stem}-page{i + 1:02d}.png"
        document[i].render(scale=1.2).to_pil().save(path)
        saved.append(path)
    print("\n".join(str(p) for p in saved))


if __name__ == "__main__":
    main(sys.argv[1:] or CHAPTERS)
