"""The site without a web server: opened from disk, and from the unpacked zip.

Each copy is crawled twice: every link and asset must exist as a file, and
Chromium walks from the home page to the last page by the footer's "next"
link, then searches. Nothing may be requested outside the copy's folder.
"""

import re
import shutil
import zipfile

import pytest

from browser_checks import PageWatch, read_search_results
from hosting import crawl
from macros.site.artefact import archive_name
from sitebuild import page_url, page_urls

ZIP = archive_name()


@pytest.fixture(scope="session", params=["disk", "zip"])
def offline_copy(request, site_dir, tmp_path_factory):
    """(root folder, files a link may miss) of a copy on disk, or of the unpacked zip."""
    where = tmp_path_factory.mktemp(request.param)
    if request.param == "disk":
        root = where / "Werkboek op de schijf"  # a file share's folder name, spaces and all
        shutil.copytree(site_dir, root)
        return root, set()
    with zipfile.ZipFile(site_dir / ZIP) as zipped:
        zipped.extractall(where)
    # The unpacked zip cannot hold the zip itself: its download link is the one dead end.
    return where / ZIP.removesuffix(".zip"), {ZIP}


def file_url(folder):
    return folder.as_uri() + "/"


def test_every_link_and_asset_exists_as_a_file(offline_copy):
    root, allowed_missing = offline_copy
    result = crawl(file_url(root), allowed_missing=allowed_missing)
    assert not result.problems, "\n".join(result.problems)
    missing = sorted(set(page_urls()) - result.pages)
    assert not missing, f"pages no link leads to: {missing}"


@pytest.mark.browser
def test_chromium_walks_every_page_by_the_footer_links(browser, site_dir, tmp_path):
    """On a copy on disk; the unpacked zip holds the same files (test_artefact)
    and every link of it is checked above, so one walk in Chromium is enough."""
    root = tmp_path / "Werkboek op de schijf"
    shutil.copytree(site_dir, root)
    base = file_url(root)
    page = browser.new_page()
    watch = PageWatch(base).attach(page)
    seen = []
    try:
        page.goto(base + page_url("index.md"))
        for _ in range(len(page_urls()) + 5):
            seen.append(page.url.removeprefix(base))
            if seen[-1] == page_url("print_page.md"):  # the navigation's last page: the whole book
                assert page.locator("article #print-site-page section.print-page[id]").count() > 40, f"{page.url} shows no book"
            else:
                assert page.locator("article h1").count() == 1, f"{page.url} shows no page"
            following = page.locator("a.md-footer__link--next")
            if not following.count():
                break
            following.click()
            page.wait_for_load_state()
    finally:
        page.close()
    assert not watch.problems(), "\n".join(watch.problems())
    # Every page in the navigation's order, the whole-book page last.
    assert sorted(seen) == sorted([*page_urls(), page_url("print_page.md")]) and seen[-1] == page_url("print_page.md")


@pytest.mark.browser
@pytest.mark.parametrize("start, query, expected", [
    ("index.md", "historielijn", "deel-2/historielijn.md"),
    ("deel-3/index.md", "job craften", "deel-3/job-craften.md"),
])
def test_chromium_searches_in_dutch_and_opens_a_result(browser, offline_copy, start, query, expected):
    root, _ = offline_copy
    base = file_url(root)
    page = browser.new_page()
    watch = PageWatch(base).attach(page)
    try:
        page.goto(base + page_url(start))
        page.keyboard.press("/")
        page.locator("input.md-search__input").press_sequentially(query, delay=10)
        found = [address.removeprefix(base) for address in read_search_results(page)]
        assert page_url(expected) in found[:3], f"{query!r}: {found[:5]}"
        page.locator(".md-search-result__item > .md-search-result__link").nth(found.index(page_url(expected))).click()
        page.wait_for_url(re.compile(re.escape(base + page_url(expected)) + r"(\?.*)?$"))
        assert page.locator("article h1").count() == 1
    finally:
        page.close()
    assert not watch.problems(), "\n".join(watch.problems())
