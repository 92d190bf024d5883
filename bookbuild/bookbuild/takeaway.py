"""Take the book away: a whole-book PDF, an offline copy, the data package and the notebooks.

    python -m bookbuild.takeaway      # from the book's folder, after `jupyter-book build`: writes _build/html/downloads/

Run after the build: it reads the built pages in ``_build/html`` and writes the files the downloads page
(``reference/downloads.md``) links to. The PDF is printed by the system's Chromium (Playwright,
``executable_path``; no browser download, no LaTeX), one page of ``_toc.yml`` at a time, from ``file://``:

- each explorer prints its build-time drawing (its opening chart, as vector SVG) and a line saying
  where to move it live; ``_static/book.css``'s print rules hide controls, code toggles and solutions;
- a cover (title, licences, date) and a contents page with page numbers are printed from small HTML
  pages written here; ``pypdf`` merges the parts, adds bookmarks, and stamps each page with its running
  chapter title and page number (an overlay printed by Chromium too, so the numbers run through the
  whole book rather than restarting with each chapter as Chromium's own footer would);
- the instructor's PDF is the same book with every chapter's worked solutions added at the end.
"""

import datetime
import html
import json
import os
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["FILES", "MAX_PDF_BYTES", "OUT_DIR", "PDF_CSS", "STEM", "VIEWPORT", "data_readme", "main", "toc_pages"]

ROOT = Path.cwd()  # the book's folder: the command runs from it
HTML = ROOT / "_build" / "html"
OUT_DIR = "downloads"
STEM = "migration-development-reader"
FILES = {
    "pdf": f"{STEM}.pdf",
    "instructors": f"{STEM}-instructors.pdf",
    "site": f"{STEM}-offline.zip",
    "data": f"{STEM}-data.zip",
    "notebooks": f"{STEM}-notebooks.zip",
}
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
MARGIN = {"top": "20mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}
MAX_PDF_BYTES = 15_000_000
SCALE = 0.8  # the web pages' 16 px text prints at about 10 pt
VIEWPORT = {"width": 1000, "height": 1200}  # a laptop's: print lays out each page at A4's width from it

# Print-only additions for the PDF: the note under each explorer, and no link addresses or stray gaps.
PDF_CSS = """
.explorer-print-note { font-size: 0.85em; font-style: italic; margin: 0.3em 0 1em; }
.bd-article-container, .bd-main, .bd-content { max-width: none !important; }
html body .bd-article * { box-shadow: none !important; text-shadow: none !important; }  /* Chromium prints shadows as bitmaps */
"""

# Evaluated in each printed page by Playwright (bookbuild/print/*.js): a function expression each.
PREPARE_JS = (Path(__file__).parent / "print" / "prepare.js").read_text(encoding="utf-8")
PAGE_TITLE_JS = (Path(__file__).parent / "print" / "page-title.js").read_text(encoding="utf-8")


@dataclass
class Page:
    """One page of the table of contents: its built file, the part it sits in, its title and PDF pages."""

    path: str
    part: str
    title: str = ""
    first: int = 0
    count: int = 0
    pdf: bytes = b""


def toc_pages(root: Path = ROOT) -> list[Page]:
    """The built pages in ``_toc.yml`` order, with the caption of the part each sits in."""
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    pages = [Page(f"{toc['root']}.html", "")]
    for part in toc.get("parts", []):
        pages += [Page(f"{c['file']}.html", part.get("caption", "")) for c in part.get("chapters", [])]
    return pages


def _config(root: Path = ROOT) -> dict:
    import yaml

    return yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))


def _made_on() -> str:
    """The date the PDF stands at: SOURCE_DATE_EPOCH when set (reproducible builds), else today (UTC)."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.datetime.fromtimestamp(int(stamp), datetime.UTC) if stamp else datetime.datetime.now(datetime.UTC)
    return when.date().isoformat()


def _commit(root: Path = ROOT) -> str:
    try:
        out = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    except OSError:
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def _doc(title: str, body: str, css: str = "") -> str:
    """A small stand-alone HTML page in the book's fonts (the system's sans-serif, as the theme uses)."""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        "<style>body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;"
        f"color:#222;line-height:1.45}}{css}</style></head><body>{body}</body></html>"
    )


def cover_html(config: dict, made_on: str, commit: str, edition: str) -> str:
    """The cover: the title, what the book is, its licences and the date the PDF was made."""
    title = html.escape(config["title"])
    made = f"Made on {made_on}" + (f" from commit {commit}" if commit else "") + "."
    body = f"""
