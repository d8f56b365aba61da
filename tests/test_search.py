"""Dutch search, measured on a query set (search_queries.yaml) typed into
Material's search box in Chromium, over HTTP and from a copy on disk: a hit
is the expected page among the first three distinct result pages."""

import shutil
from pathlib import Path

import pytest
import yaml

from browser_checks import PageWatch, search_results
from macros.render.scripts import minified_script
from sitebuild import ROOT, page_url

QUERIES = [(query, page_url(src)) for query, src in yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))]
WITHIN = 3
DUTCH = "assets/javascripts/lunr/min/lunr.nl.min.js"


def misses(page, base: str) -> list[str]:
    found = []
    for query, expected in QUERIES:
        results = []  # distinct pages: a page's sections have links of their own
        for address in search_results(page, query):
            if address.removeprefix(base) not in results:
                results.append(address.removeprefix(base))
        if expected not in results[:WITHIN]:
            found.append(f"{query!r}: expected {expected}, first results {results[:WITHIN]}")
    return found


def test_the_query_set_has_enough_queries():
    assert len(QUERIES) >= 40


def test_the_site_publishes_its_own_dutch_search_file(site_dir):
    """The worker loads lunr/min/lunr.nl.min.js: the site's file (minified,
    like the site's other scripts), not Material's."""
    published = (site_dir / DUTCH).read_text(encoding="utf-8")
    assert published == minified_script((ROOT / "docs" / DUTCH).read_text(encoding="utf-8"))


# (typed, a word on the page): both have the same stem, or the typed word's
# stem is the start of the page word's (the query asks for it with a
# prefix wildcard).
FORMS = [
    ("groeien", "groei"), ("groeit", "groei"), ("groei", "groeien"),
    ("doelen", "doel"), ("doel", "doelen"), ("dromen", "droom"), ("droom", "dromen"),
    ("gesprekken", "gesprek"), ("gesprek", "gesprekken"), ("vastgelopen", "vastlopen"),
    ("vastlopen", "vastgelopen"), ("vastlopen", "vastloopt"), ("talenten", "talent"),
    ("experimenten", "experiment"), ("prestaties", "prestatie"), ("vragen", "vraag"),
    ("vraag", "vragen"), ("gewerkt", "werken"), ("complimentje", "compliment"), ("emoties", "emotie"),
]


@pytest.mark.browser
def test_a_word_and_its_dutch_forms_share_a_stem(reading_page):
    page = reading_page
    page.add_script_tag(content="""self.lunr = {Pipeline: {registerFunction() {}}, generateStopWordFilter: () => (t) => t,
        Index: function () {}, Query: {presence: {}, wildcard: {}}};""")
    page.add_script_tag(content=(ROOT / "docs" / DUTCH).read_text(encoding="utf-8"))
    stems = page.evaluate("(pairs) => pairs.map(([typed, word]) => [lunr.nl.stem(typed), lunr.nl.stem(word)])", FORMS)
    missed = [f"{typed!r} (stem {asked!r}) does not find {word!r} (stem {indexed!r})"
              for (typed, word), (asked, indexed) in zip(FORMS, stems)
              if not (indexed == asked or (len(asked) >= 4 and indexed.startswith(asked)))]
    assert not missed, "\n".join(missed)


@pytest.mark.browser
@pytest.mark.parametrize("where", ["http", "disk"])
def test_every_query_finds_its_page_among_the_first_three(reading_page, site_url, site_dir, tmp_path, where):
    page = reading_page
    if where == "disk":
        root = tmp_path / "Werkboek op de schijf"
        shutil.copytree(site_dir, root)
        base = root.as_uri() + "/"
    else:
        base = site_url
    watch = PageWatch(base).attach(page, reporter=False)
    try:
        page.goto(base + page_url("index.md"))
        missed = misses(page, base)
    finally:
        watch.detach()
    hits = len(QUERIES) - len(missed)
    assert not missed, f"{hits} of {len(QUERIES)} queries found their page:\n" + "\n".join(missed)
    assert not watch.problems()
