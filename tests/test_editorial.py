"""The editorial rule: every block of text is the book's, or visibly the
web edition's own, or interface; corrections are applied and listed; the
print footer says truthfully where a page comes from."""

import re

import pytest

from editorial import WEB_PAGE_CLASS, book_text, joined_lines, unmarked_additions, words
from sitebuild import BOOK, DOCS, article_html, html_path, load_content, page_url, page_urls, text_blocks

needs_book = pytest.mark.skipif(not BOOK.is_file(), reason=f"the book's text is not at {BOOK}")

BOOK_PARAGRAPH = (
    "<p>Onze mindset is de manier waarop iemand denkt over zijn of haar groeivermogen "
    "en mogelijkheid om iets nieuws te leren.</p>"
)
ADDED = "<p>Dit is een zin die de webeditie zelf heeft bedacht en die niet in het boek staat.</p>"


@needs_book
def test_every_block_of_every_page_is_the_books_or_marked(site_dir):
    pages = page_urls() + ["print_page.html"]
    bad = [
        f"{url}: <{tag}> {text[:120]}"
        for url in pages
        for tag, text in unmarked_additions(article_html(html_path(site_dir, url).read_text(encoding="utf-8")))
    ]
    assert not bad, f"{len(bad)} unmarked additions:\n" + "\n".join(bad)


@needs_book
def test_the_check_finds_an_unmarked_added_sentence():
    assert unmarked_additions(BOOK_PARAGRAPH) == []
    assert unmarked_additions(BOOK_PARAGRAPH + ADDED) == [("p", ADDED[3:-4])]
    # The same sentence, marked in each of the ways the site marks text.
    assert unmarked_additions(f'<div class="pig-web">{ADDED}</div>') == []
    assert unmarked_additions(ADDED.replace("<p>", '<p class="pig-web">')) == []
    assert unmarked_additions(f'<h1>Bronnen</h1><p class="{WEB_PAGE_CLASS}">Webeditie</p>{ADDED}') == []
    # Words added inside a sentence of the book are marked on their own.
    inline = BOOK_PARAGRAPH.replace("iets nieuws", 'iets <span class="pig-web">heel erg</span> nieuws')
    assert unmarked_additions(inline) == []
    assert unmarked_additions(inline.replace('<span class="pig-web">', "<span>"))
    # A sentence joined at a column seam of the print layout is the book's;
    # two unrelated runs of three words are not.
    assert not unmarked_additions("<p>De uitnodiging bij het verkennen van talenten is om niet te stoppen bij één talent.</p>")
    assert unmarked_additions("<p>Onze mindset is iets nieuws te leren.</p>")


@needs_book
def test_each_correction_is_the_books_text_and_applied(site_dir):
    book = BOOK.read_text(encoding="utf-8").splitlines()

    def near(line: int) -> str:
        """The book's words around ``line`` (hyphenated line ends joined)."""
        return words(joined_lines("\n".join(book[max(0, line - 4) : line + 3])))

    corrections = load_content().corrections
    for correction in corrections:
        assert words(correction.printed) in near(correction.line), f"{correction.id}: not at line {correction.line}"
    for slip in corrections.kept:
        assert words(slip.printed) in near(slip.line), f"{slip.id}: not at line {slip.line}"
    shown = {c.corrected for c in corrections}
    site = " ".join(
        " ".join(text_blocks(article_html(html_path(site_dir, url).read_text(encoding="utf-8"))))
        for url in page_urls()
        if url != page_url("verantwoording.md")  # its table shows the slips as printed
    )
    for correction in corrections:
        if correction.printed not in correction.corrected:
            assert correction.printed not in site, f"{correction.id}: the slip is still on the site"
    assert all(text in site for text in shown)


def test_verantwoording_lists_every_correction(site_dir):
    html = article_html(html_path(site_dir, page_url("verantwoording.md")).read_text(encoding="utf-8"))
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    cells = [[re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows]
    listed = {(row[0], row[1]) for row in cells if len(row) == 4}
    for correction in load_content().corrections:
        assert (correction.printed, correction.corrected) in listed, correction.id
    kept = {row[0] for row in cells if len(row) == 3}
    assert kept == {slip.printed for slip in load_content().corrections.kept}


def print_source(site_dir, src: str) -> str:
    html = html_path(site_dir, page_url(src)).read_text(encoding="utf-8")
    match = re.search(r'<p class="pig-print-source">(.*?)</p>', html, re.S)
    assert match, src
    return " ".join(re.sub(r"<[^>]+>", "", match.group(1)).split())


def test_the_print_footer_says_where_the_page_comes_from(site_dir):
    web_pages = [
        md.relative_to(DOCS).as_posix()
        for md in DOCS.rglob("*.md")
        if md.read_text(encoding="utf-8").startswith("---\nedition: web\n")
    ]
    assert {"bronnen.md", "verantwoording.md", "mijn-antwoorden.md", "werkbladen/index.md"} <= set(web_pages)
    for src in web_pages:
        footer = print_source(site_dir, src)
        assert footer.startswith("Webeditie van het werkboek") and "niet in het boek" in footer, (src, footer)
        page = html_path(site_dir, page_url(src)).read_text(encoding="utf-8")
        assert f'class="{WEB_PAGE_CLASS}"' in page, src
    assert print_source(site_dir, "deel-1/mindset.md") == (
        "Uit het werkboek Positief in Gesprek van Rosa Helmantel en Saskia Tjepkema: Mindset."
    )
    # A page of the book with marked additions says so.
    assert print_source(site_dir, "deel-4/myra.md").endswith("Toevoegingen van de webeditie zijn gemarkeerd met ‘webeditie’.")


@needs_book
def test_the_book_text_used_by_the_check_is_corrected():
    assert "zorgen voor een verruiming" in book_text()
    assert "zorgen van een verruiming" not in book_text()
