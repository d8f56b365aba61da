"""The whole book on one page (print_page.html), put together by
macros/site/book.py from the built pages, and its page on a strict
Content Security Policy."""

import collections
import datetime
import re

import pytest

from macros.render.stylesheets import COMPLETE, print_rules_path
from macros.site.book import (
    BOOK_ID,
    BookError,
    BookFront,
    Chapter,
    PageContent,
    Part,
    book_front,
    book_html,
    book_order,
    book_page_source,
    chapter_id,
    edition_day,
    fill_shell,
    link_in_book,
    read_chapter,
    write_book,
)
from sitebuild import article_html, html_path, nav_pages_of_config, page_url, text_blocks


def built_book(site_dir) -> str:
    return html_path(site_dir, page_url("print_page.md")).read_text(encoding="utf-8")


# The book's order -------------------------------------------------------------

NAV = [
    "index.md",
    {"Deel 1": ["deel-1/index.md", {"Mindset kort": "deel-1/mindset.md"}]},
    {"Planner": "gespreksplanner.md"},
    {"Werkbladen": ["werkbladen/index.md", "werkbladen/werkmap.md", "werkbladen/hefbomen.md"]},
    {"Alles weg": ["mijn-antwoorden.md"]},
    {"Elders": "https://example.org/"},
    {"Het hele werkboek afdrukken": "print_page.md"},
]


def test_the_book_follows_the_navigation_without_the_pages_it_leaves_out():
    assert book_order(NAV) == [
        Chapter("index.md", None),
        Part("Deel 1", "2", [Chapter("deel-1/index.md", None), Chapter("deel-1/mindset.md", "Mindset kort")]),
        # A part keeps its place in the navigation: the planner before it counts.
        Part("Werkbladen", "4", [Chapter("werkbladen/index.md", None), Chapter("werkbladen/hefbomen.md", None)]),
    ]
    assert [part.id for part in book_order(NAV) if isinstance(part, Part)] == ["section-2", "section-4"]


def test_a_navigation_item_of_two_titles_stops_with_one_line():
    with pytest.raises(BookError, match="2 keys, not one"):
        book_order([{"A": "a.md", "B": "b.md"}])


def test_a_page_s_id_in_the_book_is_its_address():
    assert [chapter_id(src) for src in ("index.md", "deel-1/index.md", "deel-2/feedback.md")] == ["index", "deel-1-index", "deel-2-feedback"]
    assert chapter_id("deel-2/feedback.md", use_directory_urls=True) == "deel-2-feedback"
    assert chapter_id("index.md", use_directory_urls=True) == "index"


# A page made a chapter ----------------------------------------------------------

PAGE = """<html><body><nav class="md-nav"><a href="#x">Menu</a></nav>
<div class="md-content"><article class="md-content__inner md-typeset">
<nav class="md-tags"><span class="md-tag">boven verwachting</span></nav>
<h1 id="mindset">Mindset &amp; meer<a class="headerlink" href="#mindset" title="Link naar deze sectie">#</a></h1>
<p class="pig-pdf-links pig-ui"><a href="../pdf/werkbladen/hefbomen.pdf">PDF</a></p>
<p>Seligman<sup id="fnref:s"><a class="footnote-ref" href="#fn:s">1</a></sup> en
<a href="talenten.html#sterk">talenten</a>, <a href="../deel-2/index.html">Deel 2</a>,
<a href="../mijn-antwoorden.html#lijst">je antwoorden</a>, <a href="../werkbladen/werkmap.html">de werkmap</a>,
<a href="../pdf/mindset-test.pdf">de test</a>, <a href="https://example.org/a#b">elders</a>, <a href="mailto:x@example.org">mail</a>.</p>
<section aria-labelledby="uitkomst"><h2 id="uitkomst">Uitkomst</h2>
<label for="veld">Veld</label><input id="veld" type="radio" name="gebied" value="werk"><br/>
<svg viewBox="0 0 10 10"><linearGradient id="g"></linearGradient><use href="#g"/></svg></section>
<div class="footnote"><ol><li id="fn:s"><p>Een noot.<a class="footnote-backref" href="#fnref:s" title="Terug">&#8617;</a></p></li></ol></div>
<p class="pig-print-source">Uit het werkboek: Mindset.</p>
</article></div><footer><a href="#top">Omhoog</a></footer></body></html>"""

CHAPTERS = {"deel-1/mindset.html": "deel-1-mindset", "deel-1/talenten.html": "deel-1-talenten", "deel-2/index.html": "deel-2-index", "deel-2/": "deel-2-index"}


def chapter(page=PAGE):
    def link(href):
        return link_in_book(href, key="deel-1-mindset", url="deel-1/mindset.html", chapters=CHAPTERS, here="")

    return read_chapter(page, "deel-1-mindset", link)


