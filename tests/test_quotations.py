"""Every quotation is exact: a phrase the book puts in double quotation marks stands in an essay as quoted.

The book quotes the essays' own words only where the phrase is what is taught (CONTRIBUTING.md).
This test reads everything a reader sees (the chapters' and reference pages' markdown, the
glossary, the guide, the introduction, and the models' docstrings, from which the reference page
is built) and takes every phrase in double quotation marks ("..." or “...”). Code, inline code
and maths are left out; a role such as ``{term}`text <target>``` counts as its text.

Each phrase must stand in Portes's or Sassen's essay after light normalisation: whitespace, dashes
(a hyphen joins words, so "low-wage" matches Sassen's "lowwage"), quotation marks and case, plus
the book's British spellings mapped to the essays' American ones (house style, not a change of
words). An ellipsis ("..." or "…") marks a cut: the pieces must stand in the essay in order.

A quoted phrase that is not the essays' words (another author's, a work's title, the book's own
label for a preset or a hypothetical question) is listed in ``NOT_THE_ESSAYS`` with whose words
they are; a title listed there must begin a title in ``references.bib``, as published. An entry
that no longer occurs in the book fails too, so the list cannot go stale.

Run ``python tests/test_quotations.py`` to print every quoted phrase not found in an essay.
"""

import ast
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_own_words import SEED_FILES, SPELLING, seeds_folder  # noqa: E402

# Quoted phrases that are not the essays' words, and whose words they are. ("title" entries are
# checked against references.bib.)
NOT_THE_ESSAYS = {
    # Another author's words, quoted as theirs.
    "not all kids are doing 'all right'": "Haller, Portes and Lynch (2011), reply in Social Forces",
    # Labels of the book's own: presets, sections, data values, headings.
    "who went first?": "the book's question",
    "what the new economics leaves open": "a section title of the book",
    "no ceiling, always paid": "the book's model assumption",
    "half renewals": "the book's shorthand for the essay's 'approximately half were renewals'",
    "change in net probability": "Portes's Table 2, footnote 5 ('net probability'), the book's paraphrase",
    "must leave": "the book's paraphrase of a common reading",
    "india-like": "a preset of the book's model",
    "mexico after nafta": "a preset of the book's model",
    "less recognised": "the book's name for Portes's third group of claims",
    "more than triples": "the book's corrected wording",
    "in an international perspective": "the book's paraphrase of Sassen's section heading",
    "britain": "the book's word, beside Sassen's 'England'",
    "poverty alone": "the book's name for a model setting",
    "bridges only": "the book's name for a model setting",
    "no local multiplier": "the book's name for a model setting",
    "unauthorised labour migrants, hostile context": "a preset of the book's model",
    "find the return rate below which the village shrinks": "an exercise, quoted in the guide",
    "right form ...; its value is checked when your work is graded": "the grader's message",
    "not yet: give a pair (...)": "the grader's message",
    "none stated": "a value of the book's data",
    "backwardness": "the book's word",
    "immigrant import": "the book's name for an explanation Sassen argues against",
    "role of time": "a row a student adds",
    "since the essays": "the book's chapter title",
    "which of the four counter-points does this objection restate?": "an exercise, quoted in the guide",
    "compute the ratio from table 3": "an exercise, quoted in the guide",
    "weigh the evidence": "the book's exercise title",
    "adjustment programme": "Ramos, quoted by Portes ('adjustment programs'), paraphrased in the guide",
    "institutional capacity": "the book's name for a model parameter",
    "reduce migration pressure": "a policy phrase the guide asks students to weigh",
    "each to within 0.01": "the grader's message",
    "migrants are wanted": "the book's summary of both essays, put as a claim to weigh",
    "raises the probability by 229 percent": "a misreading an exercise asks students to correct",
    "every year thousands of poor filipinos seek a better life in japan.": "the book's example sentence",
    (
        "japanese firms, aid agencies and exporters have integrated the philippines into a regional labour market, "
        "and filipino workers now move along the channels that japanese capital opened."
    ): "the book's rewriting of its example sentence",
    # the since-chapters (13, 22, 32, 42) and the reference pages
    "educational attainment peaks in the second generation": "a finding a student is asked to weigh (ch. 32)",
    "mostly alright": "Alba, Kasinitz and Waters (2011), from their title",
    "for each succeeding year": "the H-1B statute as the sources give it (ch. 22)",
    "how many h-1b workers are there?": "the book's question",
    "how many new foreign professionals does the programme admit each year?": "the book's question",
    "peak": "the book's word",
    "a limit": "an answer option of an exercise",
    "refutation": "an answer option of an exercise",
    "cap-season petitions received": "a value of the book's data (ch. 22)",
    "enforcement kept them in": "a hypothesis the book states (ch. 13)",
    "the recession kept them out": "a hypothesis the book states (ch. 13)",
    "unique beneficiaries registered": "a value of the book's data (ch. 22)",
    "beneficiaries selected": "a value of the book's data (ch. 22)",
    "2024e": "the World Bank's mark for an estimate (data limits)",
    "i lean towards the settlement claim, because the records of 2021-2024 can be explained by prices and by the "
    "move to recorded channels. i would change my mind if a survey of the same mexican households in the us, "
    "followed from before to after their children joined them, showed that their transfers did not fall.": (
        "a sample answer of an exercise (ch. 13)"
    ),
}
TITLES = {  # phrases quoted as titles of works, and the bibkey whose title they must begin
    "The Kids Are (Mostly) Alright": "alba2011",
}

