"""The print edition's documents: plain HTML for a PDF engine.

Pure functions: each PDF gets a small document of its own, without
Material's layout, scripts and chrome. A worksheet's, a conversation
guide's and the self-test's are drawn from the content (the renderers the
pages use, converted with the site's Markdown extensions); the whole book's
from the built whole-book page. The site's stylesheet and the PDF's own
rules in ``templates/pdf/pdf.css`` style them; the engine (WeasyPrint) is
run by ``macros/site/pdf.py``.

The addresses of the PDFs are fixed here (``sheet_pdf`` and the others):
pages and scripts link to them.
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..content.conversations import Conversation, ConversationLibrary
from ..content.figures import FigureLibrary
from ..content.mindset import MindsetTest
from ..content.worksheets import Worksheet, WorksheetLibrary
from .conversations import render_conversation_page
from .mindset import render_mindset_test
from .notes import separate_note_marks
from .worksheets import render_worksheet_page

PDF_DIR = "pdf"
BOOK_PDF = f"{PDF_DIR}/positief-in-gesprek.pdf"
MINDSET_PDF = f"{PDF_DIR}/mindset-test.pdf"
AUTHORS = "Rosa Helmantel en Saskia Tjepkema"
WORKBOOK = "Positief in Gesprek"
LANGUAGE = "nl"

PDF_CSS = Path(__file__).parent / "templates" / "pdf" / "pdf.css"
FIGURES_CSS = PDF_CSS.with_name("figures.css")
SHEET_FIGURES_CSS = PDF_CSS.with_name("figures-sheet.css")


def pdf_href(page_url: str, target: str) -> str:
    """The relative address of ``target`` (from the site's root) on the page at ``page_url``."""
    return posixpath.relpath(target, posixpath.dirname(page_url) or ".")


def sheet_pdf(sheet_id: str) -> str:
    """The address, from the site's root, of a worksheet's PDF."""
    return f"{PDF_DIR}/werkbladen/{sheet_id}.pdf"


def conversation_pdf(conversation_id: str) -> str:
    """The address, from the site's root, of a conversation guide's PDF."""
    return f"{PDF_DIR}/gesprekken/{conversation_id}.pdf"


def pdf_css() -> str:
    """The rules of the print edition's own (WeasyPrint only)."""
    return PDF_CSS.read_text(encoding="utf-8")


BOOK_ID = "print-site-page"
_BOOK_START = re.compile(rf'<div id="{BOOK_ID}"[^>]*>')
_DIV = re.compile(r"<div\b|</div\s*>", re.I)


def book_content(print_html: str) -> str:
    """The book on the whole-book page: its element ``div#print-site-page``
    (cover, colophon, contents, every page), without the page's chrome,
    whichever engine rendered the page around it."""
    start = _BOOK_START.search(print_html)
    if not start:
        raise ValueError(f'the whole-book page has no <div id="{BOOK_ID}">')
    depth = 1
    for tag in _DIV.finditer(print_html, start.end()):
        depth += -1 if tag.group(0).startswith("</") else 1
        if depth == 0:
            return print_html[start.start() : tag.end()]
    raise ValueError(f'the whole-book page\'s <div id="{BOOK_ID}"> is not closed')


_SVG = re.compile(r'(<div class="pig-ws__figure[^>]*>\s*<figure[^>]*>\s*)?(<svg class="pig-svg[^>]*>)')


def svg_styles(html: str) -> str:
    """Every figure's ``<svg>`` with the figures' rules inside it (a sheet's
    figure also those of sheets): WeasyPrint styles an inline SVG with its
    own rules only. (Inside an svg element, a style element is parsed as
    markup: the rules hold no angle brackets.)"""
    figures = FIGURES_CSS.read_text(encoding="utf-8")
    sheet = SHEET_FIGURES_CSS.read_text(encoding="utf-8")

    def styled(match: re.Match) -> str:
        rules = figures + (sheet if match.group(1) else "")
        return f"{match.group(1) or ''}{match.group(2)}<style>{rules}</style>"

    return _SVG.sub(styled, html)


def document(title: str, body: str, kind: str, *, subject: str = "") -> str:
    """A whole HTML document for the engine: ``body`` inside an article of
    Material's classes (so the site's print rules apply), with the metadata
    the PDF carries (title, authors, language)."""
    description = f'<meta name="description" content="{html_lib.escape(subject)}">' if subject else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{LANGUAGE}"><head><meta charset="utf-8">'
        f"<title>{html_lib.escape(title)}</title>"
        f'<meta name="author" content="{AUTHORS}">{description}'
        f'<meta name="keywords" content="{WORKBOOK}, werkboek, ontwikkelgesprekken">'
        f'</head><body class="pig-pdf pig-pdf--{kind}">'
        f'<article class="md-content__inner md-typeset">{svg_styles(body)}</article></body></html>\n'
    )