def test_a_page_s_ids_and_their_references_get_the_page_s_id_before_them():
    html = chapter().html
    assert '<h1 id="deel-1-mindset-mindset">' in html and 'href="#deel-1-mindset-mindset" title="Link naar deze sectie">#</a>' in html
    # The note, its mark and the way back.
    assert '<sup id="deel-1-mindset-fnref:s"><a class="footnote-ref" href="#deel-1-mindset-fn:s">1</a></sup>' in html
    assert '<li id="deel-1-mindset-fn:s">' in html and 'href="#deel-1-mindset-fnref:s"' in html
    # Labels, names of an element, a radio button's group, an SVG's reference.
    assert '<section aria-labelledby="deel-1-mindset-uitkomst">' in html and '<h2 id="deel-1-mindset-uitkomst">' in html
    assert '<label for="deel-1-mindset-veld">' in html
    assert '<input id="deel-1-mindset-veld" type="radio" name="deel-1-mindset-gebied" value="werk">' in html
    assert '<linearGradient id="deel-1-mindset-g"></linearGradient><use href="#deel-1-mindset-g" />' in html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert ids and all(i.startswith("deel-1-mindset-") for i in ids)


def test_links_lead_within_the_book_or_from_the_book_s_page_to_the_rest_of_the_site():
    html = chapter().html
    assert '<a href="#deel-1-talenten-sterk">talenten</a>' in html
    assert '<a href="#deel-2-index">Deel 2</a>' in html
    # Pages the book leaves out and files: their address from the book's page.
    assert '<a href="mijn-antwoorden.html#lijst">je antwoorden</a>' in html
    assert '<a href="werkbladen/werkmap.html">de werkmap</a>' in html
    assert '<a href="pdf/mindset-test.pdf">de test</a>' in html
    assert '<a href="https://example.org/a#b">elders</a>' in html and '<a href="mailto:x@example.org">mail</a>' in html


def test_a_link_from_a_book_page_in_a_folder():
    def link(href):
        return link_in_book(href, key="deel-2-index", url="deel-2/", chapters=CHAPTERS, here="print_page")

    assert link("../mijn-antwoorden/") == "../mijn-antwoorden/"
    assert link("#x") == "#deel-2-index-x" and link("./") == "#deel-2-index"


def test_a_chapter_is_the_page_s_content_without_the_template_s_additions():
    content = chapter()
    assert content.title == "Mindset & meer"
    assert content.permalink == ("#", "Link naar deze sectie")
    for chrome in ["md-tags", "boven verwachting", "pig-print-source", "Uit het werkboek", "pig-pdf-links", "Menu", "Omhoog", "<article", "</article>"]:
        assert chrome not in content.html, chrome
    assert content.html.startswith('<h1 id="deel-1-mindset-mindset">Mindset &amp; meer') and content.html.endswith("</div>")


def test_a_chapter_is_the_same_from_either_engine():
    """Zensical puts the target of its skip link in the article and leaves
    the search's attributes out; MkDocs keeps them. The book is the same
    (and so is its PDF, drawn once for both)."""
    mkdocs = '<article class="md-content__inner md-typeset"><h1 id="t">T</h1><aside class="x" data-search-exclude>a</aside></article>'
    zensical = '<article class="md-content__inner md-typeset"><a id="__skip" tabindex="-1"></a>\n    \n<h1 id="t">T</h1><aside class="x">a</aside></article>'
    expected = '<h1 id="k-t">T</h1><aside class="x">a</aside>'
    assert read_chapter(mkdocs, "k", lambda href: href).html == expected == read_chapter(zensical, "k", lambda href: href).html


def test_a_page_without_its_article_stops_the_book_with_one_line():
    with pytest.raises(BookError, match=r"^The whole book: site/x.html has no article"):
        read_chapter("<html><body><p>x</p></body></html>", "x", str, name="site/x.html")


# The shell page ------------------------------------------------------------------


def test_the_shell_page_is_a_title_and_the_book_s_empty_element():
    source = book_page_source()
    assert source.startswith("---\ntitle: Het hele werkboek afdrukken\n") and "search:\n  exclude: true\n" in source
    assert source.rstrip().endswith(f'<div id="{BOOK_ID}"></div>')


def test_the_book_takes_the_place_of_the_shell_s_element_and_of_the_title_the_template_added():
    shell = (
        '<header><h1>Kop</h1></header><article class="md-content__inner md-typeset"><h1>Het hele werkboek afdrukken</h1>'
        f'<div id="{BOOK_ID}"></div><p class="pig-print-source">Het werkboek.</p></article>'
    )
    filled = fill_shell(shell, '<div id="print-site-page"><h1>Boek</h1></div>')
    assert filled == (
        '<header><h1>Kop</h1></header><article class="md-content__inner md-typeset">'
        '<div id="print-site-page"><h1>Boek</h1></div><p class="pig-print-source">Het werkboek.</p></article>'
    )
    with pytest.raises(BookError, match="has no empty <div id=\"print-site-page\">"):
        fill_shell("<article class='md-content__inner'><p>x</p></article>", "")


