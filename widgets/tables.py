"""Readable tables: any data resource as a styled table with labelled columns, source and notes."""

import pandas as pd

from . import data


def _labels(name: str) -> dict:
    """Column headers taken from the schema's descriptions, so a label is written once."""
    fields = data.schema(name)["fields"]
    return {f["name"]: f["description"][0].upper() + f["description"][1:] for f in fields}


def _as_printed(text: str) -> str:
    """A number as the source prints it: its own decimals, thousands separated, a dash for a blank."""
    if text == "":
        return "–"
    if text.lstrip("-").isdigit():
        return f"{int(text):,}"
    return text


def show(name: str, columns: list[str] | None = None, rows=None) -> "pd.io.formats.style.Styler":
    """A styled table of resource ``name``: headers from the schema, blanks shown as a dash, source as caption.

    ``columns`` picks and orders columns; ``rows`` is an optional boolean mask or callable filtering rows.
    """
    frame = data.load(name)
    text = data.printed(name)
    numbers = frame.select_dtypes("number").columns
    plain = [c for c in numbers if c == "year" or c.endswith(("_line", "rank"))]
    for column in numbers:
        frame[column] = text[column] if column in plain else text[column].map(_as_printed)
    if rows is not None:
        frame = frame[rows(data.load(name)) if callable(rows) else rows]
    if columns is not None:
        frame = frame[columns]
    caption = data.source(name)
    notes = data.notes(name)
    if notes:
        caption += " Notes: " + " ".join(notes)
    styler = (
        frame.rename(columns=_labels(name))
        .style.hide(axis="index")
        .format(na_rep="–")
        .set_caption(caption)
        .set_uuid(name)
        .set_table_attributes('class="data-table"')
        .set_table_styles(
            [
                {
                    "selector": "caption",
                    "props": "caption-side: bottom; text-align: left; font-size: 0.85em; color: #444;",
                },
                {"selector": "th", "props": "text-align: left; vertical-align: bottom;"},
                {"selector": "td", "props": "padding: 2px 10px;"},
                *[
                    {"selector": f"td.col{i}", "props": "text-align: right;"}
                    for i, c in enumerate(frame.columns)
                    if c in numbers and c not in plain
                ],
            ]
        )
    )
    return styler
