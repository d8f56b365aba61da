"""The whole book on one page (``print_page.html``), put together from the
site's built pages in the book's order.

The engine renders a shell page (``book_page_source``: the page's title and
an empty ``<div id="print-site-page">``) with the site's template, like any
other page. After the build, ``write_book`` fills it: the cover and the
colophon, what printing gives (on screen only), a table of contents, then
every page of the navigation but the ones the book leaves out
(``LEFT_OUT``), each in a ``<section class="print-page" id="<page>">``.
A section of the navigation is a part of the book, a
``<section class="print-page md-section">``, headed by the navigation's
title where that differs from its first page's own (marked as the web
edition's: the words are the navigation's).

One page holds the ids of every page, so each id of a page gets the page's
id before it ("fnref:x" on ``index.html`` becomes "index-fnref:x"), and so
does every reference to it: a link within the page or to another page of
the book becomes a link within the book, so notes, their back-links,
permalinks and cross-references lead where they led; a link to a page the
book leaves out, or to a file, goes there from the book's page.

Plain functions over the built files and the navigation as ``mkdocs.yml``
writes it; the pages are read with an HTML parser. Nothing here imports an
engine.
"""

from __future__ import annotations

import datetime
import html as html_lib
import os
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from macros.render.book import TocEntry, render_cover, render_intro, render_part_heading, render_toc
from macros.render.edition import ABOUT_PAGE, render_colophon, render_cover_edition
from macros.render.pdf import LINKS_CLASS
from macros.site.navigation import MY_ANSWERS, PLANNER, WERKMAP

# The shell page: its source under docs/ and its title.
BOOK_PAGE = "print_page.md"
BOOK_TITLE = "Het hele werkboek afdrukken"
# The element of the shell page that the book takes the place of.
BOOK_ID = "print-site-page"
# Pages of the navigation that are not in the printed book.
LEFT_OUT = (
    WERKMAP,  # it prints the worksheets, which the book holds already
    MY_ANSWERS,  # the reader's own answers, in this browser
    "offline-lezen.md",  # about the site, not the book
    PLANNER,  # it prints its own gesprekskaart
)

# What the template puts around a page's content inside its article: the
# page's tags (search metadata, not the book's), the buttons to edit it,
# the line saying where a printed page comes from (overrides/main.html; the
# book has its own), and the links to the page's PDFs (the book's page has
# the book's).
CHROME_CLASSES = frozenset({"md-tags", "md-content__button", "md-source-file", "pig-print-source", LINKS_CLASS})
# The same by id: the target of Zensical's "skip to content" link.
CHROME_IDS = frozenset({"__skip"})
# Attributes for the site's search, which leaves the book's page out.
SEARCH_ATTRIBUTES = frozenset({"data-search-exclude"})

# Attributes that name ids of the same page.
ID_REFERENCES = frozenset({
    "for", "headers", "list", "form", "popovertarget", "commandfor",
    "aria-activedescendant", "aria-controls", "aria-describedby", "aria-details",
    "aria-errormessage", "aria-flowto", "aria-labelledby", "aria-owns",
})  # fmt: skip
# Form fields whose ``name`` groups them (radio buttons): one group per page.
NAMED_FIELDS = frozenset({"input", "select", "textarea"})
VOID_ELEMENTS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
})  # fmt: skip


class BookError(ValueError):
    """The book cannot be put together: one line naming the file."""


def book_page_source() -> str:
    """The Markdown of the shell page: the book is written into it after
    the build. Left out of the search (every word is on its own page);
    no table of contents beside it (the book has its own, in the page).
    Publish gives it the tables' script, as to every page with a table."""
    return (
        "---\n"
        f"title: {BOOK_TITLE}\n"
        "search:\n  exclude: true\n"
        "hide:\n  - toc\n"
        "---\n\n"
        f'<div id="{BOOK_ID}"></div>\n'
    )


# The book's order ---------------------------------------------------------


@dataclass
class Chapter:
    """A page of the site in the book."""

    src: str  # under docs/
    title: str | None  # the navigation's title, if it gives one


@dataclass
class Part:
    """A section of the navigation: the pages under its title."""

    title: str
    number: str  # its place in the navigation: "3", or "3-2" in a section
    children: list[Chapter | Part]

    @property
    def id(self) -> str:
        return f"section-{self.number}"


