"""Every static chart's data one click away: its rows as a table a screen reader can read, and as CSV.

:func:`widgets.charts.offline_html` puts :func:`beside` under each chart it draws at build time: a
folded ``<details>`` ("Data of this chart") holding a captioned table of the rows the chart is drawn
from (the Vega-Lite spec's own data, before its transforms) and a link that downloads the same rows
as CSV, whose first lines (``#``) give the chart's title, its source and the licences. The CSV is a
``data:`` link, so it works offline and from ``file://``; the table and link are not printed.

An explorer gets the same view of its grid (:func:`beside_explorer`): the table holds the rows drawn at
the sliders' opening setting (the page's loader, bookbuild/static/explorers.js, refills it as a slider moves), and
the link downloads every row of the grid, all slider settings, from a file the build writes beside the
explorer's spec (:func:`grid_csv`; too big for a ``data:`` link in the page).
"""

import csv
import html
import io
import json
import re
import urllib.parse

__all__ = ["GRID_DIR", "LICENCE", "as_csv", "at", "beside", "beside_explorer", "grid_csv", "rows", "sliders"]

LICENCE = (
    "The book's text and data descriptions: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). "
    "Numbers taken from the essays or outside sources remain their authors' and publishers' work."
)
GRID_DIR = "_explorers"  # the build's folder for explorers' specs and grids (bookbuild/lean.py), from the root


def _parts(spec: dict) -> list[tuple[str | None, list]]:
    """The tables a chart is drawn from, with their names: its named datasets (records, or CSV text) in
    the order its layers use them (whatever the order of the spec's keys), then its inline values (no name)."""
    datasets, used, inline = spec.get("datasets") or {}, [], []

    def walk(node):
        if isinstance(node, dict):
            data = node.get("data") if isinstance(node.get("data"), dict) else {}
            if isinstance(data.get("values"), list):
                inline.append((None, data["values"]))
            if data.get("name") in datasets and data["name"] not in used:
                used.append(data["name"])
            for key, value in node.items():
                if key not in ("data", "datasets"):
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    named = [(name, datasets[name]) for name in used + sorted(set(datasets) - set(used))]
    return [(n, list(csv.DictReader(io.StringIO(d))) if isinstance(d, str) else d) for n, d in named] + inline


def rows(spec: dict) -> list[dict]:
    """The rows a chart is drawn from, numbered by ``part`` when it has several tables (:func:`_parts`)."""
    found = [part for _, part in _parts(spec)]
    if len(found) == 1:
        return [r for r in found[0] if isinstance(r, dict)]
    return [{"part": i + 1, **r} for i, part in enumerate(found) for r in part if isinstance(r, dict)]


def _columns(table: list[dict]) -> list[str]:
    return list(dict.fromkeys(key for row in table for key in row))


def _cell(value) -> str:
    """A value's text as the page's loader writes it too (JavaScript's form of a number: 2, not 2.0)."""
    if value is None:
        return ""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def as_csv(table: list[dict], description: str) -> str:
    """The rows as CSV, after ``#`` lines giving the chart's title and source, and the licences."""
    out = io.StringIO()
    out.write(f"# {description}\n# {LICENCE}\n")
    columns = _columns(table)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_cell(row.get(c)) for c in columns] for row in table)
    return out.getvalue()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "chart"


def _table(table: list[dict], columns: list[str], caption: str, title: str) -> str:
    """A captioned table of the rows in a region that scrolls (and takes focus) on a phone."""
    head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(row.get(c)))}</td>" for c in columns) + "</tr>" for row in table
    )
    name = html.escape(title or "chart", quote=True)
    return (
        f'<div class="chart-data-rows" tabindex="0" role="region" aria-label="Data of the chart: {name}">'
        f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _details(chart_id: str, inside: str, parts: str = "") -> str:
    return (
        f'<details class="chart-data" id="{chart_id}-data"{parts}><summary>Data of this chart: table and CSV</summary>'
        f"{inside}</details>"
    )


def beside(spec: dict, chart_id: str, title: str) -> str:
    """The folded table view and CSV download to put after a chart's drawing ("" when it has no rows)."""
    table = rows(spec)
    if not table:
        return ""
    description = spec.get("description") or title
    caption = f"The {len(table)} rows the chart draws: {html.escape(title or 'chart')}"
    link = "data:text/csv;charset=utf-8," + urllib.parse.quote(as_csv(table, description))
    return _details(
        chart_id,
        _table(table, _columns(table), caption, title)
        + f'<p><a download="{_slug(title)}.csv" href="{html.escape(link, quote=True)}">Download the rows as CSV</a> '
        "(its first lines give the source and the licences).</p>",
    )


def sliders(spec: dict) -> list[tuple[str, str, float, float]]:
    """An explorer's sliders: (param, label, opening value, step) of each param bound to a range input."""
    return [
        (p["name"], p["bind"].get("name", p["name"]).strip(), p["value"], p["bind"]["step"])
        for p in spec.get("params", [])
        if isinstance(p.get("bind"), dict) and p["bind"].get("input") == "range"
    ]


def at(table: list[dict], settings: list[tuple[str, str, float, float]]) -> list[dict]:
    """The rows of an explorer's grid drawn at the sliders' ``settings`` (as its filter picks them; a row
    without a slider's column, of another layer, is drawn at every setting)."""
    return [
        r
        for r in table
        if all(r.get(name) in (None, "") or abs(float(r[name]) - value) < step / 2 for name, _, value, step in settings)
    ]


def _as_carried(spec: dict) -> dict:
    """The spec as the page carries it (keys sorted, widgets/charts.py), so that the table built here and
    the CSV the build writes from the page's copy give a grid's columns in one order."""
    return json.loads(json.dumps(spec, sort_keys=True))


def grid_csv(spec: dict) -> str:
    """Every row of an explorer's grid (all slider settings) as CSV, with the source and licence lines."""
    return as_csv(rows(_as_carried(spec)), spec.get("description") or "An explorer's grid")


def beside_explorer(spec: dict, chart_id: str, title: str) -> str:
    """An explorer's folded data view: the rows drawn at the sliders' opening setting, which the page's
    loader refills as they move (the count and setting in the caption's spans too), and a link to the
    whole grid as CSV (written by the build at ``GRID_DIR/<chart id>.csv``). The loader reads the rows of
    the datasets named in ``data-parts``. A chart whose sliders pick no column of its rows, or with a
    table of no name, gets a static chart's view instead (:func:`beside`)."""
    spec = _as_carried(spec)
    table, names = rows(spec), [name for name, _ in _parts(spec)]
    settings = [s for s in sliders(spec) if s[0] in _columns(table)]
    if not settings or None in names:
        return beside(spec, chart_id, title)
    shown = at(table, settings)
    where = ", ".join(f"{label} {_cell(value)}" for _, label, value, _ in settings)
    caption = (
        f'The <span class="chart-data-count">{len(shown)}</span> rows the chart draws at '
        f'<span class="chart-data-at">{html.escape(where)}</span>: {html.escape(title or "chart")}'
    )
    return _details(
        chart_id,
        _table(shown, _columns(table), caption, title)
        + f"<p>The table follows the sliders. The CSV holds the whole grid the explorer draws from, all "
        f'{len(table)} rows (every slider setting): <a download="{_slug(title)}.csv" '
        f'href="{GRID_DIR}/{chart_id}.csv">Download the grid as CSV</a> '
        "(its first lines give the source and the licences).</p>",
        f' data-parts="{html.escape(" ".join(names), quote=True)}"',
    )
