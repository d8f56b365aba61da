"""The whole-book print page, tidied for a strict Content Security Policy."""

from macros.print_page import drop_heading_styles
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