def book_order(nav: list, left_out: tuple[str, ...] = LEFT_OUT) -> list[Chapter | Part]:
    """The parts and chapters of the book from a navigation as ``mkdocs.yml``
    writes it (``"page.md"``, ``{"Title": "page.md"}``, ``{"Title": [...]}``),
    the generated pages included: every page but those ``left_out``, the
    book's own page and links. A part is numbered by its place among its
    siblings, the pages left out counted."""

    def walk(items: list, prefix: str) -> list[Chapter | Part]:
        found: list[Chapter | Part] = []
        for number, item in enumerate(items, start=1):
            title, value = None, item
            if isinstance(item, dict):
                if len(item) != 1:
                    raise BookError(f"The whole book: an item of the navigation has {len(item)} keys, not one: {item!r}")
                ((title, value),) = item.items()
            if isinstance(value, str):
                if value.endswith(".md") and value not in left_out and value != BOOK_PAGE:
                    found.append(Chapter(value, title))
            elif isinstance(value, list):
                part = Part(str(title or ""), f"{prefix}{number}", walk(value, f"{prefix}{number}-"))
                if part.children:
                    found.append(part)
            else:
                raise BookError(f"The whole book: an item of the navigation is neither a page nor a section: {item!r}")
        return found

    return walk(nav, "")


def chapters_of(order: list[Chapter | Part]) -> list[Chapter]:
    """Every chapter of ``order``, depth first."""
    found: list[Chapter] = []
    for item in order:
        found.extend(chapters_of(item.children) if isinstance(item, Part) else [item])
    return found


def page_url(src: str, use_directory_urls: bool = False) -> str:
    """The address of a page from the site's root ("deel-1/index.html", or
    "deel-1/" with directory addresses)."""
    stem = src.removesuffix(".md")
    if not use_directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def page_file(src: str, use_directory_urls: bool = False) -> str:
    """Where the built page is, under the site's folder."""
    url = page_url(src, use_directory_urls)
    return f"{url}index.html" if url == "" or url.endswith("/") else url


def chapter_id(src: str, use_directory_urls: bool = False) -> str:
    """The id of a page's section in the book: its address without the
    ending, "/" as "-" ("deel-1-index"; the home page "index")."""
    url = page_url(src, use_directory_urls)
    key = url.lower().strip().rstrip("/").removesuffix(".html").replace("/", "-").lstrip("-")
    return key or "index"


# Reading a built page -------------------------------------------------------


class _Copy(HTMLParser):
    """Writes out what it reads, as it was written, except where a subclass
    changes a start tag (``start``) or leaves an element out (``start``
    returns None)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self._skipping: list = []  # [tag, depth] of the element left out
        self._names: dict[str, str] = {}  # lower-case tag: as written (SVG's camelCase)

    # What a subclass changes.
    def start(self, tag: str, attrs: list, raw: str) -> str | None:
        return raw

    def text(self, data: str) -> None:
        pass

    def end(self, tag: str) -> None:
        pass

    def write(self, html: str) -> None:
        self.out.append(html)

    # HTMLParser's events.
    def handle_starttag(self, tag, attrs):
        self._open(tag, attrs, closed=False)

    def handle_startendtag(self, tag, attrs):
        self._open(tag, attrs, closed=True)

    def _open(self, tag, attrs, *, closed):
        raw = self.get_starttag_text() or ""
        if self._skipping:
            if tag == self._skipping[0] and not closed:
                self._skipping[1] += 1
            return
        written = self.start(tag, attrs, raw)
        if written is None:
            if not closed and tag not in VOID_ELEMENTS:
                self._skipping = [tag, 1]
            return
        self._names.setdefault(tag, raw[1 : 1 + len(tag)] or tag)
        self.write(written)

    def handle_endtag(self, tag):
        if self._skipping:
            if tag == self._skipping[0]:
                self._skipping[1] -= 1
                if not self._skipping[1]:
                    self._skipping = []
            return
        self.end(tag)
        self.write(f"</{self._names.get(tag, tag)}>")

    def handle_data(self, data):
        if not self._skipping:
            self.text(data)
            self.write(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")

    def handle_comment(self, data):
        if not self._skipping:
            self.write(f"<!--{data}-->")

    def handle_decl(self, decl):
        if not self._skipping:
            self.write(f"<!{decl}>")

    def handle_pi(self, data):
        if not self._skipping:
            self.write(f"<?{data}>")

    def unknown_decl(self, data):
        if not self._skipping:
            self.write(f"<![{data}]>")


def start_tag(raw: str, attrs: list[tuple[str, str | None]]) -> str:
    """The start tag ``raw`` written anew with ``attrs``: its name and the
    attributes' names as they were written (SVG's "linearGradient",
    "viewBox"), closed as it was ("<use ... />")."""
    lowered, at = raw.lower(), 1 + len(raw[1:].split(None, 1)[0].rstrip("/>"))
    tag, written = raw[1:at], []
    for name, value in attrs:
        found = lowered.find(name, at)
        if found >= 0:
            name, at = raw[found : found + len(name)], found + len(name)
        written.append(f" {name}" if value is None else f' {name}="{html_lib.escape(value)}"')
    return f"<{tag}{''.join(written)}{' /' if raw.rstrip().endswith('/>') else ''}>"


def _classes(attrs: list) -> set[str]:
    return set((dict(attrs).get("class") or "").split())


@dataclass
class PageContent:
    """A built page's content, made a chapter of the book."""

    html: str
    title: str  # the text of its first heading
    permalink: tuple[str, str] | None  # text and title of its headings' links