def page_document(title: str, content_html: str, kind: str, *, subject: str = "") -> str:
    """The document of one page's content (a worksheet, a guide, the
    mindset test); a worksheet and the mindset test with form fields to
    fill in."""
    if kind in FILLABLE:
        content_html = fillable(content_html)
    return document(title, content_html, kind, subject=subject)


# The documents drawn from the content ---------------------------------------
# Each is the content's own rendering (the renderers the pages' macros call)
# converted with the site's Markdown extensions (``markdown``: Project.markdown),
# so a PDF holds what its page shows, without the page's chrome.

Markdown = Callable[[str], str]


@dataclass(frozen=True)
class Origin:
    """Where a printed page comes from, for its "printed from" line: the
    workbook's name and authors and the page's title."""

    workbook: str
    authors: str
    title: str


def printed_from(origin: Origin, content_html: str) -> str:
    """The line a printed page ends with (shown on paper only, where the
    stylesheet shows it): the book it is from, and that the web edition's
    additions are marked where the page has any. (The pages say the same,
    from overrides/main.html.)"""
    marked = " Toevoegingen van de webeditie zijn gemarkeerd met ‘webeditie’." if "pig-web" in content_html else ""
    return (
        f'<p class="pig-print-source">Uit het werkboek <cite>{html_lib.escape(origin.workbook)}</cite> van '
        f"{html_lib.escape(origin.authors)}: {html_lib.escape(origin.title)}.{marked}\n</p>"
    )


def _with_origin(content_html: str, origin: Origin | None) -> str:
    return content_html + "\n" + printed_from(origin, content_html) if origin else content_html


def sheet_document(sheet: Worksheet, figures: FigureLibrary, markdown: Markdown, *, reading_href: str, mine_href: str, origin: Origin | None = None) -> str:
    """A worksheet's fillable document: its page's content (the title, the sheet)."""
    content = markdown(render_worksheet_page(sheet, figures, reading_href, mine_href))
    return page_document(f"{sheet.title} — {WORKBOOK}", _with_origin(separate_note_marks(content), origin), "sheet")


def mindset_document(test: MindsetTest, title: str, markdown: Markdown, *, href: Callable[[str], str], mine_href: str, origin: Origin | None = None) -> str:
    """The self-test's fillable document: ``title`` (its page's) and the test."""
    content = separate_note_marks(markdown(f"# {title}\n\n" + render_mindset_test(test, href, mine_href)))
    return page_document(f"Check je eigen mindset — {WORKBOOK}", _with_origin(content, origin), "mindset")


def conversation_documents(
    conversation: Conversation,
    conversations: ConversationLibrary,
    worksheets: WorksheetLibrary,
    markdown: Markdown,
    *, link_to: Callable[[str], str], origin: Origin | None = None
) -> tuple[str, ...]:
    """A conversation guide's documents (``guide_documents``) from its page's content."""
    content = markdown(render_conversation_page(conversation, conversations, worksheets, link_to))
    title = f"Gespreksgids: {conversation.person.name} — {WORKBOOK}"
    return guide_documents(title, _with_origin(separate_note_marks(content), origin))


