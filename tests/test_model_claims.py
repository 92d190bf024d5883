"""The standard for model claims (CONTRIBUTING.md), checked in every chapter's markdown.

1. A model result is not presented as what the world or an essay shows: no "the model shows
   why", "the model proves", "this proves".
2. A model's inputs are never said to be reproduced by it: no sentence speaks of a model or a
   calibration and of reproducing, recovering or confirming in the same breath.
3. Every headline number a model prints says it is illustrative: each bullet of a chapter's
   "Key numbers" list that names a model says "illustrative" (or "input" for a calibration target).
"""

import json
import re

import pytest
from conftest import CHAPTERS
from test_own_words import prose as visible

OVERCLAIMS = re.compile(r"\b(the model (shows why|proves)|this proves|the model confirms)\b", re.I)
REPRODUCED = re.compile(r"\b(reproduc\w*|recover\w*|confirm\w*)\b", re.I)
MODEL = re.compile(r"\b(model\w*|calibrat\w*)\b", re.I)
# (test, chapter) pairs still waiting for their rewrite (seven before issue 16, none after). The list can only shrink: a pair
# that passes must be removed from it.
KNOWN: set[tuple[str, str]] = set()


def check(kind, path, found, message):
    """Fail on ``found`` unless (kind, chapter) is a known case, and fail a known case that now passes."""
    if (kind, path.name) in KNOWN:
        assert found, f"{path.name} now passes the {kind!r} check: remove it from KNOWN"
    else:
        assert not found, f"{path.name}: {message}: {found}"


def prose(path):
    """A chapter's markdown as a reader sees it, without code, maths or quotations (see test_own_words)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n\n".join(visible("".join(c["source"])) for c in cells if c["cell_type"] == "markdown")


def sentences(text):
    return [s.strip() for s in re.split(r"(?<=[.!?:])\s+|\n\s*\n", text) if s.strip()]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_no_model_result_is_presented_as_a_finding(path):
    found = [s for s in sentences(prose(path)) if OVERCLAIMS.search(s)]
    check("finding", path, found, "model results stated as findings")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_no_model_is_said_to_reproduce_its_inputs(path):
    found = [s for s in sentences(prose(path)) if REPRODUCED.search(s) and MODEL.search(s)]
    check("reproduce", path, found, "a model or calibration said to reproduce")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_model_number_in_key_numbers_says_it_is_illustrative(path):
    text = prose(path)
    match = re.search(r"^## Key numbers\n(.*?)(?=^## )", text, re.S | re.M)
    bullets = re.split(r"\n(?=- )", match.group(1)) if match else []
    bare = [b for b in bullets if MODEL.search(b) and not re.search(r"illustrative|input", b, re.I)]
    check("illustrative", path, bare, "key numbers from a model not marked illustrative")


def test_the_checks_catch_an_overclaim():
    assert OVERCLAIMS.search("and the model shows why neither end is enough")
    sentence = "The model's default run reproduces that figure."
    assert REPRODUCED.search(sentence) and MODEL.search(sentence)
