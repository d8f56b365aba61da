"""The pieces of the whole book on one page that are not the site's pages:
its cover, the note above it on screen, its table of contents and the
headings of its parts (``macros/site/book.py`` puts the book together).

The ids and classes are the ones the book's stylesheets and the PDF read
(``#print-site-page``, ``#print-site-cover-page``, ``#print-site-banner``,
``#print-page-toc``, ``.print-page-toc-nav``, ``.md-section``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from markupsafe import Markup

from macros.render.templating import render

TOC_TITLE = "Inhoud"


@dataclass
class TocEntry:
    """A line of the table of contents: a part (with its chapters) or a chapter."""

    title: str
    target: str  # the id it leads to
    children: list["TocEntry"] = field(default_factory=list)


def render_cover(*, title: str, description: str, authors: str, edition: str) -> str:
    """The book's cover: its title, the site's description of it, its
    authors and ``edition`` (HTML: which edition this is)."""
    return render("book/cover.html", title=title, description=description, authors=authors, edition=Markup(edition))


def render_intro(werkmap_href: str) -> str:
    """What printing the page gives, and its print button (screen only)."""
    return render("book/intro.html", werkmap_href=werkmap_href)


def render_toc(entries: list[TocEntry]) -> str:
    """The table of contents: a link to every part and chapter. (The book's
    PDF puts its own in its place, with page numbers.)"""

    def items(level: list[TocEntry]) -> str:
        rows = []
        for entry in level:
            children = f"<ul>{items(entry.children)}</ul>" if entry.children else ""
            rows.append(f'<li><a href="#{escape(entry.target)}">{escape(entry.title)}</a>{children}</li>')
        return "".join(rows)

    return (
        '<section class="print-page"><div id="print-page-toc">'
        f'<nav class="print-page-toc-nav pig-ui" aria-label="{TOC_TITLE}">'
        f'<h1 class="print-page-toc-title">{TOC_TITLE}</h1><ul>{items(entries)}</ul></nav></div></section>'
    )


def render_part_heading(title: str, target: str, permalink: tuple[str, str] | None) -> str:
    """The heading of a part of the book (a section of the navigation):
    its words are the navigation's, so it is marked as the web edition's.
    ``permalink``: the text and title of the link to it, as the pages' own
    headings have them (none: no link)."""
    link = ""
    if permalink is not None:
        text, link_title = permalink
        link = f'<a class="headerlink" href="#{escape(target)}" title="{escape(link_title)}">{escape(text)}</a>'
    return f'<h1 class="pig-web">{escape(title)}{link}</h1>'