# Fillable PDFs ----------------------------------------------------------------
# WeasyPrint writes a form field for each input, textarea and select whose
# CSS ``appearance`` is ``auto`` (pdf.css: ``.pig-pdf-field``) when drawn
# with ``pdf_forms``. A field's name (/T) is its ``name``, the name a screen
# reader reads (/TU) its label or ``title``: both Dutch. Each field lies over
# the ruled lines or the blank it stands for, so the pages stay as printed.

FILLABLE = ("sheet", "mindset")
FIELD = "pig-pdf-field"

_QUESTION = re.compile(
    r'(<li class="pig-ws__question[^"]*" data-question="([^"]+)"[^>]*>\s*<p class="pig-ws__text">((?:(?!</p>).)*)</p>)'
    r'((?:(?!<li class="pig-ws__question).)*?)(<div class="pig-ws__lines" aria-hidden="true">)',
    re.S,
)
_BLANK = re.compile(
    r'(<span class="pig-(?:ws|mt)__field">(?:<span class="pig-web">)?([^<:]+):(?:</span>)?\s*<span class="pig-(?:ws|mt)__blank">)(</span>)'
)
_TAG = re.compile(r"<[^>]+>")


def _plain(html: str) -> str:
    """The text of a bit of built HTML, for an attribute (entities kept)."""
    return " ".join(_TAG.sub(" ", html).split()).replace('"', "&#34;")