class _Chapter(_Copy):
    """The content of a page's article (``<article class="md-content__inner">``),
    without the template's additions (``CHROME_CLASSES``, ``CHROME_IDS``) and
    the search's attributes, with its ids and references made the book's, so
    the book is the same whichever engine built the pages."""

    def __init__(self, key: str, link: Callable[[str], str]) -> None:
        super().__init__()
        self.key, self.link = key, link
        self.articles = 0  # depth inside the page's article
        self.found = False
        self.title: list[str] | None = None  # the first h1's text, while it is read
        self.title_text = ""
        self.permalink_text: list[str] | None = None  # the first permalink's, while read
        self.permalink_title = ""
        self.permalink: tuple[str, str] | None = None
        self.in_permalink = 0

    def write(self, html: str) -> None:
        if self.articles:
            self.out.append(html)

    def start(self, tag, attrs, raw):
        if tag == "article":
            if not self.articles and "md-content__inner" in _classes(attrs):
                self.articles, self.found = 1, True
                return ""
            if self.articles:
                self.articles += 1
        if not self.articles:
            return raw
        if _classes(attrs) & CHROME_CLASSES or dict(attrs).get("id") in CHROME_IDS:
            return None
        if tag == "h1" and self.title is None and not self.title_text:
            self.title = []
        if tag == "a" and "headerlink" in _classes(attrs):
            self.in_permalink += 1
            if self.permalink is None and self.permalink_text is None:
                self.permalink_text, self.permalink_title = [], dict(attrs).get("title") or ""
        changed = [(name, self.attribute(tag, name, value)) for name, value in attrs if name not in SEARCH_ATTRIBUTES]
        return raw if changed == attrs else start_tag(raw, changed)

    def attribute(self, tag: str, name: str, value: str | None) -> str | None:
        if value is None:
            return None
        if name == "id":
            return f"{self.key}-{value}"
        if name in ID_REFERENCES:
            return " ".join(f"{self.key}-{ref}" for ref in value.split())
        if name == "name" and tag in NAMED_FIELDS:
            return f"{self.key}-{value}"
        if name in ("href", "xlink:href"):
            if tag in ("a", "area"):
                return self.link(value)
            return f"#{self.key}-{value[1:]}" if value.startswith("#") else value
        return value

    def text(self, data):
        if self.in_permalink:
            if self.permalink_text is not None:
                self.permalink_text.append(data)
        elif self.title is not None:
            self.title.append(data)

    def end(self, tag):
        if tag == "a" and self.in_permalink:
            self.in_permalink -= 1
            if self.permalink_text is not None:
                self.permalink = (html_lib.unescape("".join(self.permalink_text)), self.permalink_title)
                self.permalink_text = None
        elif tag == "h1" and self.title is not None:
            self.title_text = " ".join(html_lib.unescape("".join(self.title)).split())
            self.title = None

    def handle_endtag(self, tag):
        if tag == "article" and self.articles and not self._skipping:
            self.articles -= 1
            if not self.articles:
                return  # the article's own end tag is not its content
        super().handle_endtag(tag)


