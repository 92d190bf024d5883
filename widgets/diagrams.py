"""Concept diagrams (the essays' Figures 1-3 redrawn) as plain HTML and CSS: text a screen reader
reads, no script, and nothing to load. Styles are in ``_static/book.css`` (classes ``diagram-*``).
A diagram's words are written in the chapter that draws it, not here.
"""

from html import escape

from IPython.display import HTML

__all__ = ["stages", "chain"]


def _box(text: str, kind: str = "") -> str:
    return f'<div class="{" ".join(["diagram-box", kind]).strip()}">{escape(text)}</div>'


def _row(cells: list[str], widths: str) -> str:
    return f'<div class="diagram-row" style="grid-template-columns: {widths}">{"".join(cells)}</div>'


def _heads(heads: list[str], widths: str) -> str:
    return _row([f'<div class="diagram-head">{escape(h)}</div>' for h in heads], widths)


def _figure(title: str, body: str) -> HTML:
    return HTML(f'<figure class="diagram"><figcaption>{escape(title)}</figcaption>{body}</figure>')


def stages(title: str, columns: dict[str, list[str]], links: list[str] | None = None, band: str | None = None) -> HTML:
    """Parallel columns of numbered stages (e.g. sending and receiving side).

    ``links`` label what joins stage k to stage k+1 across all columns; ``band`` names a column
    drawn as a narrow band between its neighbours, without boxes and with a two-way arrow
    (Figure 1's middle column, the stage that joins both sides).
    """
    names = list(columns)
    if band is not None and band not in names:
        raise ValueError(f"band {band!r} is not one of the columns {names}")
    widths = " ".join("0.62fr" if n == band else "1fr" for n in names)
    rows = [_heads(names, widths)]
    for k in range(max(len(v) for v in columns.values())):
        cells = []
        for n in names:
            text = f"{k + 1}. {columns[n][k]}" if k < len(columns[n]) else ""
            if n == band and text:
                cells.append(
                    f'<div class="diagram-box diagram-band"><span aria-hidden="true">&larr; &rarr;</span><br>'
                    f"{escape(text)}</div>"
                )
            else:
                cells.append(_box(text))
        rows.append(_row(cells, widths))
        if links and k < len(links):
            rows.append(f'<div class="diagram-link">&darr; {escape(links[k])} &darr;</div>')
    return _figure(title, "".join(rows))


def chain(title: str, steps: list[str | list[str]], note: str = "", heads: list[str] | None = None) -> HTML:
    """A top-to-bottom causal chain; a step given as a list is drawn as boxes side by side that feed
    the next step. ``heads`` labels those side-by-side columns (e.g. sending and receiving side)."""
    parts = [_heads(heads, f"repeat({len(heads)}, 1fr)")] if heads else []
    for i, step in enumerate(steps):
        group = step if isinstance(step, list) else [step]
        parts.append(_row([_box(s) for s in group], f"repeat({len(group)}, 1fr)"))
        if i < len(steps) - 1:
            parts.append('<div class="diagram-arrow" aria-hidden="true">&darr;</div>')
    if note:
        parts.append(f'<p class="diagram-note">{escape(note)}</p>')
    return _figure(title, "".join(parts))
