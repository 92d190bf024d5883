"""bookbuild.glossary on a two-page Sphinx project: the glossary A to Z with letters, a term's definition in place."""

import re
from pathlib import Path

import pytest
from sphinx.application import Sphinx

from bookbuild import glossary

GLOSSARY = """\
Glossary
========

Intro.

.. glossary::

   Zeta rule
     The last letter {cite}.

   brain drain
     Skilled people leave.

.. glossary::

   3x1 programme
     One migrant dollar becomes four.

   Brain gain
     Skills come back (R&D <in> kind).
"""

CHAPTER = """\
Chapter
=======

See :term:`brain drain`, :term:`the rule <Zeta rule>` and :term:`Brain gain`.

.. toctree::

   glossary
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    (src / "conf.py").write_text('extensions = ["bookbuild.glossary"]\nhtml_theme = "basic"\n')
    (src / "index.rst").write_text(CHAPTER)
    (src / "glossary.rst").write_text(GLOSSARY.replace("{cite}", ""))
    out = src / "_build"
    Sphinx(str(src), str(src), str(out), str(out / ".doctrees"), "html", status=None, warning=None).build()
    return (out / "glossary.html").read_text(), (out / "index.html").read_text()


def test_glossary_runs_a_to_z_under_letters(built):
    page, _ = built
    terms = re.findall(r'<dt id="term-[^"]*">(.*?)<a class="headerlink"', page)
    assert [t.strip() for t in terms] == ["3x1 programme", "brain drain", "Brain gain", "Zeta rule"]
    letters = re.search(r'<p class="glossary-letters" id="glossary-letters">(.*?)</p>', page).group(1)
    assert re.findall(r'href="#(glossary-[^"]+)">([^<]+)<', letters) == [
        ("glossary-0-9", "0-9"),
        ("glossary-b", "B"),
        ("glossary-z", "Z"),
    ]
    assert page.count('id="glossary-b"') == 1 and page.count('href="#glossary-letters"') == 3


def test_a_term_link_opens_its_definition_in_place(built):
    _, chapter = built
    pops = re.findall(r'<span class="glossary-pop" id="def-\d+-(term-[^"]+)" popover="auto">(.*?)</span>', chapter)
    assert [anchor for anchor, _ in pops] == ["term-brain-drain", "term-Zeta-rule", "term-Brain-gain"]
    assert "<strong>brain drain</strong>: Skilled people leave." in pops[0][1]
    assert 'href="glossary.html#term-brain-drain">Full entry in the glossary</a>' in pops[0][1]
    assert "Skills come back (R&amp;D &lt;in&gt; kind)." in pops[2][1], "the definition is escaped"
    assert chapter.count('class="glossary-term reference internal"') == 3
    assert "glossary-terms.js" in chapter


def test_the_glossary_page_itself_has_no_popovers(built):
    page, _ = built
    assert "glossary-pop" not in page and "glossary-terms.js" not in page


def test_the_term_script_names_the_classes_the_build_writes():
    """static/glossary-terms.js finds the term links and popovers by the class names glossary.py gives them."""
    script = (Path(glossary.__file__).parent / "static" / glossary.TERMS_JS).read_text(encoding="utf-8")
    assert f'"a.{glossary.TERM_CLASS}"' in script and f'".{glossary.POPOVER_CLASS}:popover-open"' in script
