"""The book taken away: the whole-book PDF and the downloads page's files, read as a reader meets them.

The module first makes the files with ``python -m bookbuild.takeaway``'s own function when they are
missing or older than the built book (so a fresh build is always checked), then:

  test_every_page_in_order            each _toc.yml page has a bookmark, in order, on a page that prints its title
  test_contents_numbers_match         the contents' page numbers are the pages the chapters start on
  test_pages_numbered_and_titled      each page after the cover prints its number and its chapter's title
  test_size_pages_fonts_and_vectors   at most 15 MB, a book-length page count, every font embedded, no bitmaps
  test_no_links_to_the_build_machine  no link to a file:// address; links to outside sources stay
  test_cover                          title, both licences and the date
  test_no_dead_controls               no toggle, button or navigation text; no solution in the student's edition
  test_explorers_say_where_to_move    one line per explorer naming its page
  test_printed_charts_use_the_laptop_layout  printed, charts show their laptop layout (small multiples side by
                                      side), not the phone's, at its full width
  test_instructors_edition            every solution of the book, at the end
  test_data_package                   every CSV of datapackage.json, with a README naming each and its source
  test_notebooks_and_offline_copy     every chapter notebook; every page of the site, with relative links only
  test_downloads_page_links_resolve   the downloads page, the intro and a chapter's footer link to files that exist
  test_data_readme                    a small piece of bookbuild.takeaway alone
"""

import html
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import HTML, ROOT
from pypdf import PdfReader

from bookbuild import pages, takeaway
from widgets import charts

OUT = HTML / takeaway.OUT_DIR
PAGES = takeaway.toc_pages(ROOT)
DEAD_TEXT = [
    "Show solution",
    "Hide solution",
    "Solution to Exercise",
    "Back to top",
    "Show code",
    "Hide code",
    "Click to show",
    "Copy to clipboard",
    "Skip to main content",
    "Toggle navigation",
    "Search Ctrl",
    "Light/Dark",
]


def _spaced(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@pytest.fixture(scope="module")
def made():
    """The downloads of the built book, made now if missing or older than the build."""
    index = HTML / "index.html"
    if not index.exists():
        pytest.fail(f"no built book in {HTML}: run the README's build command first", pytrace=False)
    files = {kind: OUT / name for kind, name in takeaway.FILES.items()}
    if any(not f.exists() or f.stat().st_mtime < index.stat().st_mtime for f in files.values()):
        takeaway.main(HTML)
    return files


@pytest.fixture(scope="module")
def book(made):
    return PdfReader(made["pdf"])


@pytest.fixture(scope="module")
def text(made):
    return _spaced(subprocess.run(["pdftotext", str(made["pdf"]), "-"], capture_output=True, text=True).stdout)


def _titles() -> list[str]:
    titles = []
    for page in PAGES:
        found = re.search(r"<h1[^>]*>(.*?)</h1>", (HTML / page.path).read_text(encoding="utf-8"), re.S)
        titles.append(_spaced(html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).replace("#", "")))
    return titles


