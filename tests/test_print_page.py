"""The whole-book print page, tidied for a strict Content Security Policy."""

from macros.site.print_page import drop_heading_styles, split_print_site_assets
from sitebuild import html_path, page_url


def test_only_heading_number_styles_are_dropped():
    html = (
        "<p>x</p><style>.print-site-enumerate-headings #a > h1:before { content: '1 ' }\n"
        "  .print-site-enumerate-headings #a h2 {  counter-increment: c }</style>"
        "<style>.other { color: red }</style><style></style>"
    )
    assert drop_heading_styles(html) == "<p>x</p><style>.other { color: red }</style>"


def test_the_built_print_page_has_no_inline_style_and_every_worksheet(site_dir, worksheets):
    html = html_path(site_dir, page_url("print_page.md")).read_text(encoding="utf-8")
    assert "<style" not in html
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
