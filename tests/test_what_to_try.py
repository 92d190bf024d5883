"""Every value a chapter's "What to try" names for a slider is a position that slider can take.

Reads the built book: each explorer's compiled spec (``_build/html/_explorers/*.js``, written by
``bookbuild.lean``) gives its sliders (label, min, max, step); the "What to try" paragraph before the
explorer (a reader reads what to try, then tries it) gives the values. A value belongs to a slider when it follows the slider's label (its
name without the unit, any case) in the same clause: up to the next colon, semicolon, comma or end
of sentence ("set the *network effect* to 0.8", "*family migration* from 0 to 1", "family migration
at 0.6"); "it" stands for the label mentioned last ("raise it to 0.8").
"""

import html
import re

import pytest
from conftest import HTML

from bookbuild import lean

EXPLORER = re.compile(r'<div class="vega-chart vega-explorer" id="(vg-[0-9a-f]+)"[^>]* data-spec="([^"]+)"')
TRY = re.compile(r"<strong>What to try[^<]*</strong>(.*?)</p>", re.S)
NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w.]*\d)")
CLAUSE_END = re.compile(r"[:;,]|\.(?:\s|$)")
PAGES = sorted(HTML.glob("chapters/*.html"))


def sliders(spec: dict) -> dict[str, dict]:
    """label (lower case, unit dropped) -> the slider's range, from a compiled Vega spec's bound signals."""
    out = {}
    for signal in spec.get("signals", []):
        bind = signal.get("bind") or {}
        if bind.get("input") == "range":
            label = re.sub(r"\s*\([^)]*\)\s*$", "", (bind.get("name") or signal["name"]).strip()).lower()
            out[label] = {"min": bind["min"], "max": bind["max"], "step": bind["step"], "name": signal["name"]}
    return out


def reachable(value: float, s: dict) -> bool:
    k = (value - s["min"]) / s["step"]
    return s["min"] - 1e-9 <= value <= s["max"] + 1e-9 and abs(k - round(k)) < 1e-6


def named_values(text: str, labels) -> list[tuple[str, float]]:
    """(label, value) for every number in the clause after each mention of a label, or of "it" after one."""
    text = html.unescape(re.sub(r"<[^>]+>", "", text)).replace("\n", " ")
    names = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    found, last = [], None
    for m in re.finditer(rf"({names})|\b(it)\b", text, re.I) if names else []:
        label = m.group(1).lower() if m.group(1) else last
        last = label
        if label is None:
            continue
        rest = text[m.end() :]
        end = CLAUSE_END.search(rest)
        clause = rest[: end.start()] if end else rest
        found += [(label, float(v)) for v in NUMBER.findall(clause)]
    return found


def cases():
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        explorers = list(EXPLORER.finditer(text))
        for i, m in enumerate(explorers):
            begin = explorers[i - 1].end() if i else 0
            advice = ([None] + list(TRY.finditer(text, begin, m.start())))[-1]  # the last one before the explorer
            if advice:
                yield pytest.param(page, m.group(2), advice.group(1), id=f"{page.stem}-{m.group(1)}")


CASES = list(cases())


def test_the_check_finds_what_to_try_paragraphs():
    assert PAGES, f"no built chapters in {HTML}: build the book first"
    assert len(CASES) >= 10, f"only {len(CASES)} explorers with a 'What to try' paragraph before them were found"


@pytest.mark.parametrize("page, spec_path, advice", CASES)
def test_named_values_are_slider_positions(page, spec_path, advice):
    spec = lean.read_spec(page.parent / spec_path)
    by_label = sliders(spec)
    missing = [
        f"'{label}' = {value:g} (slider {s['min']:g} to {s['max']:g} in steps of {s['step']:g})"
        for label, value in named_values(advice, by_label)
        if not reachable(value, s := by_label[label])
    ]
    assert not missing, f"{page.name}: 'What to try' names values its sliders cannot reach: {missing}"


def test_the_check_can_fail():
    slider = {"family migration": {"min": 0.1, "max": 0.9, "step": 0.15, "name": "family_share"}}
    values = named_values("Move <em>family migration</em> from 0 to 1: fewer people stay", slider)
    assert values == [("family migration", 0.0), ("family migration", 1.0)]
    assert not any(reachable(v, slider[label]) for label, v in values)
    text = "Set the <em>network effect</em> to 0: slow. Raise it to 0.8, then wait"
    assert named_values(text, {"network effect": {}}) == [("network effect", 0.0), ("network effect", 0.8)]
