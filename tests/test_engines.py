"""The same site from both engines: MkDocs (the session's build) and Zensical.

Zensical is built the way the README's "Build with Zensical" says: prepare
a folder, ``zensical build``, publish (sitebuild.build_with_zensical), once
per test run. Every page MkDocs builds is compared with Zensical's by the
text of its article; then what a reader of the Zensical build must find is
checked on its own: the worksheets' pages, a correction of the book's slips,
the web edition's labels, every PDF and the zip.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from filelock import FileLock

from sitebuild import ROOT, BuildResult, article_html, build_with_zensical, text_blocks

# Written down, not computed by the code under test.
WORKSHEET_PAGES = 20
# werkbladen/ holds the sheets' pages and two pages written by hand.
SHEET_FOLDER_PAGES = {"index.html", "werkmap.html"}
# Pages of the web edition's own (front matter ``edition: web``).
WEB_EDITION_PAGES = ["verantwoording.html", "offline-lezen.html", "mijn-antwoorden.html", "werkbladen/werkmap.html"]
WEB_EDITION_LABEL = "Deze pagina is van de webeditie en staat niet in het boek."
# A correction of the book's slips (docs/data/corrections.yaml: verruiming).
CORRECTION = ("deel-1/talenten.html", "zorgen van een verruiming", "zorgen voor een verruiming")
# 20 worksheets, 3 conversation guides, the mindset test, the whole book.
PDF_COUNT = 25


def _build_once(shared: Path) -> BuildResult:
    record = shared / "zensical-build.json"
    with FileLock(str(shared / "zensical-build.lock")):
        if not record.is_file():
            result = build_with_zensical(ROOT, shared / "zensical")
            record.write_text(json.dumps({"returncode": result.returncode, "output": result.output, "site_dir": str(result.site_dir)}), encoding="utf-8")
    data = json.loads(record.read_text(encoding="utf-8"))
    return BuildResult(data["returncode"], data["output"], Path(data["site_dir"]))


@pytest.fixture(scope="session")
def zensical_site(site_dir, tmp_path_factory) -> Path:
    """The site built with Zensical and published, once per test run (after
    the MkDocs build: both publish steps share the PDF cache)."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    result = _build_once(shared)
    if result.returncode != 0:
        pytest.fail(f"the Zensical build failed:\n{result.output}")
    return result.site_dir


def _pages(site: Path) -> dict[str, str]:
    """Every page of ``site`` with an article, by its path."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if '<article class="md-content__inner md-typeset">' in html:
            found[path.relative_to(site).as_posix()] = html
    return found


def test_zensical_builds_every_page_mkdocs_builds(site_dir, zensical_site):
    assert sorted(_pages(zensical_site)) == sorted(_pages(site_dir))


@pytest.mark.parametrize("part", range(4))
def test_every_page_has_the_same_article_text(site_dir, zensical_site, part):
    """In four parts, so a difference on one page does not hide the others'."""
    mkdocs_pages, zensical_pages = _pages(site_dir), _pages(zensical_site)
    differing = []
    for page in sorted(mkdocs_pages)[part::4]:
        expected = text_blocks(article_html(mkdocs_pages[page]))
        actual = text_blocks(article_html(zensical_pages.get(page, '<article class="md-content__inner md-typeset"></article>')))
        if actual != expected:
            first = next((i for i, (a, b) in enumerate(zip(expected, actual)) if a != b), min(len(expected), len(actual)))
            differing.append(
                f"{page}: block {first}: MkDocs {expected[first:first + 1]!r}, Zensical {actual[first:first + 1]!r}"
            )
    assert not differing, "\n".join(differing)


def test_zensical_build_has_every_worksheet_page(zensical_site):
    sheets = {path.name for path in (zensical_site / "werkbladen").glob("*.html")} - SHEET_FOLDER_PAGES
    assert len(sheets) == WORKSHEET_PAGES, sorted(sheets)
    for name in sheets:
        article = article_html((zensical_site / "werkbladen" / name).read_text(encoding="utf-8"))
        assert 'class="pig-ws' in article, f"werkbladen/{name} shows no worksheet"


def test_zensical_build_applies_the_corrections(zensical_site):
    page, printed, corrected = CORRECTION
    text = " ".join(text_blocks(article_html((zensical_site / page).read_text(encoding="utf-8"))))
    assert corrected in text
    assert printed not in text


@pytest.mark.parametrize("page", WEB_EDITION_PAGES)
def test_zensical_build_labels_the_web_editions_pages(zensical_site, page):
    article = article_html((zensical_site / page).read_text(encoding="utf-8"))
    assert 'class="pig-web-page"' in article
    assert WEB_EDITION_LABEL in " ".join(text_blocks(article))


def test_zensical_build_has_every_pdf_and_the_zip(site_dir, zensical_site):
    pdfs = sorted(path.relative_to(zensical_site).as_posix() for path in (zensical_site / "pdf").rglob("*.pdf"))
    assert len(pdfs) == PDF_COUNT, pdfs
    assert pdfs == sorted(path.relative_to(site_dir).as_posix() for path in (site_dir / "pdf").rglob("*.pdf"))
    for pdf in pdfs:
        assert (zensical_site / pdf).read_bytes()[:5] == b"%PDF-", pdf
    archives = sorted(zensical_site.glob("positief-in-gesprek-*.zip"))
    assert [path.name for path in archives] == [path.name for path in site_dir.glob("positief-in-gesprek-*.zip")]
    with zipfile.ZipFile(archives[0]) as archive:
        names = {name.split("/", 1)[1] for name in archive.namelist()}
    assert {"index.html", "print_page.html", *pdfs} <= names
