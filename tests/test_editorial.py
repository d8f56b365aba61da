"""The editorial rule: every block of text is the book's, or visibly the
web edition's own, or interface; corrections are applied and listed; the
print footer says truthfully where a page comes from."""

import re
import unicodedata

import pytest

from editorial import (
    BADGE,
    WEB_PAGE_CLASS,
    book_text,
    joined_lines,
    pdf_marked_without_badge,
    pdf_unmarked_lines,
    unmarked_additions,
    words,
)
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
@pytest.mark.parametrize(
    "html",
    [
        # A label and a list of links the book does not have ("In dit deel").
        "<p>In dit deel:</p>",
        '<ul><li><a href="mindset.html">Mindset</a></li></ul>',
        # A heading made of a word out of a sentence of the book.
        "<h2>Zelfonderzoek</h2>",
        # Words in a figure the book's figure does not have.
        '<figure><svg><text x="1">vandaag</text></svg></figure>',
        '<svg><g><text>leidt tot</text></g></svg>',
        # The site's controls, labels and legends.
        '<p><a class="md-button" href="../werkbladen/x.html">Werkblad om af te drukken: Hefbomen</a></p>',
        '<p><button type="button">Werkblad afdrukken</button></p>',
        "<form><fieldset><legend>Welk gebied uit je leven neem je in je hoofd?</legend></fieldset></form>",
        '<label><input type="checkbox"> Afdrukken met mijn antwoorden</label>',
        # The whole-book page's tags above a heading.
        "<nav class='md-tags'><span class='md-tag'>boven verwachting</span></nav>",
    ],
)
def test_the_check_finds_each_kind_of_unmarked_addition(html):
    assert unmarked_additions(html), html
    for marked in (f'<div class="pig-web">{html}</div>', f'<div class="pig-ui">{html}</div>'):
        assert not unmarked_additions(marked), marked


@needs_book
def test_the_book_s_own_short_blocks_pass():
    for html in [
        "<h2>Hoe spoor je talenten op?</h2>",
        "<svg><text>Creatieve spanning</text><text>Verlangen, ambitie</text></svg>",
        "<th>Aard van het gesprek</th>",
        "<li>nog (lang) niet behaald</li>",
        "<h2>1. Succes: complimenteren en analyseren</h2>",
    ]:
        assert not unmarked_additions(html), html


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


