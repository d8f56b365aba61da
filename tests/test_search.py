"""Dutch search, measured on a query set (search_queries.yaml) typed into
Material's search box in Chromium, over HTTP and from a copy on disk: a hit
is the expected page among the first three distinct result pages, and no
page that only lists the werkvormen ranks above it. The results show the
pages' own text: never a markup character that the highlighting broke
loose. The stems come from Snowball's Dutch stemmer: at build time for the
site's words, in the browser (translated) for what a reader types."""

import ast
import json
import re
import shutil
from pathlib import Path

import pytest
import snowballstemmer
import yaml

from browser_checks import PageWatch, search_each
from macros.render.scripts import minified_script
from macros.render.search import (
    STEMS_SCRIPT,
    STOP_WORDS,
    cells_apart,
    first_part,
    index_words,
)
from macros.render.snowball_js import Untranslatable, _Translator
from sitebuild import BOOK, ROOT, page_url

QUERIES = [(query, page_url(src)) for query, src in yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))]
WITHIN = 3
DUTCH = "assets/javascripts/lunr/min/lunr.nl.min.js"
# Pages that list every werkvorm (Mijn antwoorden is not searched at all).
LISTS = [page_url(src) for src in ("werkbladen/index.md", "werkbladen/werkmap.md", "gespreksplanner.md")]
# Markup that shows as text: a tag's bracket, or an entity escaped twice.
MARKUP = re.compile(r"[<>]|&(?:lt|gt|amp|quot|#\d+);")
STOP = set(STOP_WORDS)


def search_index(site_dir: Path) -> dict:
    return json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))


def run_queries(page, base: str) -> tuple[list[str], list[str]]:
    """The queries whose page is not among the first three (or comes after a
    list of werkvormen), and the results whose text shows markup (or that
    name a Dutch stop word as missing: "Ontbreekt: van")."""
    misses, markup = [], []
    for (query, expected), found in zip(QUERIES, search_each(page, [query for query, _ in QUERIES])):
        results = []  # distinct pages: a page's sections have links of their own
        for address in found["hrefs"]:
            if address.removeprefix(base) not in results:
                results.append(address.removeprefix(base))
        if expected not in results[:WITHIN]:
            misses.append(f"{query!r}: expected {expected}, first results {results[:WITHIN]}")
        elif expected not in LISTS and any(listing in results[: results.index(expected)] for listing in LISTS):
            misses.append(f"{query!r}: a list of werkvormen ranks above {expected}: {results[:WITHIN]}")
        markup += [f"{query!r}: {text!r}" for text in found["texts"] if MARKUP.search(text)]
        missing = set(found["missing"].split())
        markup += [f"{query!r}: Material says a stop word is missing: {sorted(missing & STOP)}"] if missing & STOP else []
    return misses, markup


def test_the_query_set_has_enough_queries():
    assert len(QUERIES) >= 110
    assert len({query.lower() for query, _ in QUERIES}) == len(QUERIES), "a query twice"


def test_the_site_publishes_its_own_dutch_search_file(site_dir):
    """The worker loads lunr/min/lunr.nl.min.js: the site's file (minified,
    like the site's other scripts), not Material's."""
    published = (site_dir / DUTCH).read_text(encoding="utf-8")
    assert published == minified_script((ROOT / "docs" / DUTCH).read_text(encoding="utf-8"))


def test_the_stems_published_are_those_of_the_words_of_the_index(site_dir):
    """The file the worker loads before lunr.nl.min.js holds the stems of the
    words of this very search index, as Snowball's Dutch stemmer (the Python
    package, not the build's code) gives them, with Snowball's licence."""
    index = search_index(site_dir)
    words = index_words(index["docs"], index["config"]["separator"]) - STOP
    published = (site_dir / STEMS_SCRIPT).read_text(encoding="utf-8")
    assert "Redistribution and use in source and binary forms" in published
    table = json.loads(re.search(r"lunr\.nlWords=(\{.*?\});", published).group(1))
    stems = {word: group.split()[0] for group in table["stems"].split(",") for word in group.split()[1:]}
    parts = dict(pair.split() for pair in table["parts"].split(","))
    stemmer = snowballstemmer.stemmer("dutch")
    assert len(words) > 2000
    assert stems == {word: stemmer.stemWord(word) for word in words if stemmer.stemWord(word) != word}
    assert stems["gesprekken"] == "sprek" and stems["talenten"] == "talent" and stems["geven"] == "geef"
    assert parts["groeimindset"] == "groei" and parts["voorbeeldgesprekken"] == "voorbeeld"
    assert set(parts) <= words and not set(stems) & STOP and set(table["stopWords"].split()) == STOP


def test_the_index_takes_words_as_the_worker_does():
    docs = [{"title": "Het <code>gesprek</code>", "text": "<p>Een ‘droom’ (vraag), gesprek. a4 niet-waarderend</p>", "tags": ["Boven verwachting"]}]
    assert index_words(docs, r"[\s\-‘’()]+") == {"het", "gesprek", "een", "droom", "vraag", "niet", "waarderend", "boven", "verwachting"}


