"""The whole-book print page, tidied for a strict Content Security Policy."""

import collections
import re

from macros.render.stylesheets import COMPLETE, print_rules_path
from macros.site.print_page import drop_heading_styles, link_pages_left_out, mark_section_headings, prefix_ids, split_print_site_assets
from sitebuild import html_path, page_url


def test_only_heading_number_styles_are_dropped():
    html = (
        "<p>x</p><style>.print-site-enumerate-headings #a > h1:before { content: '1 ' }\n"
        "  .print-site-enumerate-headings #a h2 {  counter-increment: c }</style>"
        "<style>.other { color: red }</style><style></style>"
    )
    assert drop_heading_styles(html) == "<p>x</p><style>.other { color: red }</style>"


def test_the_built_print_page_has_no_inline_style_but_its_stylesheet_and_every_worksheet(site_dir, worksheets):
    html = html_path(site_dir, page_url("print_page.md")).read_text(encoding="utf-8")
    # The print-site plugin's heading numbers are gone; the one <style> left
    # is the site's complete stylesheet (main.html), the book's part in it,
    # and the data's print rules are linked for print.
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert len(styles) == 1 and ".pig-print-intro" in styles[0] and "@page pig-" not in styles[0]
    assert "print-site-enumerate-headings #" not in html
    assert f'<link rel="stylesheet" href="{print_rules_path(COMPLETE)}" media="print">' in html
    for sheet in worksheets:
        assert f'<section class="pig-ws" data-worksheet="{sheet.id}"' in html
    assert 'data-pig-pack' not in html  # the werkmap is left out: it would print every sheet twice


def test_print_site_assets_are_split_off():
    keep, moved = split_print_site_assets(["css/print-site.css", "assets/site.css", "css/print-site-material.css"])
    assert keep == ["assets/site.css"]
    assert moved == ["css/print-site.css", "css/print-site-material.css"]


def test_only_the_print_page_loads_the_print_site_assets(site_dir):
    assets = ("print-site.css", "print-site-material.css", "print-site.js")
    reading = html_path(site_dir, page_url("deel-1/mindset.md")).read_text(encoding="utf-8")
    assert not [name for name in assets if name in reading]
    printed = html_path(site_dir, page_url("print_page.md")).read_text(encoding="utf-8")
    assert all(f'href="css/{name}"' in printed or f'src="js/{name}"' in printed for name in assets)


def test_the_logo_is_drawn_inline(site_dir):
    html = html_path(site_dir, page_url("index.md")).read_text(encoding="utf-8")
    logo = html[html.index('class="md-header__button md-logo"'):]
    assert logo.index("<svg") < logo.index("</a>")
    assert "<img" not in logo[: logo.index("</a>")]


def test_ids_the_plugin_missed_get_their_page_prefix():
    html = (
        '<section class="print-page" id="index"><sup id="fnref:a"><a href="#index-fn:a">1</a></sup>'
        '<li id="index-fn:a"><a class="footnote-backref" href="#index-fnref:a">↩</a></li></section>'
        '<section class="print-page" id="deel-1"><sup id="fnref:a"></sup><a href="#deel-1-fnref:a">↩</a></section>'
    )
    tidied = prefix_ids(html)
    assert '<sup id="index-fnref:a">' in tidied and '<sup id="deel-1-fnref:a">' in tidied
    assert 'id="fnref:a"' not in tidied


def test_links_to_pages_left_out_go_to_the_page():
    assert link_pages_left_out('<a href="#mijn-antwoorden">x</a>', {"mijn-antwoorden": "mijn-antwoorden.html"}) == (
        '<a href="mijn-antwoorden.html">x</a>'
    )


def test_a_section_heading_that_repeats_its_first_page_is_dropped_and_another_marked():
    section = "<section class='print-page md-section' id='section-3' heading-number='3'>\n<h1>{}<a class='headerlink' href='#section-3'></a>\n</h1>\n"
    page = '<section class="print-page" id="p"><h1 id="p-t">{}<a class="headerlink" href="#p-t">#</a></h1>'
    same = mark_section_headings(section.format("Deel 1") + page.format("Deel 1"))
    assert same.count("<h1") == 1
    other = mark_section_headings(section.format("Bijlagen") + page.format("Bijlage 1"))
    assert '<h1 class="pig-web">Bijlagen' in other and other.count("<h1") == 2


def test_every_link_and_footnote_on_the_whole_book_page_leads_somewhere(site_dir):
    html = html_path(site_dir, page_url("print_page.md")).read_text(encoding="utf-8")
    ids = re.findall(r"""\sid=["']([^"']+)["']""", html)
    assert not [i for i, count in collections.Counter(ids).items() if count > 1]
    targets = re.findall(r'href="#([^"]+)"', html)
    assert len([t for t in targets if "fnref" in t]) >= 19  # the book's notes
    assert not [t for t in targets if t not in set(ids)]