def _bookmarks(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, 0-based page) of every chapter bookmark (part captions hold their chapters as children)."""
    marks = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                marks.append((_spaced(item.title), reader.get_destination_page_number(item)))

    walk(reader.outline)
    return marks


def test_every_page_in_order(book):
    marks = dict(_bookmarks(book))
    starts = []
    for title in _titles():
        assert title in marks, f"no bookmark for {title!r}"
        page_text = _spaced(book.pages[marks[title]].extract_text())
        assert title[:40] in page_text, f"{title!r} is not printed on the page its bookmark opens"
        starts.append(marks[title])
    assert starts == sorted(starts), "the chapters are not in _toc.yml order"


def test_contents_numbers_match(book):
    marks = dict(_bookmarks(book))
    contents = _spaced(book.pages[1].extract_text() + " " + book.pages[2].extract_text())
    for title in _titles():
        number = marks[title] + 1
        words = re.escape(title[-25:])
        assert re.search(words + rf"\s*{number}\b", contents), f"contents: {title!r} should say page {number}"


def test_pages_numbered_and_titled(made, book):
    heads = {*_titles(), "Contents"}  # the running titles (part captions are bookmarks too, not titles)
    marks = sorted((page, title) for title, page in _bookmarks(book) if title in heads)
    for index in range(1, len(book.pages), 17):
        lines = subprocess.run(
            ["pdftotext", "-layout", "-f", str(index + 1), "-l", str(index + 1), str(made["pdf"]), "-"],
            capture_output=True,
            text=True,
        ).stdout.split("\n")
        lines = [line.strip() for line in lines if line.strip()]
        assert lines[-1] == str(index + 1), f"PDF page {index + 1} prints {lines[-1]!r} as its number"
        chapter = [title for start, title in marks if start <= index]
        if chapter:
            assert chapter[-1][:30] in _spaced(lines[0]), f"page {index + 1}: running title {lines[0]!r}"


def test_size_pages_fonts_and_vectors(made, book):
    assert made["pdf"].stat().st_size <= takeaway.MAX_PDF_BYTES
    assert 100 <= len(book.pages) <= 400, f"{len(book.pages)} pages"
    fonts = subprocess.run(["pdffonts", str(made["pdf"])], capture_output=True, text=True).stdout.splitlines()[2:]
    assert fonts, "no fonts listed"
    not_embedded = [line for line in fonts if line.split()[-5] != "yes"]
    assert not not_embedded, f"fonts not embedded: {not_embedded}"
    images = subprocess.run(["pdfimages", "-list", str(made["pdf"])], capture_output=True, text=True).stdout
    assert len(images.splitlines()) == 2, f"bitmaps in the PDF (charts must be vector drawings):\n{images[:600]}"


def test_no_links_to_the_build_machine(book):
    uris = [
        str(annot.get_object().get("/A", {}).get("/URI", ""))
        for page in book.pages
        for annot in page.get("/Annots") or []
    ]
    assert uris, "no links at all (the outside sources should stay linked)"
    assert not [u for u in uris if u.startswith("file:")], "the PDF links to files on the machine that printed it"


def test_cover(book):
    cover = _spaced(book.pages[0].extract_text())
    assert "Migration and Development" in cover
    assert "CC BY 4.0" in cover and "MIT" in cover
    assert re.search(r"Made on \d{4}-\d\d-\d\d", cover)


def test_no_dead_controls(text):
    printed = [dead for dead in DEAD_TEXT if dead.lower() in text.lower()]
    assert not printed, f"the PDF prints control or navigation text: {printed}"


def test_explorers_say_where_to_move(text):
    explorers = sum(
        (HTML / page.path).read_text(encoding="utf-8").count('class="vega-chart vega-explorer"') for page in PAGES
    )
    notes = re.findall(r"Explorer: this is its opening chart\..*? page (\S+?\.html)", text)
    assert len(notes) == explorers, f"{len(notes)} explorer notes for {explorers} explorers"
    assert all((HTML / note).exists() for note in notes), notes


# Each chart's drawings that print: whether each is the laptop layout, and its width on the page.
PRINTED_CHARTS = """() => [...document.querySelectorAll('.bd-article .vega-chart')].map(c => {
  const laptop = c.querySelector(':scope > .vega-print > svg');
  return {id: c.id, laptop: laptop ? +laptop.getAttribute('width') : 0,
          shown: [...c.querySelectorAll('svg:not(svg svg)')].filter(s => s.checkVisibility())
            .map(s => ({laptop: s === laptop, width: s.getBoundingClientRect().width}))};
})"""


def test_printed_charts_use_the_laptop_layout(browser):
    """As the PDF prints a page: a chart whose laptop layout differs from the phone's shows the laptop's (and
    only it), no narrower than drawn; the widest, small multiples side by side, is far wider than a phone."""
    pages = [p.path for p in PAGES if 'class="vega-print"' in (HTML / p.path).read_text(encoding="utf-8")]
    assert pages, "no chart carries a laptop layout for print (widgets/charts.py, for_laptop)"
    context = browser.new_context(viewport=takeaway.VIEWPORT)
    widest = 0.0
    try:
        for path in pages:
            tab = context.new_page()
            tab.goto((HTML / path).as_uri(), wait_until="load")
            tab.add_style_tag(content=takeaway.PDF_CSS)
            tab.emulate_media(media="print")
            for chart in tab.evaluate(PRINTED_CHARTS):
                where = f"{path} #{chart['id']}"
                assert len(chart["shown"]) == 1, f"{where}: {len(chart['shown'])} drawings print"
                if chart["laptop"]:
                    shown = chart["shown"][0]
                    assert shown["laptop"], f"{where}: prints its phone layout, not its laptop layout"
                    assert shown["width"] >= chart["laptop"] - 1, f"{where}: printed {shown['width']:.0f} px wide"
                    widest = max(widest, shown["width"])
            tab.close()
    finally:
        context.close()
    assert widest > 1.5 * charts.PHONE_WIDTH, f"the widest printed chart is {widest:.0f} px"


def test_instructors_edition(made, book):
    solutions = sum((HTML / page.path).read_text(encoding="utf-8").count('class="solution dropdown') for page in PAGES)
    teacher = PdfReader(made["instructors"])
    teacher_text = _spaced(" ".join(page.extract_text() for page in teacher.pages[len(book.pages) :]))
    assert teacher_text.count("Solution to Exercise") == solutions
    assert made["instructors"].stat().st_size <= takeaway.MAX_PDF_BYTES


def test_data_package(made):
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    with zipfile.ZipFile(made["data"]) as zipped:
        names = set(zipped.namelist())
        readme = zipped.read("data/README.md").decode()
        for resource in package["resources"]:
            assert f"data/{resource['path']}" in names
            assert zipped.read(f"data/{resource['path']}") == (ROOT / "data" / resource["path"]).read_bytes()
            assert f"`{resource['path']}`" in readme
    assert {"data/datapackage.json", "LICENSE.md"} <= names
    assert "CC BY 4.0" in readme


def test_notebooks_and_offline_copy(made):
    with zipfile.ZipFile(made["notebooks"]) as zipped:
        names = set(zipped.namelist())
    assert {f"chapters/{nb.name}" for nb in (ROOT / "chapters").glob("*.ipynb")} <= names
    with zipfile.ZipFile(made["site"]) as zipped:
        names = set(zipped.namelist())
        for page in PAGES:
            name = f"{takeaway.STEM}/{page.path}"
            assert name in names, f"{page.path} is missing from the offline copy"
            body = zipped.read(name).decode()
            assert not re.search(r'(?:src|href)="/(?!/)', body), f"{page.path}: a link from the site's root"
    assert f"{takeaway.STEM}/index.html" in names
    assert f"{takeaway.STEM}/downloads/{takeaway.FILES['pdf']}" in names


def _links(page: str) -> list[Path]:
    body = (HTML / page).read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"#]*downloads[^"#]*)"', body)
    return [(HTML / page).parent.joinpath(href).resolve() for href in hrefs]


def test_downloads_page_links_resolve(made):
    downloads = _links(f"{pages.DOWNLOADS_PAGE}.html")
    assert {path.name for path in downloads} >= set(takeaway.FILES.values())
    for page in ["intro.html", PAGES[3].path, f"{pages.DOWNLOADS_PAGE}.html"]:
        links = _links(page)
        assert links, f"{page} does not link to the downloads"
        assert all(path.exists() for path in links), f"{page}: dead links {[p for p in links if not p.exists()]}"


def test_data_readme():
    package = {
        "title": "T",
        "description": "D",
        "resources": [
            {"name": "a", "path": "a.csv", "title": "A", "sources": [{"essay": "portes", "seed_lines": "1-2"}]}
        ],
    }
    readme = takeaway.data_readme(package)
    assert "`a.csv`: A." in readme and "seed lines: 1-2" in readme