<div class="cover">
<h1>{title}</h1>
<p class="sub">A reader for two essays: Alejandro Portes, <em>Migration and Development: Reconciling Opposite
Views</em>, and Saskia Sassen on immigrants in the advanced urban economy.</p>
<p class="edition">{html.escape(edition)}</p>
<p>By {html.escape(config.get("author", ""))}.</p>
<div class="licence">
<p><strong>Licences.</strong> Text, exercises, figures, diagrams and data descriptions: Creative Commons
Attribution 4.0 International (CC BY 4.0), https://creativecommons.org/licenses/by/4.0/. Code: the MIT licence.
See LICENSE.md and CITATION.cff in the book's repository, {html.escape(config["repository"]["url"])}.</p>
<p>The two essays, and the data taken from them, remain their authors' and publishers' work; the book restates
their arguments in its own words and cites every number's source.</p>
<p>This PDF prints the web book's pages. Each explorer is printed as its opening chart; its sliders move in the
web book or its offline copy (see the Downloads page).</p>
<p>{html.escape(made)}</p>
</div></div>"""
    css = (
        "@page{size:A4;margin:30mm 24mm}.cover{display:flex;flex-direction:column;min-height:230mm}"
        "h1{font-size:30pt;line-height:1.15;margin:30mm 0 8mm}.sub{font-size:14pt}.edition{font-size:12pt;"
        "font-weight:bold}.licence{margin-top:auto;font-size:9.5pt;border-top:1px solid #999;padding-top:4mm}"
    )
    return _doc(config["title"], body, css)


def contents_html(pages: list[Page], extra: list[tuple[str, int]]) -> str:
    """The contents: every page's title under its part's caption, with the PDF page it starts on."""
    rows, part = [], None
    for page in pages:
        if page.part != part and page.part:
            rows.append(f'<li class="part">{html.escape(page.part)}</li>')
        part = page.part
        rows.append(f'<li><span>{html.escape(page.title)}</span><span class="n">{page.first}</span></li>')
    rows += [f'<li class="part"><span>{html.escape(t)}</span><span class="n">{n}</span></li>' for t, n in extra]
    css = (
        "@page{size:A4;margin:20mm 16mm 18mm}h1{font-size:20pt}ol{list-style:none;padding:0}"
        "li{display:flex;gap:1em;justify-content:space-between;border-bottom:1px dotted #aaa;padding:2px 0;"
        "font-size:10.5pt}li.part{font-weight:bold;margin-top:0.8em;border:0}.n{white-space:nowrap}"
    )
    return _doc("Contents", f"<h1>Contents</h1><ol>{''.join(rows)}</ol>", css)


def solutions_html(solved: list[tuple[str, list[str]]]) -> str:
    """The instructor's appendix: each chapter's worked solutions, in order, under the chapter's title."""
    parts = [
        f"<section><h2>{html.escape(title)}</h2>" + "".join(f'<div class="sol">{s}</div>' for s in items) + "</section>"
        for title, items in solved
        if items
    ]
    css = (
        "@page{size:A4}h2{font-size:15pt;margin-top:1.2em}.sol{border-left:3px solid #0072B2;padding:0 0 0 10px;"
        "margin:0.8em 0;break-inside:avoid}.sol p.admonition-title{font-weight:bold}pre{white-space:pre-wrap;"
        "font-size:8.5pt;background:#f5f5f5;padding:6px}svg{max-width:100%;height:auto}"
    )
    return _doc("Solutions", "<h1>Solutions to the exercises</h1>" + "".join(parts), css)


