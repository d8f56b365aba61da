"""The strict build, the navigation and the search index."""

import html as html_lib
import json
import re

import pytest

from sitebuild import build_site, copy_project, edit_yaml, html_path, page_sources, page_url, page_urls

# The book's parts in the book's order, as (navigation title, Markdown source) pairs.
BOOK_ORDER = [
    ("Dit werkboek", "index.md"),
    ("Reflectie: wat vind ik belangrijk?", "reflectie/belangrijk.md"),
    ("Deel 1 — Interessant om te weten", "deel-1/index.md"),
    ("Mindset", "deel-1/mindset.md"),
    ("Broaden & Build theorie", "deel-1/broaden-and-build.md"),
    ("Talenten", "deel-1/talenten.md"),
    ("Hoe vind je hefbomen voor doorgeschoten talenten?", "deel-1/hefbomen.md"),
    ("Deel 2 — Terugkijken met elkaar", "deel-2/index.md"),
    ("Feedback", "deel-2/feedback.md"),
    ("‘Terugkijkers’-werkvormen", "deel-2/terugkijkers.md"),
    ("Feedback zoeken en bespreken", "deel-2/feedback-zoeken.md"),
    ("Historielijn van afgelopen jaar", "deel-2/historielijn.md"),
    ("Waarderend-onderzoekend interview", "deel-2/waarderend-interview.md"),
    ("Balans opmaken", "deel-2/balans-opmaken.md"),
    ("Complimentenharmonica of complimentenmuur", "deel-2/complimentenharmonica.md"),
    ("Deel 3 — Vooruitkijken met elkaar", "deel-3/index.md"),
    ("Doelen stellen", "deel-3/doelen-stellen.md"),
    ("Job craften", "deel-3/job-craften.md"),
    ("Vooruitblikken met de eindejaarsvraag", "deel-3/eindejaarsvraag.md"),
    ("‘Vooruitkijkers’-werkvormen", "deel-3/vooruitkijkers.md"),
    ("Aandacht voor wat (nog) niet lukt: a, b of c?", "deel-3/wat-nog-niet-lukt.md"),
    ("De droomvraag", "deel-3/droomvraag.md"),
    ("Aan de slag met een experiment", "deel-3/experiment.md"),
    ("Deel 4 — Voorbeeldgesprekken", "deel-4/index.md"),
    ("Myra", "deel-4/myra.md"),
    ("Jeffrey", "deel-4/jeffrey.md"),
    ("Hans", "deel-4/hans.md"),
    ("Reflectie: een gesprek voorbereiden", "reflectie/voorbereiden.md"),
    ("Gespreksplanner", "gespreksplanner.md"),
    ("Deel 5 — Als je vastloopt in een gesprek", "deel-5/index.md"),
    ("Vier soorten gesprekken", "deel-5/soorten-gesprekken.md"),
    ("Een gesprek bijsturen", "deel-5/bijsturen.md"),
    ("Hoe gaat het en hoe wil je verder?", "progressiecirkel.md"),
    ("Reflectie: wat houd je vast?", "reflectie/vasthouden.md"),
    ("Bijlage 1: Check je eigen mindset", "bijlagen/mindset-test.md"),
    ("Bijlage 2: Historielijn", "bijlagen/historielijn.md"),
    ("Bijlage 3: Reflected Best Self", "bijlagen/reflected-best-self.md"),
    ("Werkbladen", "werkbladen/index.md"),
    ("Werkmap voor een workshop", "werkbladen/werkmap.md"),
    ("Mijn antwoorden", "mijn-antwoorden.md"),
    # ... then one page per worksheet, in the order of the data (see below).
    ("Bronnen", "bronnen.md"),
    ("Verantwoording", "verantwoording.md"),
    ("Offline lezen", "offline-lezen.md"),
    ("Het hele werkboek afdrukken", "print_page.md"),  # the whole book (macros/site/book.py)
]

# Pages that are left out of the search index on purpose: a worksheet repeats
# the questions of its reading page, which is the page search should find.
# The werkmap is found by its own words; the sheets it holds are left out.
NOT_SEARCHED = {page_url(src) for src in page_sources() if src.startswith("werkbladen/") and src not in ("werkbladen/index.md", "werkbladen/werkmap.md")}
NOT_SEARCHED.add(page_url("mijn-antwoorden.md"))  # holds only what the reader typed


