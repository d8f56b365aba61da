"""The same site from both engines: MkDocs (the session's build) and Zensical.

Zensical builds the site by the README's "Build with Zensical" block
(prepare a folder, ``zensical build``, publish; sitebuild.build_with_zensical),
in a copy of the project, once per test run. Every page MkDocs builds is compared with Zensical's by the
text of its article; then what a reader of the Zensical build must find is
checked on its own: the worksheets' pages, a correction of the book's slips,
the web edition's labels, every PDF and the zip.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path

from types import SimpleNamespace

import pytest
import yaml
from filelock import FileLock

from browser_checks import PageWatch
from hosting import SUB_PATH, documented_headers, serve
from macros.site.project import Project, ProjectError
from macros.site.zensical import write_zensical_project
from sitebuild import ROOT, BuildResult, article_html, build_with_zensical, copy_project, text_blocks

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
            result = build_with_zensical(shared / "zensical")
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


def test_the_whole_book_is_the_same_from_both_engines(site_dir, zensical_site):
    """The book element of the whole-book page, markup and all (so its PDF
    is the same too, drawn once for both builds from the shared cache)."""
    from macros.site.html_parts import inner_span

    def book(site: Path) -> str:
        html = (site / "print_page.html").read_text(encoding="utf-8")
        start, end = inner_span(html, "div", element_id="print-site-page")
        return html[start:end]

    assert book(zensical_site) == book(site_dir)
    assert len(book(site_dir)) > 100_000


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


def test_zensical_build_publishes_the_one_theme_stylesheet_its_pages_link(zensical_site):
    """Zensical's theme holds two looks, each with a palette stylesheet; the
    pages link the classic look's main stylesheet only (publish prunes the rest)."""
    stylesheets = sorted(path.relative_to(zensical_site).as_posix() for path in (zensical_site / "assets" / "stylesheets").rglob("*"))
    assert len(stylesheets) == 2 and stylesheets[0] == "assets/stylesheets/classic", stylesheets
    assert re.fullmatch(r"assets/stylesheets/classic/main\.\w+\.min\.css", stylesheets[1]), stylesheets
    assert f'href="./{stylesheets[1]}"' in (zensical_site / "index.html").read_text(encoding="utf-8")


# Written down for Zensical 0.1.2: the hash of the <style> its search dialog
# writes into its shadow root (Chromium names it when the policy lacks it).
SEARCH_DIALOG_STYLE = "'sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k='"


def test_zensical_pages_name_the_style_of_its_search_dialog(zensical_site):
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', (zensical_site / "index.html").read_text(encoding="utf-8"))
    assert policy and SEARCH_DIALOG_STYLE in policy.group(1).split("style-src", 1)[1].split(";")[0]


@pytest.mark.browser
def test_zensical_build_in_chromium_under_its_policy(zensical_site, context):
    """Served under a sub-path with the documented headers: pages load with
    nothing from outside and no error, and the search finds a page, its
    dialog styled (the policy names the dialog's own style); the 404 page in
    another folder is styled and its navigation leads into the site."""
    with serve(zensical_site, SUB_PATH, documented_headers()) as url:
        page = context.new_page()
        watch = PageWatch(url).attach(page)
        for address in ["werkbladen/hefbomen.html", "deel-4/myra.html", "index.html"]:
            page.goto(url + address)
            page.wait_for_load_state("load")
        page.keyboard.press("/")
        page.keyboard.type("complimentenharmonica")
        dialog = "[...document.querySelectorAll('body > div')].find(d => d.shadowRoot)?.shadowRoot"
        page.wait_for_function(f"() => /Complimentenharmonica/.test({dialog}?.textContent || '')", timeout=10_000)
        assert page.evaluate(f"() => [...{dialog}.querySelectorAll('style')].every(s => s.sheet !== null)")
        # The 404 page, in another folder: styled, its navigation leads into the site (publish).
        page.goto(url + "nergens/niets.html")
        page.wait_for_load_state("load")
        assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        page.locator(".md-nav--primary a.md-nav__link[href$='werkbladen/hefbomen.html']").first.evaluate("a => a.click()")
        page.wait_for_url(url + "werkbladen/hefbomen.html")
        problems = [problem for problem in watch.problems() if "nergens/niets.html" not in problem]  # the 404 asked for
        assert not problems, problems


