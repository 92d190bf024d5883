"""Every static chart's data one click away: its rows as a table a screen reader can read, and as CSV.

:func:`widgets.charts.offline_html` puts :func:`beside` under each chart it draws at build time: a
folded ``<details>`` ("Data of this chart") holding a captioned table of the rows the chart is drawn
from (the Vega-Lite spec's own data, before its transforms) and a link that downloads the same rows
as CSV, whose first lines (``#``) give the chart's title, its source and the licences. The CSV is a
``data:`` link, so it works offline and from ``file://``; the table and link are not printed.
"""

import csv
import html
import io
import re
import urllib.parse

LICENCE = (
    "The book's text and data descriptions: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). "
    "Numbers taken from the essays or outside sources remain their authors' and publishers' work."
)


def rows(spec: dict) -> list[dict]:
    """The rows a chart is drawn from: its named datasets (records, or CSV text) and inline values."""
    found = [
        list(csv.DictReader(io.StringIO(data))) if isinstance(data, str) else data
        for data in (spec.get("datasets") or {}).values()
    ]

    def walk(node):
        if isinstance(node, dict):
            values = (node.get("data") or {}).get("values") if isinstance(node.get("data"), dict) else None
            if isinstance(values, list):
                found.append(values)
            for key, value in node.items():
                if key not in ("data", "datasets"):
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    if len(found) == 1:
        return [r for r in found[0] if isinstance(r, dict)]
    return [{"part": i + 1, **r} for i, part in enumerate(found) for r in part if isinstance(r, dict)]


def _columns(table: list[dict]) -> list[str]:
    return list(dict.fromkeys(key for row in table for key in row))


def _cell(value) -> str:
    return "" if value is None else str(value)


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


def beside(spec: dict, chart_id: str, title: str) -> str:
    """The folded table view and CSV download to put after a chart's drawing ("" when it has no rows)."""
    table = rows(spec)
    if not table:
        return ""
    columns = _columns(table)
    description = spec.get("description") or title
    head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(row.get(c)))}</td>" for c in columns) + "</tr>" for row in table
    )
    name = html.escape(title or "chart", quote=True)
    link = "data:text/csv;charset=utf-8," + urllib.parse.quote(as_csv(table, description))
    return (
        f'<details class="chart-data" id="{chart_id}-data"><summary>Data of this chart: table and CSV</summary>'
        f'<div class="chart-data-rows" tabindex="0" role="region" aria-label="Data of the chart: {name}">'
        f"<table><caption>The {len(table)} rows the chart draws: {html.escape(title or 'chart')}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
        f'<p><a download="{_slug(title)}.csv" href="{html.escape(link, quote=True)}">Download the rows as CSV</a> '
        "(its first lines give the source and the licences).</p></details>"
    )