def test_strict_build_passes_without_warnings(site_build):
    assert site_build.returncode == 0, site_build.output
    problems = [line for line in site_build.output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert not problems, "\n".join(problems)


def test_every_page_is_built(site_dir):
    missing = [url for url in page_urls() if not html_path(site_dir, url).is_file()]
    assert not missing, f"pages not built: {missing}"
    assert (site_dir / "404.html").is_file()


def navigation(site_dir):
    """Return the (title, url) pairs of the home page's primary navigation, in order.

    The home page is at the site's root, so its links are URL paths from the root.
    """
    html = html_path(site_dir, page_url("index.md")).read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):html.index('<div class="md-sidebar md-sidebar--secondary"')]
    pairs = []
    for href, inner in re.findall(r'<a href="([^"#]*)" class="md-nav__link[^"]*"[^>]*>(.*?)</a>', nav, re.S):
        title = html_lib.unescape(" ".join(re.sub(r"<[^>]+>", " ", inner).split()))
        url = "" if href in ("./", ".") else href.removeprefix("./")
        if (title, url) not in pairs:
            pairs.append((title, url))
    return pairs


def test_navigation_follows_the_book(site_dir, worksheets):
    """The primary navigation lists every part of the book, in its order,
    and the worksheets in the order of their reading pages."""
    sheets = [(sheet.title, f"werkbladen/{sheet.id}.md") for sheet in worksheets]
    at = BOOK_ORDER.index(("Mijn antwoorden", "mijn-antwoorden.md")) + 1
    expected = BOOK_ORDER[:at] + sheets + BOOK_ORDER[at:]
    assert navigation(site_dir) == [(title, page_url(src)) for title, src in expected]


def test_every_page_is_in_the_search_index(site_dir):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    missing = [url for url in page_urls() if url not in locations and url not in NOT_SEARCHED]
    assert not missing, f"pages missing from the search index: {missing}"
    assert NOT_SEARCHED and not NOT_SEARCHED & locations
    werkmap = [doc for doc in index["docs"] if doc["location"].startswith(page_url("werkbladen/werkmap.md"))]
    assert [doc["location"] for doc in werkmap] == [page_url("werkbladen/werkmap.md")], "the werkmap's sheets are in the search index"



@pytest.mark.parametrize(
    "added, expected, page_written",
    [
        # MkDocs writes the pages, then aborts the strict build on the warnings.
        pytest.param(
            "[kapot](bestaat-niet.md) en [kapot](talenten.md#bestaat-niet)",
            ["'bestaat-niet.md'", "'talenten.md#bestaat-niet'"],
            True,
            id="broken link and anchor",
        ),
        # An error in a page's macros stops the build before any page is
        # written, in one line naming the page and the line (what a macro is
        # told: tests/test_worksheet_data.py; other errors in a page:
        # tests/test_hostile_content.py).
        pytest.param(
            '{{ questions("bestaat-niet") }}',
            ["Page error in docs/deel-1/mindset.md, line ", ": UnknownWorksheetError: unknown worksheet 'bestaat-niet' (known: "],
            False,
            id="unknown worksheet",
        ),
    ],
)
@pytest.mark.slow
def test_a_bad_page_fails_the_build_and_says_why(tmp_path, added, expected, page_written):
    project = copy_project(tmp_path)
    page = project / "docs" / "deel-1" / "mindset.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{added}\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0, "the build passed"
    for text in expected:
        assert text in result.output, result.output
    assert "Traceback" not in result.output
    # The page is where the site writes it (deel-1/mindset.html) after a
    # warning, and nowhere after an error: never a traceback page in the site.
    assert (tmp_path / "site" / "deel-1" / "mindset.html").is_file() == page_written
    assert bool(list((tmp_path / "site").rglob("*.html"))) == page_written


@pytest.mark.slow
def test_a_new_worksheet_is_one_yaml_file(tmp_path):
    """Written as one file, a sheet gets its page, its place in the navigation,
    a row in the overview and a box in the werkmap; a link to a sheet that
    does not exist still fails the strict build, and is its only warning
    (one build: MkDocs writes every page, then stops on the warning)."""
    project = copy_project(tmp_path)
    data = project / "docs" / "data" / "worksheets"
    new = data / "proefblad.yaml"
    new.write_text((data / "droomvraag.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    edit_yaml(new, lambda sheet: sheet.update(id="proefblad", title="Een proefblad"))
    page_md = project / "docs" / "deel-3" / "droomvraag.md"
    page_md.write_text(page_md.read_text(encoding="utf-8") + "\n[kapot](../werkbladen/bestaat-niet.md)\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0, "the build passed with a link to a sheet that does not exist"
    warnings = [line for line in result.output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert len(warnings) == 1 and "werkbladen/bestaat-niet.md" in warnings[0], result.output
    site = tmp_path / "site"
    page = (site / "werkbladen" / "proefblad.html").read_text(encoding="utf-8")
    assert "<h1" in page and "Een proefblad" in page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="werkbladen/proefblad.html" class="md-nav__link">\s*<span class="md-ellipsis">\s*Een proefblad', home)
    overview = (site / "werkbladen" / "index.html").read_text(encoding="utf-8")
    assert '<a href="proefblad.html">Een proefblad</a>' in overview
    werkmap = (site / "werkbladen" / "werkmap.html").read_text(encoding="utf-8")
    assert 'value="proefblad"' in werkmap