# The prepared folder (macros/site/zensical.py), without building --------------


def _prepared(project):
    """What prepare() hands over, written down: a generated page, a generated
    file, a withheld source, the navigation with the page."""
    return SimpleNamespace(
        pages={"werkbladen/proef.md": "# Proef\n"},
        files={"assets/proef.css": "p{color:red}", "assets/tables.js": "/* minified */"},
        withheld=["assets/css/base.css"],
        nav=[*project.nav, {"Proef": "werkbladen/proef.md"}],
    )


def test_prepared_folder_holds_the_docs_with_what_prepare_generates(tmp_path):
    project = Project.load(ROOT)
    config = write_zensical_project(project, _prepared(project), tmp_path / "zensical")
    docs = tmp_path / "zensical" / "docs"
    assert config == tmp_path / "zensical" / "mkdocs.yml"
    assert (docs / "werkbladen" / "proef.md").read_text(encoding="utf-8") == "# Proef\n"
    assert (docs / "assets" / "proef.css").read_text(encoding="utf-8") == "p{color:red}"
    assert (docs / "assets" / "tables.js").read_text(encoding="utf-8") == "/* minified */"
    assert not (docs / "assets" / "css" / "base.css").exists()
    assert (docs / "data" / "corrections.yaml").is_file()
    assert (docs / "deel-1" / "talenten.md").read_bytes() == (ROOT / "docs" / "deel-1" / "talenten.md").read_bytes()
    assert (tmp_path / "zensical" / "overrides" / "main.html").is_file()
    assert (tmp_path / "zensical" / "overrides" / "partials" / "tags.html").is_file()


def test_prepared_config_reads_back_as_the_project(tmp_path):
    """What the macros and the page changes read under Zensical (Project.load
    of the prepared folder) is the project's own: the same Markdown
    extensions with the same settings, the same build options."""
    project = Project.load(ROOT)
    prepared = _prepared(project)
    write_zensical_project(project, prepared, tmp_path / "zensical")
    again = Project.load(tmp_path / "zensical")
    assert again.extensions == project.extensions
    assert again.extension_configs == project.extension_configs
    assert again.options.pdfs == project.options.pdfs
    assert Path(again.options.pdf_cache) == project.root / project.options.pdf_cache
    assert again.nav == prepared.nav
    assert again.docs_dir == (tmp_path / "zensical" / "docs").resolve()
    config = yaml.load((tmp_path / "zensical" / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTag)
    assert "hooks" not in config
    assert {next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]} == {"search", "offline", "workbook", "macros"}
    macros = next(p["macros"] for p in config["plugins"] if isinstance(p, dict) and "macros" in p)
    assert macros["module_name"] == "macros.site.env"
    assert config["theme"]["variant"] == "classic"
    assert config["extra"]["material"]["stylesheet"].startswith("assets/stylesheets/classic/main.")


class _AnyTag(yaml.SafeLoader):
    """Reads the prepared config with its tags left unresolved."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)


def test_prepare_again_replaces_the_folder_it_wrote(tmp_path):
    project = Project.load(ROOT)
    out = tmp_path / "zensical"
    write_zensical_project(project, _prepared(project), out)
    (out / "docs" / "left-over.md").write_text("# Oud\n", encoding="utf-8")
    (out / "site").mkdir()
    write_zensical_project(project, _prepared(project), out)
    assert not (out / "docs" / "left-over.md").exists()
    assert not (out / "site").exists()


@pytest.mark.parametrize("where", ["project", "docs", "foreign"])
def test_prepare_refuses_a_folder_it_did_not_write(tmp_path, where):
    """A copy of the project, so a failing guard cannot empty the project's own folders."""
    root = copy_project(tmp_path)
    project = Project.load(root)
    out = {"project": root, "docs": root / "docs" / "prepared", "foreign": tmp_path / "mine"}[where]
    if where == "foreign":
        out.mkdir()
        (out / "notes.txt").write_text("mine", encoding="utf-8")
    before = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*"))
    with pytest.raises(ProjectError) as raised:
        write_zensical_project(project, _prepared(project), out)
    assert "\n" not in str(raised.value) and "prepare:" in str(raised.value)
    assert sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*")) == before