def overlay_html(marks: list[tuple[str, str]], book_title: str) -> str:
    """One A4 sheet per PDF page with its running title at the top and its page number at the bottom."""
    sheets = "".join(
        f'<div class="sheet"><div class="head"><span>{html.escape(head)}</span><span>{html.escape(book_title)}</span>'
        f'</div><div class="foot">{html.escape(number)}</div></div>'
        for head, number in marks
    )
    css = (
        "@page{size:A4;margin:0}body{margin:0;font-size:8pt;color:#555}.sheet{height:297mm;width:210mm;"
        "position:relative;break-after:page;overflow:hidden}.head{position:absolute;top:8mm;left:16mm;right:16mm;"
        "display:flex;justify-content:space-between;gap:2em;border-bottom:0.5pt solid #bbb;padding-bottom:1mm}"
        ".head span{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}"
        ".foot{position:absolute;bottom:8mm;left:0;right:0;text-align:center}"
    )
    return _doc("overlay", sheets, css)


def _print_html(context, source: str, **pdf_options) -> bytes:
    tab = context.new_page()
    try:
        tab.set_content(source, wait_until="load")
        return tab.pdf(prefer_css_page_size=True, print_background=True, **pdf_options)
    finally:
        tab.close()


def _print_page(context, html_dir: Path, page: Page) -> list[str]:
    """Print one built page into ``page.pdf``; return the outer HTML of its solutions."""
    tab = context.new_page()
    try:
        tab.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        tab.goto((html_dir / page.path).as_uri(), wait_until="load")
        page.title = " ".join(tab.evaluate(PAGE_TITLE_JS).replace("#", "").split())
        solutions = tab.evaluate(PREPARE_JS, page.path)
        tab.add_style_tag(content=PDF_CSS)
        tab.emulate_media(media="print")
        page.pdf = tab.pdf(format="A4", margin=MARGIN, print_background=True, scale=SCALE)
        return solutions
    finally:
        tab.close()


def _count(data: bytes) -> int:
    from io import BytesIO

    from pypdf import PdfReader

    return len(PdfReader(BytesIO(data)).pages)


def build_pdfs(html_dir: Path = HTML, out_dir: Path | None = None, root: Path = ROOT) -> dict[str, Path]:
    """Print the book (and the instructor's edition) to PDF; return {kind: path}."""
    from playwright.sync_api import sync_playwright

    out_dir = out_dir or html_dir / OUT_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    config, made_on, commit = _config(root), _made_on(), _commit(root)
    pages = toc_pages(root)
    solved = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport=VIEWPORT)
        for page in pages:
            solutions = _print_page(context, html_dir, page)
            solved.append((page.title, solutions))
            page.count = _count(page.pdf)
        made = {}
        for kind, edition in (("pdf", "Student's edition"), ("instructors", "Instructor's edition, with solutions")):
            cover = _print_html(context, cover_html(config, made_on, commit, edition))
            appendix = _print_html(context, solutions_html(solved)) if kind == "instructors" else b""
            contents_pages = 1
            while True:  # the contents' own length moves every page number after it
                start = 1 + _count(cover) + contents_pages
                for page in pages:
                    page.first, start = start, start + page.count
                extra = [("Solutions to the exercises", start)] if appendix else []
                contents = _print_html(context, contents_html(pages, extra))
                if _count(contents) == contents_pages:
                    break
                contents_pages = _count(contents)
            path = out_dir / FILES[kind]
            _assemble(context, path, config["title"], cover, contents, pages, appendix)
            made[kind] = path
        browser.close()
    return made


def _assemble(context, path: Path, title: str, cover: bytes, contents: bytes, pages: list[Page], appendix: bytes):
    """Merge the parts, stamp running titles and page numbers, add bookmarks, and write the PDF."""
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    parts = [("", cover, None), ("Contents", contents, None)]
    parts += [(page.title, page.pdf, page) for page in pages]
    if appendix:
        parts.append(("Solutions to the exercises", appendix, None))
    marks, starts = [], []
    for head, data, page in parts:
        starts.append((head, len(writer.pages), page))
        for sheet in PdfReader(BytesIO(data)).pages:
            writer.add_page(sheet)
            marks.append((head, str(len(writer.pages)) if head else ""))
    overlay = PdfReader(BytesIO(_print_html(context, overlay_html(marks, title))))
    for sheet, stamp in zip(writer.pages[1:], overlay.pages[1:], strict=True):
        sheet.merge_page(stamp)
        sheet.compress_content_streams()  # merging leaves the page's drawing uncompressed
    parents = {}
    for head, index, page in starts[1:]:
        part = page.part if page else ""
        if part and part not in parents:
            parents[part] = writer.add_outline_item(title=part, page_number=index)
        writer.add_outline_item(title=head, page_number=index, parent=parents.get(part))
    writer.add_metadata(
        {"/Title": title, "/Author": "the book's contributors", "/Subject": "CC BY 4.0 (text), MIT (code)"}
    )
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    with path.open("wb") as handle:
        writer.write(handle)