QUOTED = re.compile(r"(?<![=\w])\"([^\"]{1,400}?)\"|“([^”]{1,400}?)”", re.S)  # not an HTML attribute's value
ROLE = re.compile(r"\{[\w:-]+\}`([^`<]*?)(?:\s*<[^>`]*>)?`")
FENCE = re.compile(r"^\s*(`{3,})(.*?)\s*$")
ELLIPSIS = re.compile(r"\.\.\.|…")


def normalise(text: str) -> str:
    """Lower case; one kind of quotation mark; hyphens join words; other dashes and whitespace are one space."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"(\w)-\s*(\w)", r"\1\2", text)  # low-wage, low-\nwage -> lowwage (Sassen's seed drops them)
    text = re.sub(r"[\u2010-\u2015-]+", " ", text)
    for british, american in SPELLING:
        text = text.replace(british, american)
    return re.sub(r"\s+", " ", text).strip()


def key(phrase: str) -> str:
    """A phrase as compared: normalised, without the punctuation that ends a clause."""
    return normalise(phrase).strip(" .,;:")


def essays() -> list[str] | None:
    """The two essays' text, normalised; None when the seeds are not beside the checkout."""
    folder = seeds_folder()
    return None if folder is None else [normalise((folder / name).read_text()) for name in SEED_FILES]


def without_code(lines: list[str]) -> list[str]:
    """The lines outside code blocks, without fence lines: a directive's fence (```{exercise}) is kept
    open until a bare fence of as many backticks closes it; any other fence opens a code block."""
    kept, directives, code = [], [], None
    for line in lines:
        fence = FENCE.match(line)
        if code is not None:
            if fence and fence.group(1) == code and not fence.group(2):
                code = None
        elif not fence:
            kept.append(line)
        elif fence.group(2).startswith("{"):
            directives.append(fence.group(1))
        elif not fence.group(2) and directives and directives[-1] == fence.group(1):
            directives.pop()
        else:
            code = fence.group(1)
    return kept


def prose(markdown: str) -> str:
    """What a reader reads as prose: no code blocks, inline code or maths; roles reduced to their text."""
    markdown = "\n".join(without_code(markdown.split("\n")))
    markdown = ROLE.sub(r"\1", markdown)
    markdown = re.sub(r"`[^`]*`", " ", markdown)
    markdown = re.sub(r"\$\$.*?\$\$|\$[^$\n]+\$", " ", markdown, flags=re.S)
    return markdown