class _Names:
    """Unique field names: a question printed in several copies gets "-2", "-3"."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, name: str) -> tuple[str, int]:
        self.seen[name] = self.seen.get(name, 0) + 1
        number = self.seen[name]
        return (name if number == 1 else f"{name}-{number}"), number


def fillable(html: str) -> str:
    """A worksheet's or the mindset test's built HTML with a form field on
    every answer's ruled lines, every blank (Naam, Datum, Over...) and, in
    the mindset test, the choices as radio buttons named by their statement."""
    names = _Names()

    def answer(match: re.Match) -> str:
        name, number = names(match.group(2))
        label = _plain(match.group(3)) + (f" ({number})" if number > 1 else "")
        field = f'<textarea class="{FIELD}" name="{name}" title="{label}"></textarea>'
        return match.group(1) + match.group(4) + match.group(5) + field

    def blank(match: re.Match) -> str:
        label = " ".join(match.group(2).split())
        name, number = names(re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-"))
        title = label + (f" ({number})" if number > 1 else "")
        return match.group(1) + f'<input type="text" class="{FIELD}" name="{name}" title="{title}">' + match.group(3)

    html = _QUESTION.sub(answer, html)
    html = _BLANK.sub(blank, html)
    return _mindset_fields(html)


_MT_ITEM = re.compile(r'(<fieldset class="pig-mt__item"[^>]*>\s*<legend class="pig-mt__legend">(.*?)</legend>)(.*?)(</fieldset>)', re.S)
_MT_POINT = re.compile(r'<label class="pig-mt__point">(<input type="radio" name="pig-mt-[^"]+" value="(\d+)")[^>]*>(.*?)</label>', re.S)
_MT_AREA = re.compile(r'<label class="pig-mt__choice">(<input type="radio" name="pig-mt-gebied" value="[^"]+")>(.*?)</label>', re.S)
_MT_OWN = re.compile(r'<label>(<input type="radio" name="pig-mt-gebied" value="eigen")>(.*?)</label>', re.S)
_MT_AREA_LEGEND = re.compile(r'<fieldset class="pig-mt__area[^"]*">\s*<legend>(.*?)</legend>', re.S)


def _mindset_fields(html: str) -> str:
    """The mindset test's choices as radio buttons: one group per statement,
    named "stelling-1" and read out by its statement; the area as a group
    named "gebied" with a text field for "anders, namelijk"."""
    if 'class="pig-mt' not in html:
        return html

    def item(match: re.Match) -> str:
        statement = _plain(match.group(2))
        number = re.search(r"\d+", statement).group(0)

        def point(found: re.Match) -> str:
            radio = found.group(1).replace('name="pig-mt-', 'data-item="').replace("<input ", f'<input class="{FIELD}" name="stelling-{number}" ', 1)
            return f'<span class="pig-mt__point">{radio} title="{statement}">{found.group(3)}</span>'

        return match.group(1) + _MT_POINT.sub(point, match.group(3)) + match.group(4)

    html = _MT_ITEM.sub(item, html)
    legend = _MT_AREA_LEGEND.search(html)
    if not legend:  # a field without its question would be read out as nothing a reader knows
        raise ValueError("the self-test's PDF: no question of the area (fieldset.pig-mt__area > legend) found")
    question = _plain(legend.group(1))

    def area(found: re.Match, wrapper: str) -> str:
        radio = found.group(1).replace('name="pig-mt-gebied"', 'name="gebied"').replace("<input ", f'<input class="{FIELD}" ', 1)
        return f'<span class="{wrapper}">{radio} title="{question}">{found.group(2)}</span>'

    html = _MT_AREA.sub(lambda found: area(found, "pig-mt__choice"), html)
    html = _MT_OWN.sub(lambda found: area(found, "pig-mt__own-choice"), html)
    return re.sub(
        r'<input type="text" class="pig-mt__own" name="pig-mt-eigen"([^>]*) aria-label="([^"]+)"',
        rf'<input type="text" class="pig-mt__own {FIELD}" name="gebied-eigen"\1 aria-label="\2" title="\2"',
        html,
    )


_PREPARATION = re.compile(r'<aside class="pig-conv-print"[^>]*>.*?</aside>', re.S)
_OBSERVER = re.compile(r'<aside class="pig-conv-print pig-conv-observe pig-web"[^>]*>.*?</aside>', re.S)


def guide_documents(title: str, content: str) -> tuple[str, ...]:
    """A conversation guide's content as documents: the guide, the
    preparation sheet printed after it (fillable), then the observer's sheet
    for a role-play, so that each counts its own pages (the sheet's footer
    says "pagina 1", as on the sheet's own PDF)."""
    observers = _OBSERVER.findall(content)
    content = _OBSERVER.sub("", content)
    sheets = _PREPARATION.findall(content)
    guide = document(title, _PREPARATION.sub("", content), "guide")
    return (guide, document(title, fillable("".join(sheets)), "guide"), *(document(title, html, "guide") for html in observers))


# The whole book ------------------------------------------------------------


@dataclass
class Entry:
    """A heading of the printed book's table of contents and outline."""

    title: str
    target: str  # the id of the element the entry points to
    children: list["Entry"] = field(default_factory=list)


class _BookStructure(HTMLParser):
    """The parts and chapters of the whole-book page (macros/site/book.py).

    A navigation section (``<section class="print-page md-section">``) is a
    part; its title is its own heading (marked ``pig-web``, where it differs
    from its first page's) or else its first page's title. Every page
    (``<section class="print-page" id=...>``) is a chapter, headed by its
    first ``h1``.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[Entry] = []
        self._stack: list[tuple[str, Entry | None]] = []
        self._heading: list[str] | None = None
        self._heading_for: Entry | None = None
        self._skip = 0

    def _part(self) -> Entry | None:
        for kind, entry in reversed(self._stack):
            if kind == "part":
                return entry
        return None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "section":
            if "md-section" in classes:
                entry = Entry("", attributes.get("id") or "")
                self.entries.append(entry)
                self._stack.append(("part", entry))
            elif "print-page" in classes and attributes.get("id"):
                entry = Entry("", attributes["id"])
                part = self._part()
                (part.children if part is not None else self.entries).append(entry)
                self._stack.append(("page", entry))
            else:
                self._stack.append(("other", None))
        elif tag == "h1" and self._stack and self._heading is None:
            kind, entry = self._stack[-1]
            if kind in ("part", "page") and entry is not None and not entry.title:
                self._heading, self._heading_for = [], entry
        elif tag == "a" and "headerlink" in classes and self._heading is not None:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "section" and self._stack:
            self._stack.pop()
        elif tag == "h1" and self._heading is not None:
            self._heading_for.title = " ".join("".join(self._heading).split())
            self._heading, self._heading_for = None, None
        elif tag == "a" and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if self._heading is not None and not self._skip:
            self._heading.append(data)


def book_structure(print_html: str) -> list[Entry]:
    """The parts (with their chapters) and the chapters outside a part, in
    the order of the print page. A part without a heading of its own takes
    its first page's title and starts there."""
    parser = _BookStructure()
    parser.feed(print_html)
    parser.close()
    entries = []
    for entry in parser.entries:
        if entry.children and not entry.title:
            first, *rest = entry.children
            entry = Entry(first.title, first.target, rest)
        entries.append(entry)
    return [entry for entry in entries if entry.title]


def toc_html(entries: list[Entry]) -> str:
    """The printed table of contents: a link to every part and chapter,
    the page number filled in by the engine (``target-counter``)."""

    def items(level: list[Entry]) -> str:
        rows = []
        for entry in level:
            children = f'<ol class="pig-pdf-toc__chapters">{items(entry.children)}</ol>' if entry.children else ""
            kind = "part" if entry.children else "chapter"
            rows.append(
                f'<li class="pig-pdf-toc__{kind}"><a href="#{html_lib.escape(entry.target)}">'
                f"{html_lib.escape(entry.title)}</a>{children}</li>"
            )
        return "".join(rows)

    return f'<nav class="pig-pdf-toc" aria-label="Inhoud"><h1 class="pig-pdf-toc__title">Inhoud</h1><ol>{items(entries)}</ol></nav>'


def _css_id(target: str) -> str:
    return "#" + re.sub(r"([^A-Za-z0-9_-])", lambda m: f"\\{ord(m.group(1)):x} ", target)


def book_css(entries: list[Entry]) -> str:
    """The outline (bookmarks) and running header of the book: level 1 for
    a part and a chapter outside a part, level 2 for a chapter of a part;
    the part's title is the running header."""
    rules = []
    for entry in entries:
        own = f"{_css_id(entry.target)} > h1"
        # A part headed by its first page: that page's heading.
        rules.append(f"{own}, {_css_id(entry.target)}.print-page > h1 {{ bookmark-level: 1; string-set: pig-part content(text); }}")
        for child in entry.children:
            rules.append(f"{_css_id(child.target)} > h1 {{ bookmark-level: 2; }}")
    return "\n".join(rules) + "\n"


_TOC = re.compile(r'<div id="print-page-toc".*?</div>', re.S)


_LINK = re.compile(r'<a ([^>]*?)href="([^"#][^"]*)"([^>]*)>(.*?)</a>', re.S)


def web_links(html: str, site_url: str | None) -> str:
    """Links to pages of the site that the book does not hold (the
    planner, the werkmap, Mijn antwoorden) as full web addresses where the
    site's address is known (``site_url``), else as plain words: from a PDF,
    a relative address leads nowhere. Full addresses stay as they are."""

    def link(match: re.Match) -> str:
        before, href, after, words = match.groups()
        if re.match(r"[a-z][a-z0-9+.-]*:", href, re.I):
            return match.group(0)
        if site_url:
            address = site_url.rstrip("/") + "/" + href.lstrip("./")
            return f'<a {before}href="{html_lib.escape(address)}"{after}>{words}</a>'
        # The link's other attributes stay: its classes may hide it on paper.
        attributes = f"{before}{after}".strip()
        classes = re.search(r'class="([^"]*)"', attributes)
        if classes:
            attributes = attributes.replace(classes.group(0), f'class="pig-pdf-unlinked {classes.group(1)}"', 1)
        else:
            attributes = f'class="pig-pdf-unlinked" {attributes}'.strip()
        return f"<span {attributes}>{words}</span>"

    return _LINK.sub(link, html)


def book_document(print_html: str, title: str, subject: str, site_url: str | None = None) -> tuple[str, str]:
    """The whole book from the print page: its cover, a table of contents
    with page numbers, every page; and the rules of its outline. Links to
    pages the book leaves out go to the site (``web_links``)."""
    body = web_links(book_content(print_html), site_url)
    entries = book_structure(body)
    body = _TOC.sub(lambda m: toc_html(entries), body, count=1)
    return document(title, body, "book", subject=subject), book_css(entries)


# Real footnotes: each note's text at the foot of the page it is called on.

_FOOTNOTE_DIV = re.compile(r'<div class="footnote">\s*<hr\s*/?>\s*<ol>(.*?)</ol>\s*</div>', re.S)
_FOOTNOTE_ITEM = re.compile(r'<li id="([^"]+)">(.*?)</li>', re.S)
_BACKREF = re.compile(r'\s*<a class="footnote-backref"[^>]*>.*?</a>', re.S)


def footnotes_in_place(html: str) -> str:
    """Markdown's footnotes (a list at the end of a page, a numbered link
    where each is called) as notes at the call (``float: footnote`` in
    pdf.css puts them at the foot of the page). A note called twice keeps
    its text at the first call only."""
    notes: dict[str, str] = {}

    def collect(match: re.Match) -> str:
        for note_id, text in _FOOTNOTE_ITEM.findall(match.group(1)):
            text = _BACKREF.sub("", text).strip()
            text = re.sub(r"^<p>(.*)</p>$", r"\1", text, flags=re.S)
            notes[note_id] = text
        return ""

    html = _FOOTNOTE_DIV.sub(collect, html)
    used: set[str] = set()

    def call(match: re.Match) -> str:
        note_id = match.group(2)
        if note_id not in notes or note_id in used:
            return match.group(0)
        used.add(note_id)
        return f'<span class="pig-pdf-note" id="{note_id}">{notes[note_id]}</span>'

    return re.sub(r'(<sup id="[^"]*"><a class="footnote-ref" href="#([^"]+)"[^>]*>.*?</a></sup>)', call, html)


# Links to the PDFs on the site's pages --------------------------------------

LINKS_CLASS = "pig-pdf-links"


def render_pdf_link(href: str, label: str) -> str:
    """A paragraph with a link to a PDF: interface of the web edition
    (``pig-ui``), hidden on paper and in the PDFs themselves."""
    return (
        f'<p class="{LINKS_CLASS} pig-ui"><a href="{html_lib.escape(href)}" type="application/pdf" download>'
        f"{html_lib.escape(label)}</a></p>"
    )


def render_pdf_list(items: list[tuple[str, str, str]]) -> str:
    """The werkmap's list of every sheet's PDF: (sheet id, address, label).
    Each item names its sheet (``data-sheet``), so the werkmap's script
    (werkmap.js) shows only the chosen ones."""
    rows = "".join(
        f'<li data-sheet="{html_lib.escape(sheet_id)}"><a href="{html_lib.escape(href)}" type="application/pdf" download>'
        f"{html_lib.escape(label)}</a></li>"
        for sheet_id, href, label in items
    )
    return (
        f'<div class="{LINKS_CLASS} pig-ui" id="{PDF_LIST_ID}" data-pig-pdf-list><p>PDF’s downloaden (A4):</p>'
        f"<ul>{rows}</ul></div>"
    )


PDF_LIST_ID = "pdfs-van-je-keuze"


def render_pdf_list_link() -> str:
    """The werkmap's print bar, which stays in view: a link to that list."""
    return f'<a class="{LINKS_CLASS} pig-ui" href="#{PDF_LIST_ID}">PDF’s downloaden</a>'


_FIRST_H1_END = re.compile(r"</h1>")


def after_title(html: str, insert: str) -> str:
    """``html`` with ``insert`` after its first heading (or first)."""
    match = _FIRST_H1_END.search(html)
    if not match:
        return insert + html
    return html[: match.end()] + insert + html[match.end() :]