def _zip(path: Path, files: dict[str, Path | str]) -> Path:
    """Write a zip of {name in the zip: file on disk, or text}."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, source in sorted(files.items()):
            if isinstance(source, Path):
                zipped.write(source, name)
            else:
                zipped.writestr(name, source)
    return path


def data_readme(package: dict) -> str:
    """The data package's README: what each table holds, where its numbers come from, and the licences."""
    lines = [
        f"# {package['title']}",
        "",
        package["description"],
        "",
        "Each CSV is described in datapackage.json (a Frictionless Data package): its columns, their meaning, and",
        "its sources. Seed lines point to the essays' text as the book reads it.",
        "",
        "## Licences",
        "",
        "The book's data descriptions are CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). The numbers",
        "taken from the two essays remain their authors' and publishers' work; figures from outside the essays",
        "carry their own citation, locator and the source's words in the file that holds them.",
        "",
        "## The essays",
        "",
    ]
    lines += [f"- {e['author']}, *{e['title']}*." for e in package.get("essays", {}).values()]
    lines += ["", "## The tables", ""]
    for resource in package["resources"]:
        lines.append(f"- `{resource['path']}`: {resource.get('title', resource['name'])}.")
        for source in resource.get("sources", []):
            where = ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in source.items())
            lines.append(f"  Source: {where}.")
    return "\n".join(lines) + "\n"


def build_downloads(html_dir: Path = HTML, out_dir: Path | None = None, root: Path = ROOT) -> dict[str, Path]:
    """The data package, the chapter notebooks and the offline copy of the site (PDFs included) as zips."""
    out_dir = out_dir or html_dir / OUT_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    data = root / "data"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    made = {
        "data": _zip(
            out_dir / FILES["data"],
            {
                **{f"data/{f.name}": f for f in sorted(data.glob("*.csv"))},
                "data/datapackage.json": data / "datapackage.json",
                "data/README.md": data_readme(package),
                "LICENSE.md": root / "LICENSE.md",
            },
        ),
        "notebooks": _zip(
            out_dir / FILES["notebooks"],
            {
                **{f"{nb.parent.name}/{nb.name}": nb for nb in sorted(root.glob("chapters/*.ipynb"))},
                **{f"{nb.parent.name}/{nb.name}": nb for nb in sorted(root.glob("reference/*.ipynb"))},
                "requirements.txt": root / "requirements.txt",
                "LICENSE.md": root / "LICENSE.md",
            },
        ),
    }
    site = {
        str(f.relative_to(html_dir)): f
        for f in sorted(html_dir.rglob("*"))
        if f.is_file() and f.name != FILES["site"] and ".doctrees" not in f.parts
    }
    made["site"] = _zip(out_dir / FILES["site"], {f"{STEM}/{name}": f for name, f in site.items()})
    return made


def main(html_dir: Path = HTML) -> None:
    if not (html_dir / "index.html").exists():
        raise SystemExit(f"no built book in {html_dir}: run `jupyter-book build --all -W -n --keep-going .` first")
    root = html_dir.resolve().parent.parent  # the book's folder, whose _build/html this is
    made = build_pdfs(html_dir, root=root)
    made.update(build_downloads(html_dir, root=root))
    for kind, path in made.items():
        print(f"{kind:12} {path.relative_to(html_dir.parent.parent)}  {path.stat().st_size / 1e6:.1f} MB")
    size = made["pdf"].stat().st_size
    if size > MAX_PDF_BYTES:
        raise SystemExit(f"the PDF is {size / 1e6:.1f} MB, over the {MAX_PDF_BYTES / 1e6:.0f} MB budget")


if __name__ == "__main__":
    main()