def read_chapter(page_html: str, key: str, link: Callable[[str], str], *, name: str = "the page") -> PageContent:
    """The content of a built page as a chapter with the id ``key``:
    ``link`` gives each link's address in the book."""
    parser = _Chapter(key, link)
    parser.feed(page_html)
    parser.close()
    if not parser.found:
        raise BookError(f"The whole book: {name} has no article (<article class=\"md-content__inner\">)")
    return PageContent("".join(parser.out).strip(), parser.title_text, parser.permalink)


def link_in_book(
    href: str, *, key: str, url: str, chapters: Mapping[str, str], here: str
) -> str:
    """Where a link of the page at ``url`` (id ``key`` in the book) leads
    from the book's page, whose folder is ``here``: within the page or to a
    page of the book (``chapters``: address → id), a link within the book;
    to anything else of the site (a page left out, a file), that address
    from the book's page; to another site, unchanged."""
    if href.startswith("#"):
        return f"#{key}-{href[1:]}" if href[1:] else f"#{key}"
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("//"):
        return href
    if not parts.path:
        target = url
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(url), parts.path))
        target = "" if target == "." else target + ("/" if parts.path.endswith("/") and target != "/" else "")
    if target in chapters and not parts.query:
        other = chapters[target]
        return f"#{other}-{parts.fragment}" if parts.fragment else f"#{other}"
    relative = posixpath.relpath(target or ".", here or ".") + ("/" if target.endswith("/") else "")
    return urlunsplit(("", "", relative, parts.query, parts.fragment))


# Putting the book together --------------------------------------------------


@dataclass(frozen=True)
class BookFront:
    """The book's first pages: its cover and colophon (HTML)."""

    cover: str
    colophon: str