def test_write_book_puts_parts_and_chapters_together(tmp_path):
    def page(title, body=""):
        return f'<article class="md-content__inner md-typeset"><h1 id="t">{title}<a class="headerlink" href="#t" title="Link">#</a></h1>{body}</article>'

    (tmp_path / "deel-1").mkdir()
    (tmp_path / "index.html").write_text(page("Dit werkboek", '<p><a href="deel-1/b.html#t">b</a></p>'), encoding="utf-8")
    (tmp_path / "deel-1" / "index.html").write_text(page("Deel 1"), encoding="utf-8")
    (tmp_path / "deel-1" / "b.html").write_text(page("Bee"), encoding="utf-8")
    (tmp_path / "print_page.html").write_text(f'<article class="md-content__inner"><div id="{BOOK_ID}"></div></article>', encoding="utf-8")
    nav = [{"Dit werkboek": "index.md"}, {"Deel 1": ["deel-1/index.md"]}, {"Deel twee": ["deel-1/b.md"]}]
    path = write_book(tmp_path, nav, BookFront('<section id="print-site-cover-page">Omslag</section>', "<section>Colofon</section>"))
    html = path.read_text(encoding="utf-8")
    assert html.index("Omslag") < html.index("Colofon") < html.index('id="print-site-banner"') < html.index('id="print-page-toc"')
    # A part whose first page has its title has no heading of its own; another
    # has the navigation's, marked as the web edition's, with its permalink.
    assert '<section class="print-page md-section" id="section-2"><section class="print-page" id="deel-1-index"><h1 id="deel-1-index-t">' in html
    assert '<section class="print-page md-section" id="section-3"><h1 class="pig-web">Deel twee<a class="headerlink" href="#section-3" title="Link">#</a></h1>' in html
    assert '<a href="#deel-1-b-t">b</a>' in html
    toc = html[html.index('id="print-page-toc"') : html.index("</nav>")]
    assert re.findall(r'<a href="#([^"]+)">([^<]+)</a>', toc) == [
        ("index", "Dit werkboek"), ("section-2", "Deel 1"), ("deel-1-index", "Deel 1"), ("section-3", "Deel twee"), ("deel-1-b", "Bee"),
    ]  # fmt: skip
    (tmp_path / "deel-1" / "b.html").unlink()
    with pytest.raises(BookError, match=r"^The whole book: docs/deel-1/b.md \(in the navigation\) was not built"):
        write_book(tmp_path, nav, BookFront("", ""))


def test_the_front_says_which_edition_and_links_to_the_verantwoording_in_the_book():
    front = book_front(
        title="Positief in Gesprek", description="Een <werkboek>", authors="Rosa en Saskia", copyright="© R en S",
        site_url=None, corrections=19, version="1.2.3", day=datetime.date(2026, 12, 7),
    )  # fmt: skip
    assert '<section id="print-site-cover-page">' in front.cover and "<h1>Positief in Gesprek</h1>" in front.cover
    assert "<p>Een &lt;werkboek&gt;</p>" in front.cover and "Webeditie 1.2.3<br>7 december 2026" in front.cover
    assert 'href="#verantwoording"' in front.colophon and "verbetert 19 kleine fouten" in front.colophon


def test_titles_of_the_navigation_and_the_pages_are_words_never_markup():
    order = [Part('<img src=x onerror="alert(1)">', "1", [Chapter("a.md", None), Chapter("b.md", "<b>B</b>")])]
    contents = {
        "a.md": PageContent("<h1>A</h1>", "<script>alert(1)</script>", None),
        "b.md": PageContent("<h1>B</h1>", "B", None),
    }
    html = book_html(order, contents, BookFront("", ""), werkmap_href="werkmap.html")
    assert "<img" not in html and "<script" not in html and "<b>B</b>" not in html
    assert '<h1 class="pig-web">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</h1>' in html  # no permalink to copy
    assert '<a href="#a">&lt;script&gt;alert(1)&lt;/script&gt;</a>' in html and '<a href="#b">&lt;b&gt;B&lt;/b&gt;</a>' in html


def test_the_edition_s_day_is_the_build_s_or_source_date_epoch_s():
    assert edition_day({"SOURCE_DATE_EPOCH": "1796256000"}) == datetime.date(2026, 12, 3)
    assert edition_day({}) == datetime.date.today()


# The built book ----------------------------------------------------------------------