def test_a_compound_is_two_words_of_the_site():
    words = {"groei", "mindset", "groeimindset", "einde", "eindejaar", "vraag", "eindejaarsvraag", "bood", "boodschap", "best", "besteden"}
    assert first_part("groeimindset", words) == "groei"
    assert first_part("eindejaarsvraag", words) == "eindejaar"
    assert first_part("boodschap", words) is None  # no "schap"
    assert first_part("besteden", words) is None


def test_table_cells_and_list_terms_stay_apart_in_the_search_index(site_dir):
    """Material's index keeps the text of a cell, not the cell: each pair of
    cells (or a term and its description) in a row is two words in the
    preview, never one ("gesprekOnderzoekend")."""
    index = search_index(site_dir)
    texts = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        texts[page] = texts.get(page, "") + " " + re.sub(r"<[^>]+>", " ", doc["text"])
    glued = []
    cell = re.compile(r"<(t[dh]|d[td])\b[^>]*>(.*?)</\1>", re.S)
    for page, text in texts.items():
        html = (site_dir / page).read_text(encoding="utf-8")
        cells = [re.sub(r"<[^>]+>", " ", match.group(2)).split() for match in cell.finditer(html)]
        words = set(text.split())
        glued += [f"{page}: {a[-1] + b[0]!r}" for a, b in zip(cells, cells[1:]) if a and b and a[-1] + b[0] in words]
    assert not glued, glued
    assert "gesprek\nOnderzoekend" not in cells_apart("<td>gesprek</td>\n<td>Onderzoekend</td>")
    assert cells_apart("<th>Aard van het gesprek</th><th>Onderzoekend</th>") == "<th>Aard van het gesprek</th>\n<th>Onderzoekend</th>"


def test_an_unknown_part_of_python_stops_the_translation():
    statement = ast.parse("for letter in word:\n    pass\n").body[0]
    with pytest.raises(Untranslatable, match="line 1: cannot translate 'for letter in word"):
        _Translator("DutchStemmer").statement(statement, 0)


def stem_in_browser(page, site_dir: Path, words: list[str]) -> list[str]:
    page.add_script_tag(content="self.lunr = {};")
    page.add_script_tag(content=(site_dir / STEMS_SCRIPT).read_text(encoding="utf-8"))
    return page.evaluate("(words) => words.map(word => lunr.nlStem(word))", words)


@pytest.mark.browser
def test_the_browser_stems_every_word_as_snowball_does(reading_page, site_dir):
    """What a reader types is stemmed in the browser by the translated
    stemmer: the same stem as Python's snowballstemmer, for every word of
    the site and of the book."""
    index = search_index(site_dir)
    words = sorted(index_words(index["docs"], index["config"]["separator"]) | set(re.findall(r"[a-zà-ɏ]+", BOOK.read_text(encoding="utf-8").lower())))
    stemmer = snowballstemmer.stemmer("dutch")
    found = stem_in_browser(reading_page, site_dir, words)
    differ = [f"{word}: {got!r}, Snowball {stemmer.stemWord(word)!r}" for word, got in zip(words, found) if got != stemmer.stemWord(word)]
    assert len(words) > 2000
    assert not differ, differ[:20]


# (typed, a word on a page): one stem, so the one finds the other.
SAME = [
    ("talenten", "talent"), ("gevend", "geven"), ("geeft", "gegeven"), ("experimenten", "experiment"),
    ("waarderend", "waardering"), ("vastgelopen", "vastlopen"), ("vastloopt", "vastlopen"), ("dromen", "droom"),
    ("gesprekken", "gesprek"), ("doelen", "doel"), ("vragen", "vraag"), ("gewerkt", "werken"),
    ("emoties", "emotie"), ("prestaties", "prestatie"), ("hefboom", "hefbomen"), ("interviews", "interview"),
]
# Words the earlier, hand-written rules took for one.
APART = [("talent", "talen"), ("talenten", "talen"), ("gevend", "vent"), ("experiment", "experimenteel")]


@pytest.mark.browser
def test_a_word_and_its_dutch_forms_share_a_stem(reading_page, site_dir):
    words = [word for pair in SAME + APART for word in pair]
    stems = dict(zip(words, stem_in_browser(reading_page, site_dir, words)))
    assert [pair for pair in SAME if stems[pair[0]] != stems[pair[1]]] == []
    assert [pair for pair in APART if stems[pair[0]] == stems[pair[1]]] == []


@pytest.mark.browser
@pytest.mark.parametrize("where", ["http", "disk"])
def test_every_query_finds_its_page_among_the_first_three_with_clean_text(reading_page, site_url, site_dir, tmp_path, where):
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
        misses, markup = run_queries(page, base)
    finally:
        watch.detach()
    hits = len(QUERIES) - len(misses)
    assert not misses, f"{hits} of {len(QUERIES)} queries found their page:\n" + "\n".join(misses)
    assert not markup, "results that show markup:\n" + "\n".join(markup)
    assert not watch.problems()