def pages() -> list[tuple[str, str]]:
    """Each text the book shows a reader, with where it comes from."""
    found = []
    for notebook in sorted((ROOT / "chapters").glob("*.ipynb")) + sorted((ROOT / "reference").glob("*.ipynb")):
        cells = nbformat.read(notebook, as_version=4).cells
        found += [(f"{notebook.name} cell {i}", c.source) for i, c in enumerate(cells) if c.cell_type == "markdown"]
    for page in sorted(ROOT.glob("glossary/*.md")) + sorted(ROOT.glob("guide/*.md")) + sorted(ROOT.glob("*.md")):
        if page.name not in ("README.md", "CONTRIBUTING.md", "LICENSE.md"):
            found.append((str(page.relative_to(ROOT)), page.read_text()))
    for page in sorted(ROOT.glob("reference/*.md")):
        found.append((str(page.relative_to(ROOT)), page.read_text()))
    for module in sorted((ROOT / "widgets" / "models").glob("*.py")):
        tree = ast.parse(module.read_text())
        for node in [tree, *ast.walk(tree)]:
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and ast.get_docstring(node):
                found.append((f"{module.name} {getattr(node, 'name', 'module')}", ast.get_docstring(node)))
    return found


def quotations() -> list[tuple[str, str]]:
    """Every phrase in double quotation marks in the book's prose, with where it stands."""
    found = []
    for where, text in pages():
        for paragraph in re.split(r"\n\s*\n", prose(text)):
            for match in QUOTED.finditer(paragraph):
                phrase = re.sub(r"\s+", " ", match.group(1) or match.group(2)).strip()
                if phrase:
                    found.append((where, phrase))
    return found


def in_essay(phrase: str, texts: list[str]) -> bool:
    """True when the phrase stands in one essay (the pieces around an ellipsis, in order)."""
    pieces = [normalise(piece).strip(" .,;:") for piece in ELLIPSIS.split(phrase)]
    pieces = [piece for piece in pieces if piece]
    for text in texts:
        start = 0
        for piece in pieces:
            start = text.find(piece, start)
            if start < 0:
                break
            start += len(piece)
        else:
            return True
    return False


def not_found() -> list[tuple[str, str]]:
    """The quoted phrases that stand in neither essay and are not listed as another's words."""
    texts = essays()
    return [
        (where, phrase)
        for where, phrase in quotations()
        if not in_essay(phrase, texts) and key(phrase) not in {key(listed) for listed in [*NOT_THE_ESSAYS, *TITLES]}
    ]


needs_seeds = pytest.mark.skipif(essays() is None, reason="the essays' text (shared/seeds) is not beside the checkout")


def test_normalising():
    """Dashes, quotation marks, case and spelling are normalised; words are not."""
    assert normalise("Low-wage  “labour”") == normalise('lowwage "labor"')
    assert normalise("globalisation from below") == "globalization from below"
    assert normalise("come because they are wanted") != normalise("come not only because they want to")


def test_quotations_are_found():
    """The extraction finds the book's quotations, from roles too, and leaves code out."""
    phrases = {phrase for _, phrase in quotations()}
    assert "rapid deployment force" in phrases
    assert "migration industry" in phrases  # written as "{term}`migration industry`"
    assert "portes_table3_census2000" not in phrases  # inside code


@needs_seeds
def test_a_shortened_quotation_fails():
    """A phrase cut without an ellipsis is not found; with one, it is."""
    texts = essays()
    assert not in_essay("come because they are wanted", texts)
    assert in_essay("come not only because they want to but because they are wanted", texts)
    assert in_essay("come not only because they want to ... they are wanted", texts)


@needs_seeds
def test_every_quotation_stands_in_an_essay():
    """Every quoted phrase is the essays' words as printed, or listed as someone else's."""
    missing = not_found()
    assert not missing, "\n".join(f"{where}: {phrase!r}" for where, phrase in missing)


def test_the_list_of_other_words_is_current():
    """Every entry of NOT_THE_ESSAYS still stands, quoted, in the book."""
    quoted = {key(phrase) for _, phrase in quotations()}
    stale = [phrase for phrase in NOT_THE_ESSAYS if key(phrase) not in quoted]
    assert not stale, stale


def test_titles_are_quoted_as_published():
    """A work's title the book quotes begins that work's title in references.bib, and stands in the book."""
    bib = (ROOT / "references.bib").read_text()
    text = " ".join(source for _, source in pages())
    for title, key in TITLES.items():
        entry = re.search(r"@\w+\{" + re.escape(key) + r",.*?\btitle\s*=\s*\{(.*?)\},\n", bib, re.S)
        assert entry, key
        assert entry.group(1).replace("{", "").replace("}", "").startswith(title), (key, title)
        assert title in text, title


if __name__ == "__main__":
    for where, phrase in not_found():
        print(f"{where}: {phrase!r}")
