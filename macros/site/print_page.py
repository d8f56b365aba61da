"""Tidy the whole-book print page written by mkdocs-print-site-plugin.

The plugin's assets are moved from every page to the print page alone.
The plugin always appends an inline ``<style>`` that numbers headings, even
with ``enumerate_headings: false``. Its rules are dead then, and an inline
style would need ``'unsafe-inline'`` in the Content Security Policy (its
content changes with every page added, so a hash would not hold).
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.render.notes import separate_note_marks

# What the plugin adds to every page, though only its print page uses it.
PRINT_SITE_ASSETS = ("css/print-site.css", "css/print-site-material.css", "js/print-site.js")

_HEADING_STYLE = re.compile(r"<style>(?:\s*\.print-site-enumerate-headings[^{]*\{[^}]*\})*\s*</style>")


def drop_heading_styles(html: str) -> str:
    """``html`` without style elements that only number headings."""
    return _HEADING_STYLE.sub("", html)


# A section of the navigation opens with a heading of its own: the
# navigation's title, then the section's first page with its title.
_SECTION_HEADING = re.compile(
    r"(<section class='print-page md-section'[^>]*>\s*)<h1>(.*?)<a class='headerlink'(.*?)</h1>"
    r"(\s*<section class=\"print-page\"[^>]*><h1[^>]*>)(.*?)<a ",
    re.S,
)


def mark_section_headings(html: str) -> str:
    """A navigation section's heading is dropped where the section's first
    page has the same title, and marked as the web edition's where it does
    not (its words are the navigation's, not the book's)."""

    def tidy(match: re.Match) -> str:
        opening, title, rest, page_opening, page_title = match.groups()
        if title.strip() == page_title.strip():
            return f"{opening}{page_opening}{page_title}<a "
        return f"{opening}<h1 class=\"pig-web\">{title}<a class='headerlink'{rest}</h1>{page_opening}{page_title}<a "

    return _SECTION_HEADING.sub(tidy, html)


_PAGE_SECTION = re.compile(r'<section class="print-page" id="([^"]+)"')
def prefix_ids(html: str) -> str:
    """The plugin gives each page's ids and links its page's id ("index-fn:x",
    "#index-fnref:x"), but misses some ids: a footnote reference's own
    ("fnref:x") and a title after the tags ("myra-..."). A link of a page to
    "#<page>-<id>" where only "<id>" is on that page gets the id renamed, so
    back-links and permalinks lead where they point."""
    parts = []
    starts = list(_PAGE_SECTION.finditer(html))
    parts.append(html[: starts[0].start()] if starts else html)
    for number, start in enumerate(starts):
        end = starts[number + 1].start() if number + 1 < len(starts) else len(html)
        section = html[start.start() : end]
        prefix = start.group(1) + "-"
        for target in set(re.findall(rf'href="#{re.escape(prefix)}([^"]+)"', section)):
            if f'id="{prefix}{target}"' not in section and f'id="{target}"' in section:
                section = section.replace(f'id="{target}"', f'id="{prefix}{target}"')
        parts.append(section)
    return "".join(parts)


def link_pages_left_out(html: str, left_out: dict[str, str]) -> str:
    """A link to a page the print page leaves out ("#mijn-antwoorden") goes
    to that page itself (``left_out``: the plugin's id for it, its address)."""
    for page_id, address in left_out.items():
        if f'id="{page_id}"' not in html:
            html = html.replace(f'href="#{page_id}"', f'href="{address}"')
    return html


_TAGS = re.compile(r"<nav class='md-tags'>.*?</nav>", re.S)


def drop_tags(html: str) -> str:
    """The plugin prints a page's tags above its title. They are search
    metadata (the Deel 4 pages' "boven verwachting" and so on: the web
    edition's reading, shown marked on the page itself), not the book's."""
    return _TAGS.sub("", html)


_TOC_NAV = "<nav role='navigation' class='print-page-toc-nav'>"


def mark_toc(html: str) -> str:
    """The plugin's table of contents is the web edition's navigation."""
    return html.replace(_TOC_NAV, "<nav role='navigation' class='print-page-toc-nav pig-ui' aria-label='Inhoud'>", 1)


_COVER = re.compile(r'(<div class="pig-cover[^"]*">.*?)(</div>\s*</section>)', re.S)


def add_edition(html: str, cover: str, colophon: str) -> str:
    """The cover with ``cover`` (which edition) at its end, and the
    ``colophon`` on the page after it."""
    return _COVER.sub(lambda m: f"{m.group(1)}{cover}{m.group(2)}\n{colophon}", html, count=1)


def tidy_print_page(path: Path, left_out: dict[str, str] | None = None, cover: str = "", colophon: str = "") -> bool:
    """Rewrite the print page in place; False when there is none.
    ``left_out`` maps the plugin's id of each page it leaves out to that
    page's address from the print page; ``cover`` and ``colophon`` say
    which edition this is (``add_edition``)."""
    if not path.is_file():
        return False
    html = mark_section_headings(drop_heading_styles(path.read_text(encoding="utf-8")))
    html = separate_note_marks(add_edition(mark_toc(drop_tags(html)), cover, colophon))
    html = link_pages_left_out(prefix_ids(html), left_out or {})
    path.write_text(html, encoding="utf-8")
    return True


def split_print_site_assets(paths: list) -> tuple[list, list[str]]:
    """(the paths every page keeps, the print-site plugin's own ones).

    The plugin lists its stylesheets and script for every page; only the
    print page needs them (three requests fewer on every other page).
    """
    keep, moved = [], []
    for path in paths:
        (moved if str(path) in PRINT_SITE_ASSETS else keep).append(path)
    return keep, [str(path) for path in moved]
