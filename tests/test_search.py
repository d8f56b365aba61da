"""Dutch search, measured on a query set (search_queries.yaml) typed into
Material's search box in Chromium, over HTTP and from a copy on disk: a hit
is the expected page among the first three distinct result pages."""

import shutil
from pathlib import Path

import pytest
import yaml

from browser_checks import PageWatch, search_results
from sitebuild import page_url

QUERIES = [(query, page_url(src)) for query, src in yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))]
WITHIN = 3


def misses(page, base: str) -> list[str]:
    found = []
    for query, expected in QUERIES:
        results = [address.removeprefix(base) for address in search_results(page, query)]
        if expected not in results[:WITHIN]:
            found.append(f"{query!r}: expected {expected}, first results {results[:WITHIN]}")
    return found


def test_the_query_set_has_enough_queries():
    assert len(QUERIES) >= 40


# Today Material's Dutch search finds 45 of the 56 (inflected forms, words in
# quotes or parentheses, ranking); strict: the day it finds all, this
# marker must go (issue 19).
@pytest.mark.browser
@pytest.mark.xfail(strict=True, reason="issue 19: Dutch word forms, punctuation and ranking not yet done")
# From disk too ("disk") once it passes; while it is expected to fail, HTTP is enough.
@pytest.mark.parametrize("where", ["http"])
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