def edition_day(environ: Mapping[str, str] = os.environ) -> datetime.date:
    """The day of this edition: of the build, or ``SOURCE_DATE_EPOCH``'s
    (a reproducible build)."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.date.today()


def book_front(
    *,
    title: str,
    description: str,
    authors: str,
    copyright: str,
    site_url: str | None,
    corrections: int,
    version: str,
    day: datetime.date,
    use_directory_urls: bool = False,
) -> BookFront:
    """The cover (title, description, authors, which edition) and the
    colophon (whose the text is, this edition, its additions and
    ``corrections``, its address) of the book."""
    cover = render_cover(title=title, description=description, authors=authors, edition=render_cover_edition(version, day))
    colophon = render_colophon(
        copyright=copyright,
        version=version,
        day=day,
        corrections=corrections,
        about_href=f"#{chapter_id(ABOUT_PAGE, use_directory_urls)}",
        site_url=site_url,
    )
    return BookFront(cover, colophon)


def _toc(order: list[Chapter | Part], titles: Mapping[str, str], use_directory_urls: bool) -> list[TocEntry]:
    entries = []
    for item in order:
        if isinstance(item, Part):
            entries.append(TocEntry(item.title, item.id, _toc(item.children, titles, use_directory_urls)))
        else:
            entries.append(TocEntry(titles[item.src], chapter_id(item.src, use_directory_urls)))
    return entries


def book_html(
    order: list[Chapter | Part],
    contents: Mapping[str, PageContent],
    front: BookFront,
    *,
    werkmap_href: str,
    use_directory_urls: bool = False,
) -> str:
    """The book: ``front``, what printing gives, the table of contents and
    every part and chapter of ``order`` (``contents``: each page's, by its
    source)."""
    titles = {src: content.title for src, content in contents.items()}
    for chapter in chapters_of(order):
        titles[chapter.src] = chapter.title or titles[chapter.src]
    permalink = next((content.permalink for content in contents.values() if content.permalink), None)

    def items(level: list[Chapter | Part]) -> str:
        written = []
        for item in level:
            if isinstance(item, Part):
                first = chapters_of(item.children)[0]
                heading = ""
                if " ".join(item.title.split()) != contents[first.src].title:
                    heading = render_part_heading(item.title, item.id, permalink)
                written.append(f'<section class="print-page md-section" id="{item.id}">{heading}{items(item.children)}</section>')
            else:
                key = chapter_id(item.src, use_directory_urls)
                written.append(f'<section class="print-page" id="{key}">{contents[item.src].html}</section>')
        return "\n".join(written)

    return (
        f'<div id="{BOOK_ID}">\n{front.cover}\n{front.colophon}\n{render_intro(werkmap_href)}\n'
        f"{render_toc(_toc(order, titles, use_directory_urls))}\n{items(order)}\n</div>"
    )


class _Shell(_Copy):
    """The shell page with the book in place of its empty element; a
    heading the template gave the page before it (Material writes the
    page's title where the content has no h1) goes: the book's first
    heading is its cover's."""

    def __init__(self, book: str) -> None:
        super().__init__()
        self.book = book
        self.in_article = 0
        self.placed = False

    def start(self, tag, attrs, raw):
        if tag == "article" and "md-content__inner" in _classes(attrs):
            self.in_article = 1
        elif self.in_article and not self.placed:
            if dict(attrs).get("id") == BOOK_ID:
                self.placed = True
                self.write(self.book)
                return None
            if tag == "h1":
                return None
        return raw


def fill_shell(shell_html: str, book: str, *, name: str = "the book's page") -> str:
    """``shell_html`` with ``book`` in place of its ``<div id="print-site-page">``."""
    parser = _Shell(book)
    parser.feed(shell_html)
    parser.close()
    if not parser.placed:
        raise BookError(f'The whole book: {name} has no empty <div id="{BOOK_ID}"> in its article to hold the book')
    return "".join(parser.out)


def write_book(
    site_dir: Path,
    nav: list,
    front: BookFront,
    *,
    left_out: tuple[str, ...] = LEFT_OUT,
    use_directory_urls: bool = False,
) -> Path:
    """Write the whole book into its built page in ``site_dir`` (which the
    engine rendered from ``book_page_source``), from the built pages of
    ``nav`` (the navigation as ``mkdocs.yml`` writes it, generated pages
    included) but those ``left_out``; ``front``: its cover and colophon.
    Returns the page's path."""
    order = book_order(nav, left_out)
    book_url = page_url(BOOK_PAGE, use_directory_urls)
    here = book_url.rstrip("/") if book_url.endswith("/") else posixpath.dirname(book_url)  # its folder
    chapters: dict[str, str] = {}
    for chapter in chapters_of(order):
        url = page_url(chapter.src, use_directory_urls)
        key = chapter_id(chapter.src, use_directory_urls)
        chapters[url] = key
        if url == "" or url.endswith("/"):
            chapters[f"{url}index.html"] = key
        elif url.endswith("/index.html") or url == "index.html":
            chapters[url.removesuffix("index.html")] = key
    contents: dict[str, PageContent] = {}
    for chapter in chapters_of(order):
        path = site_dir / page_file(chapter.src, use_directory_urls)
        if not path.is_file():
            raise BookError(f"The whole book: docs/{chapter.src} (in the navigation) was not built: {path} is missing")
        url = page_url(chapter.src, use_directory_urls)
        key = chapter_id(chapter.src, use_directory_urls)

        def link(href: str, key=key, url=url) -> str:
            return link_in_book(href, key=key, url=url, chapters=chapters, here=here)

        contents[chapter.src] = read_chapter(path.read_text(encoding="utf-8"), key, link, name=str(path))
    werkmap = posixpath.relpath(page_url(WERKMAP, use_directory_urls) or ".", here or ".")
    book = book_html(order, contents, front, werkmap_href=werkmap, use_directory_urls=use_directory_urls)
    shell = site_dir / page_file(BOOK_PAGE, use_directory_urls)
    if not shell.is_file():
        raise BookError(f"The whole book: its page {shell} was not built (docs/{BOOK_PAGE}, book_page_source)")
    shell.write_text(fill_shell(shell.read_text(encoding="utf-8"), book, name=str(shell)), encoding="utf-8")
    return shell