def verantwoording_tables(site_dir) -> dict[str, list[list[str]]]:
    """The Verantwoording's tables, by their header cells ("In het boek |
    In deze editie | …"): the rows' cells as text."""
    html = article_html(html_path(site_dir, page_url("verantwoording.md")).read_text(encoding="utf-8"))
    tables = {}
    for table in re.findall(r"<table>(.*?)</table>", html, re.S):
        header = " | ".join(re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S))
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
        tables[header] = [
            [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows
        ]
        tables[header] = [row for row in tables[header] if row]
    return tables


def test_verantwoording_lists_every_correction_in_the_books_order(site_dir):
    tables = verantwoording_tables(site_dir)
    corrections = load_content().corrections
    listed = [(row[0], row[1]) for row in tables["In het boek | In deze editie | Soort | Waar in het boek"]]
    for correction in corrections:
        assert (correction.printed, correction.corrected) in listed, correction.id
    lines = {(c.printed, c.corrected): c.line for c in corrections}
    assert [lines[row] for row in listed] == sorted(lines[row] for row in listed), "not in the book's order"
    for expected in [("+ 5 mensen", "± 5 mensen"), ("Gallup Strengthsfinder", "Gallup StrengthsFinder"), ("gesprekken voeren ?", "gesprekken voeren?")]:
        assert expected in listed, expected
    kept = tables["In het boek | Waar in het boek | Waarom niet verbeterd"]
    assert {row[0] for row in kept} == {slip.printed for slip in corrections.kept}


def test_verantwoording_lists_the_text_moved_with_where_it_stood(site_dir):
    moved = verantwoording_tables(site_dir)["Wat | Waar het in de tekstversie staat | Waar het in de webeditie staat"]
    jeffrey = [row for row in moved if row[0].startswith("Deel 4, Jeffrey")]
    assert jeffrey and "Wat/wie heb je nodig?" in jeffrey[0][0]
    assert "regel 2521" in jeffrey[0][1] and "samen een experiment bedenken:" in jeffrey[0][2]
    assert BOOK.read_text(encoding="utf-8").splitlines()[2520].startswith("• Waar wil jij dan nu")


@needs_book
def test_unmarked_texts_of_the_worksheets_are_the_books_to_the_letter():
    """A worksheet's texts not marked as the web edition's stand in the
    book as printed: punctuation and capitals too (the page check compares
    words only). A sentence taken from a longer one may start with a capital;
    a hyphen at a line's end may be the word's own ("nog-niet-behaald")."""
    raw = BOOK.read_text(encoding="utf-8")

    def prepared(text: str) -> str:
        text = re.sub(r"(?<=[a-zé?’])\d{1,2}(?:,\d{1,2})?(?=[\s.,:;])", "", text)
        text = " ".join(unicodedata.normalize("NFC", text).replace("•", " ").split())
        for correction in load_content().corrections:
            text = text.replace(correction.printed, correction.corrected)
        return text

    books = [prepared(joined_lines(raw)), prepared(re.sub(r"(\S-)[ \t]*\n\s*(\w)", r"\1\2", raw))]

    def printed(text: str) -> bool:
        text = " ".join(text.split())
        return any(form in book for book in books for form in (text, text[:1].lower() + text[1:]))

    changed = []
    for sheet in load_content().worksheets:
        texts = [(text, "intro" in sheet.web) for text in sheet.intro]
        for section in sheet.sections:
            texts += [(text, "intro" in section.web) for text in section.intro]
            texts += [(text, "after" in section.web) for text in section.after]
            for question in section.questions:
                texts += [(question.text, question.web)] + [(item, question.web) for item in question.items]
        changed += [f"{sheet.id}: {text}" for text, marked in texts if not marked and not printed(text)]
    assert not changed, "\n".join(changed)


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


@pytest.fixture(scope="module")
def book_pdf_pages(site_dir) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(site_dir / "pdf/positief-in-gesprek.pdf").pages]


@needs_book
def test_the_book_pdf_prints_nothing_unmarked_and_badges_every_addition(site_dir, book_pdf_pages):
    print_html = article_html(html_path(site_dir, "print_page.html").read_text(encoding="utf-8"))
    unmarked = pdf_unmarked_lines(book_pdf_pages, print_html)
    assert not unmarked, "\n".join(f"p. {page}: {text}" for page, text in unmarked)
    assert not pdf_marked_without_badge(book_pdf_pages, print_html)
    assert sum(text.count(BADGE) for text in book_pdf_pages) >= 40, "too few badges: is the check looking?"


@needs_book
def test_the_pdf_checks_find_an_addition_and_a_missing_badge():
    html = '<section class="print-page" id="x"><p>Onze mindset is de manier waarop iemand denkt.</p><div class="pig-web"><p>Een kader van de webeditie over iets.</p></div></section>'
    shown = ["Onze mindset is de manier waarop iemand denkt.\nWEBEDITIE\nEen kader van de webeditie over iets.\nPositief in Gesprek — webeditie 3"]
    assert pdf_unmarked_lines(shown, html) == []
    assert pdf_marked_without_badge(shown, html) == []
    added = [shown[0] + "\nEen zin die alleen de PDF heeft."]
    assert [(page, text[-27:]) for page, text in pdf_unmarked_lines(added, html)] == [(1, "zin die alleen de pdf heeft")]
    assert pdf_marked_without_badge([shown[0].replace(BADGE, "")], html) == ["een kader van de webeditie over"]


def test_no_page_escapes_its_words_twice(site_dir):
    """A title from a heading ("Broaden & Build") once reached Material's
    footer as "Broaden &amp;amp; Build"."""
    pages = list(site_dir.rglob("*.html"))
    assert len(pages) > 50
    twice = [path.relative_to(site_dir).as_posix() for path in pages if "&amp;amp;" in path.read_text(encoding="utf-8")]
    assert not twice, twice
    mindset = html_path(site_dir, page_url("deel-1/mindset.md")).read_text(encoding="utf-8")
    assert 'aria-label="Volgende: Broaden &amp; Build theorie"' in mindset
