"""Concept diagrams (the essays' Figures 1-3 redrawn) as plain HTML and CSS: text a screen reader
reads, no script, and nothing to load. Styles are in ``_static/book.css`` (classes ``diagram-*``).
"""

from html import escape

from IPython.display import HTML


def _box(text: str, kind: str = "") -> str:
    return f'<div class="diagram-box {kind}">{escape(text)}</div>'


def stages(title: str, columns: dict[str, list[str]], links: list[str] | None = None) -> HTML:
    """Parallel columns of numbered stages (e.g. sending and receiving side), with optional labels
    for what joins stage k to stage k+1 across both columns (Figure 1's middle band)."""
    names = list(columns)
    depth = max(len(v) for v in columns.values())
    rows = []
    for k in range(depth):
        cells = "".join(_box(f"{k + 1}. {columns[n][k]}" if k < len(columns[n]) else "") for n in names)
        rows.append(f'<div class="diagram-row" style="grid-template-columns: repeat({len(names)}, 1fr)">{cells}</div>')
        if links and k < len(links):
            rows.append(f'<div class="diagram-link">&darr; {escape(links[k])} &darr;</div>')
    head = "".join(f'<div class="diagram-head">{escape(n)}</div>' for n in names)
    return HTML(
        f'<figure class="diagram" role="group" aria-label="{escape(title)}">'
        f"<figcaption>{escape(title)}</figcaption>"
        f'<div class="diagram-row" style="grid-template-columns: repeat({len(names)}, 1fr)">{head}</div>'
        + "".join(rows)
        + "</figure>"
    )


def chain(title: str, steps: list[str | list[str]], note: str = "") -> HTML:
    """A top-to-bottom causal chain; a step given as a list is drawn as boxes side by side that feed the next step."""
    parts = []
    for i, step in enumerate(steps):
        group = step if isinstance(step, list) else [step]
        boxes = "".join(_box(s) for s in group)
        parts.append(f'<div class="diagram-row" style="grid-template-columns: repeat({len(group)}, 1fr)">{boxes}</div>')
        if i < len(steps) - 1:
            parts.append('<div class="diagram-arrow" aria-hidden="true">&darr;</div>')
    foot = f'<p class="diagram-note">{escape(note)}</p>' if note else ""
    return HTML(
        f'<figure class="diagram" role="group" aria-label="{escape(title)}">'
        f"<figcaption>{escape(title)}</figcaption>{''.join(parts)}{foot}</figure>"
    )