def test_the_built_print_page_has_no_inline_style_but_its_stylesheet_and_every_worksheet(site_dir, worksheets):
    html = built_book(site_dir)
    # The one <style> is the site's complete stylesheet (main.html), the
    # book's part in it, and the data's print rules are linked for print.
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert len(styles) == 1 and ".pig-print-intro" in styles[0] and "@page pig-" not in styles[0]
    assert f'<link rel="stylesheet" href="{print_rules_path(COMPLETE)}" media="print">' in html
    for sheet in worksheets:
        assert f'<section class="pig-ws" data-worksheet="{sheet.id}"' in html
    assert "data-pig-pack" not in html  # the werkmap is left out: it would print every sheet twice
    assert "print-site" not in "".join(re.findall(r'<(?:link|script)[^>]*>', html))  # nothing of the plugin's


def test_the_book_holds_every_page_in_the_book_s_order_with_its_parts(site_dir):
    html = built_book(site_dir)
    sections = re.findall(r"<section class=\"print-page(?: md-section)?\" id=\"([^\"]+)\"", html)
    assert sections[:9] == ["index", "reflectie-belangrijk", "section-3", "deel-1-index", "deel-1-mindset", "deel-1-broaden-and-build", "deel-1-talenten", "deel-1-hefbomen", "section-4"]
    assert sections[-3:] == ["werkbladen-reflected-best-self", "bronnen", "verantwoording"]
    assert not {"gespreksplanner", "mijn-antwoorden", "offline-lezen", "werkbladen-werkmap"} & set(sections)
    # A part's own heading where its first page has another title, marked.
    parts = re.findall(r'<section class="print-page md-section" id="([^"]+)"><h1 class="pig-web">([^<]+)<', html)
    assert parts == [
        ("section-4", "Deel 2 — Terugkijken met elkaar"), ("section-5", "Deel 3 — Vooruitkijken met elkaar"),
        ("section-6", "Deel 4 — Voorbeeldgesprekken"), ("section-9", "Deel 5 — Als je vastloopt in een gesprek"),
        ("section-12", "Bijlagen"),
    ]  # fmt: skip
    toc = html[html.index('<nav class="print-page-toc-nav pig-ui" aria-label="Inhoud">') :]
    toc = toc[: toc.index("</nav>")]
    assert len(re.findall(r"<a href=\"#", toc)) == 66 and '<a href="#deel-4-myra">Myra</a>' in toc


def test_every_page_s_words_are_in_the_book_as_on_the_page(site_dir):
    """The text of each page's article, block by block, stands in the book in
    the same order (the page's tags, its "printed from" line and the links
    to its PDFs aside)."""
    book = text_blocks(article_html(built_book(site_dir)))
    position = 0
    pages = nav_pages_of_config()
    pages = [src for src in pages if src not in ("werkbladen/werkmap.md", "mijn-antwoorden.md", "offline-lezen.md", "gespreksplanner.md")]
    for src in pages:
        article = article_html(html_path(site_dir, page_url(src)).read_text(encoding="utf-8"))
        article = re.sub(r'<nav class="md-tags".*?</nav>|<p class="(?:pig-print-source|pig-pdf-links[^"]*)">.*?</p>', "", article, flags=re.S)
        blocks = text_blocks(article)
        found = next((i for i in range(position, len(book)) if book[i : i + len(blocks)] == blocks), None)
        assert found is not None, f"{src}: its text is not in the book after the page before it"
        position = found + len(blocks)
    assert len(pages) == 39


def test_the_book_has_no_tags_and_one_printed_from_line(site_dir):
    article = article_html(built_book(site_dir))
    assert "md-tag" not in article
    assert article.count('class="pig-print-source"') == 1
    assert "Het hele werkboek afdrukken</h1>" not in article  # the template's title of the shell


def test_every_link_and_footnote_on_the_whole_book_page_leads_somewhere(site_dir):
    html = built_book(site_dir)
    ids = re.findall(r"""\sid=["']([^"']+)["']""", html)
    assert not [i for i, count in collections.Counter(ids).items() if count > 1]
    targets = re.findall(r'href="#([^"]+)"', html)
    assert len([t for t in targets if "fnref" in t]) >= 19  # the book's notes
    assert not [t for t in targets if t not in set(ids)]
    # Pages the book leaves out are linked where they are.
    for address in ["gespreksplanner.html", "mijn-antwoorden.html", "werkbladen/werkmap.html", "offline-lezen.html"]:
        assert f'href="{address}"' in html, address
        assert html_path(site_dir, address).is_file()


def test_the_logo_is_drawn_inline(site_dir):
    html = html_path(site_dir, page_url("index.md")).read_text(encoding="utf-8")
    logo = html[html.index('class="md-header__button md-logo"'):]
    assert logo.index("<svg") < logo.index("</a>")
    assert "<img" not in logo[: logo.index("</a>")]
