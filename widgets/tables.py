"""Readable tables: a data resource, or any computed frame, as a styled table with a caption.

:func:`styled` is the book's one table look (caption below the table, left-aligned headers, stable
ids); :func:`show` applies it to a resource of ``data/`` with headers, source and notes from the
data package. :func:`as_text` and :func:`wrapped` print frames and sentences for checked cells.

>>> print(as_text(pd.DataFrame({"share": [0.25, 0.5]}), decimals=2))
   share
0   0.25
1   0.50
"""

from __future__ import annotations

import hashlib
import textwrap

import pandas as pd

from . import data

__all__ = ["styled", "show", "as_text", "wrapped"]

CAPTION = "caption-side: bottom; text-align: left; font-size: 0.85em; color: #444;"
PHONE_CHARS = 40  # characters a table's widest row may span (headers included) and still fit a phone's column


def _too_wide(frame: pd.DataFrame) -> bool:
    """True when a table would not fit a phone's column (:data:`PHONE_CHARS`) at a comfortable width:
    each column as wide as its longest value (wrapped text counted at most 16 characters), and never
    narrower than its longest word.

    >>> small = pd.DataFrame({"year": [1990], "cap": [65000]})
    >>> text = pd.DataFrame({"term": ["Remittances"], "meaning": ["money migrants send home " * 4]})
    >>> _too_wide(small), _too_wide(text), _too_wide(pd.concat([small, text], axis=1))
    (False, False, True)
    """

    def words(column) -> int:
        return max(len(w) for text in [column, *frame[column]] for w in str(text).split() or [""])

    def comfortable(column) -> int:
        return max(words(column), min(16, max(len(str(v)) for v in frame[column])) if len(frame) else 0)

    return sum(comfortable(c) + 2 for c in frame.columns) > PHONE_CHARS


def _css_string(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def styled(
    frame: pd.DataFrame, caption: str, uuid: str, precision: int = 1, right: list[str] = ()
) -> pd.io.formats.style.Styler:
    """``frame`` as a book table: no index, numbers to ``precision`` decimals, blanks as a dash,
    ``caption`` below, ids fixed by ``uuid`` (unique on its page), and the ``right`` columns right-aligned.

    A table too wide for a phone gets the class ``stacked``: on a narrow screen (``_static/book.css``)
    each row shows as a card, one line per column, labelled by its header (the ``--label`` of its cells).
    """
    wide = _too_wide(frame)
    labels = [{"selector": f"td.col{i}", "props": [("--label", _css_string(c))]} for i, c in enumerate(frame.columns)]
    return (
        frame.style.hide(axis="index")
        .format(precision=precision, na_rep="–")
        .set_caption(caption)
        .set_uuid(uuid)
        .set_table_attributes('class="data-table stacked"' if wide else 'class="data-table"')
        .set_table_styles(
            [
                {"selector": "caption", "props": CAPTION},
                {"selector": "th", "props": "text-align: left; vertical-align: bottom; padding: 2px 10px;"},
                {"selector": "td", "props": "padding: 2px 10px; vertical-align: top;"},
                *[
                    {"selector": f"td.col{i}", "props": "text-align: right;"}
                    for i, c in enumerate(frame.columns)
                    if c in right
                ],
                *(labels if wide else []),
            ]
        )
    )


def _labels(name: str) -> dict:
    """Column headers taken from the schema's descriptions, so a label is written once."""
    fields = data.schema(name)["fields"]
    return {f["name"]: f["description"][0].upper() + f["description"][1:] for f in fields}


def _as_printed(text: str) -> str:
    """A number as the source prints it: its own decimals, thousands separated, a dash for a blank.

    >>> _as_printed("197537"), _as_printed("25.7"), _as_printed("")
    ('197,537', '25.7', '–')
    """
    if text == "":
        return "–"
    if text.lstrip("-").isdigit():
        return f"{int(text):,}"
    return text


def show(name: str, columns: list[str] | None = None, rows=None) -> pd.io.formats.style.Styler:
    """A styled table of resource ``name``: headers from the schema, numbers as printed, source as caption.

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
        caption += " The essay's footnotes, in its own words (lightly edited): " + " ".join(notes)
    labels = _labels(name)
    right = [labels[c] for c in frame.columns if c in numbers and c not in plain]
    uuid = name
    if columns is not None or rows is not None:  # a selection: its own ids, so a page can show both
        uuid += "_" + hashlib.sha1(repr((list(frame.columns), list(frame.index))).encode()).hexdigest()[:6]
    return styled(frame.rename(columns=labels), caption, uuid, right=right)


def as_text(frame: pd.DataFrame, decimals: int = 1) -> str:
    """A frame as fixed-width text with a fixed number of decimals, for checked (nbval) cells."""
    return frame.to_string(float_format=lambda v: f"{v:.{decimals}f}")


def wrapped(text: str, width: int = 80) -> str:
    """``text`` wrapped to ``width`` characters, for printed output that fits the page.

    >>> print(wrapped("one two three", width=8))
    one two
    three
    """
    return textwrap.fill(text, width)
