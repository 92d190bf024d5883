"""Readable tables: any data resource as a styled table with labelled columns, source and notes."""
import json

import pandas as pd

from . import data


def _labels(name: str) -> dict:
    """Column headers taken from the schema's descriptions, so a label is written once."""
    fields = data.schema(name)["fields"]
    return {f["name"]: f["description"][0].upper() + f["description"][1:] for f in fields}


def show(name: str, columns: list[str] | None = None, rows=None) -> "pd.io.formats.style.Styler":
    """A styled table of resource ``name``: headers from the schema, blanks shown as a dash, source as caption.

    ``columns`` picks and orders columns; ``rows`` is an optional boolean mask or callable filtering rows.
    """
    frame = data.load(name)
    if rows is not None:
        frame = frame[rows(frame) if callable(rows) else rows]
    if columns is not None:
        frame = frame[columns]
    caption = data.source(name)
    notes = data.notes(name)
    if notes:
        caption += " Notes: " + " ".join(notes)
    labels = _labels(name)
    plain = [c for c in frame.select_dtypes("number").columns if c == "year" or c.endswith(("_line", "rank"))]
    numeric = [c for c in frame.select_dtypes("number").columns if c not in plain]
    styler = (
        frame.rename(columns=labels)
        .style.hide(axis="index")
        .format(na_rep="–", thousands=",", precision=1, subset=[labels[c] for c in numeric])
        .format(na_rep="–", subset=[labels[c] for c in plain])
        .set_caption(caption)
        .set_uuid(name)
        .set_table_attributes('class="data-table"')
        .set_table_styles([
            {"selector": "caption", "props": "caption-side: bottom; text-align: left; font-size: 0.85em; color: #444;"},
            {"selector": "th", "props": "text-align: left; vertical-align: bottom;"},
            {"selector": "td", "props": "padding: 2px 10px;"},
        ])
    )
    return styler
