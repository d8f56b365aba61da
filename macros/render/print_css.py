"""The print rules generated from the data: one named A4 page per worksheet
and per conversation guide, each with a running footer that names it.

The hand-written rules are in ``docs/assets/css/``; these are published as
files linked for print (``stylesheets.py``), so new data changes nothing in
a page and nothing in its Content-Security-Policy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import segno

from ..content.conversations import ConversationLibrary
from ..content.worksheets import WorksheetLibrary

WORKBOOK = "Positief in Gesprek"

# The sheet printed after each conversation guide.
PREPARATION_SHEET = "reflectie-voorbereiden"

_FOOTER_BOX = "font: 9pt sans-serif; color: #444;"
# A footer is one line: a long title is cut short with "…", the page number
# keeps its room.
_FOOTER_LEFT = "width: 78%; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;"
_FOOTER_RIGHT = "width: 22%; white-space: nowrap; text-align: right;"


def css_string(text: str) -> str:
    """``text`` as a double-quoted CSS string that cannot break out of it."""
    escaped = "".join(ch if ch.isalnum() or ch in " .,:;!?()-–—’‘·" else f"\\{ord(ch):x} " for ch in text)
    return f'"{escaped}"'


def named_page(name: str, footer: str, selectors: Iterable[str], number: str = 'counter(page)', header: str = "") -> str:
    """An ``@page`` rule called ``name`` with ``footer`` at the bottom left and
    "pagina " ``number`` (CSS content) at the bottom right, used by the
    elements ``selectors``.

    Each selector gets a rule of its own: a browser that does not know one
    selector (``:has()`` in an older WeasyPrint) then drops only that rule.
    """
    rules = [
        f"@page {name} {{ @bottom-left {{ content: {css_string(footer)}; {_FOOTER_BOX} {_FOOTER_LEFT} }} "
        f'@bottom-right {{ content: "pagina " {number}; {_FOOTER_BOX} {_FOOTER_RIGHT} }}{" " + header if header else ""} }}'
    ]
    rules += [f"{selector} {{ page: {name}; }}" for selector in selectors]
    return "\n".join(rules)


def book_pages(library: WorksheetLibrary) -> list[str]:
    """A named page per worksheet in the whole book ("pagina 57"), and
    wherever a sheet is printed inside another document (after a guide)."""
    return [
        named_page(
            f"pig-ws-{sheet.id}",
            f"{WORKBOOK} · {sheet.title}",
            [f'.pig-ws[data-worksheet="{sheet.id}"]', f'.print-page:has(> .pig-ws[data-worksheet="{sheet.id}"])'],
        )
        for sheet in library
    ]


def link_back(url: str) -> str:
    """The margin boxes at the top of a printed sheet's pages that lead back
    to its page online: the address, and a QR code of it (segno, drawn at
    build time; an SVG as a data: URL in the stylesheet, no image from
    outside and no style attribute)."""
    code = segno.make(url, error="m").svg_data_uri(scale=1, border=0)
    if '"' in code or "\\" in code:  # pragma: no cover - segno quotes the SVG
        raise ValueError("the QR code's data URL does not fit in a CSS string")
    shown = re.sub(r"^https?://", "", url)
    return (
        f"@top-left {{ content: {css_string('Online: ' + shown)}; {_FOOTER_BOX} }} "
        f'@top-right {{ content: url("{code}"); width: 15mm; height: 15mm; }}'
    )


def own_pages(library: WorksheetLibrary, online: Mapping[str, str] | None = None) -> list[str]:
    """A named page per worksheet on its own page, where the document is the
    sheet: "pagina 1 van 2" (of the pages printed, which answers typed
    online may make more than declared); with ``online`` (a sheet's id: the
    address of its page, where the site's address is known) a link back."""
    online = online or {}
    return [
        named_page(
            f"pig-own-{sheet.id}",
            f"{WORKBOOK} · {sheet.title}",
            [
                f'.md-content__inner > .pig-ws[data-worksheet="{sheet.id}"]',
                f'body:has(.md-content__inner > .pig-ws[data-worksheet="{sheet.id}"])',
            ],
            number='counter(page) " van " counter(pages)',
            header=link_back(online[sheet.id]) if sheet.id in online else "",
        )
        for sheet in library
    ]


def pack_counter_style(sheet_id: str, start: int, pages: int) -> str:
    """The counter style that numbers the pages of one sheet in the werkmap
    from 1: the bundle's page ``start`` is "1", the next "2"... up to
    ``pages``; a page beyond the declared count shows the bundle's number
    (``fixed`` falls back to decimal), so an overflow cannot pass for page 1.

    Why a counter style: Chromium (156 measured, as in the spec) keeps the
    ``page`` counter in the page context, so ``counter-reset: page`` on a
    sheet's element does nothing, and a reset in an ``@page`` rule holds for
    that one page only; nor can a margin box read a counter of the document.
    ``counter(page, style)`` with a ``fixed`` style that starts where the
    sheet starts is what Chromium prints right. The start depends on which
    sheets are printed: these rules hold for the whole werkmap (nothing
    ticked, or no script); docs/assets/werkmap.js writes the same rules for the
    chosen sheets (``packCounterStyles``) into a stylesheet of its own.
    """
    symbols = " ".join(f'"{n}"' for n in range(1, pages + 1))
    return f"@counter-style pig-pack-{sheet_id} {{ system: fixed {start}; symbols: {symbols}; }}"


def pack_counter_styles(library: WorksheetLibrary) -> list[str]:
    """A counter style per sheet, for the werkmap with every sheet printed."""
    rules, start = [], 1
    for sheet in library:
        rules.append(pack_counter_style(sheet.id, start, sheet.pages))
        start += sheet.pages
    return rules


def pack_pages(library: WorksheetLibrary, online: Mapping[str, str] | None = None) -> list[str]:
    """A named page per sheet in the werkmap, whose footer counts that sheet's
    pages from 1: "pagina 1 van 2" (see ``pack_counter_style``); with
    ``online``, a link back to each sheet's page (see ``own_pages``)."""
    online = online or {}
    return [
        named_page(
            f"pig-pack-{sheet.id}",
            f"{WORKBOOK} · {sheet.title}",
            [
                f'.pig-pack__sheets > .pig-ws[data-worksheet="{sheet.id}"]',
                # A printed werkmap starts on the page of its first printed sheet.
                f'body:has(.pig-pack__sheets > .pig-ws[data-worksheet="{sheet.id}"]'
                ":not(.pig-ws--skipped):not(.pig-ws:not(.pig-ws--skipped) ~ .pig-ws))",
            ],
            number=f'counter(page, pig-pack-{sheet.id}) " van {sheet.pages}"',
            header=link_back(online[sheet.id]) if sheet.id in online else "",
        )
        for sheet in library
    ]


def conversation_pages(library: ConversationLibrary, worksheets: WorksheetLibrary) -> list[str]:
    """A named page per conversation guide; the sheet after it keeps its own
    (its named page as in the book)."""
    rules = [
        named_page(
            f"pig-conv-{conversation.id}",
            f"{WORKBOOK} · Gespreksgids: {conversation.person.name}",
            [f'body:has(.md-content__inner > .pig-person[data-conversation="{conversation.id}"])'],
        )
        for conversation in library
    ]
    rules += book_pages([worksheets.get(PREPARATION_SHEET)])
    rules.append(f".pig-conv-print {{ page: pig-ws-{PREPARATION_SHEET}; }}")
    # The observer's sheet after it, on a named page of its own.
    rules += [
        named_page(
            f"pig-obs-{conversation.id}",
            f"{WORKBOOK} · Observatieblad: {conversation.person.name}",
            [f'.pig-conv-observe[data-conversation="{conversation.id}"]'],
        )
        for conversation in library
    ]
    return rules


def media_print(rules: list[str], before: Iterable[str] = ()) -> str:
    """``rules`` in one ``@media print`` block, after ``before`` (rules that
    cannot sit in it, such as counter styles)."""
    return "\n".join(
        [
            "/* Generated in the build from docs/data/ (macros/render/print_css.py). */",
            *before,
            "@media print {",
            *(f"  {line}" for rule in rules for line in rule.splitlines()),
            "}",
            "",
        ]
    )


def generated_rules(
    worksheets: WorksheetLibrary, conversations: ConversationLibrary, online: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The generated print rules of each part of the stylesheet that needs
    them: the sheets' named pages on their own pages and in the book, the
    werkmap's (after its counter styles, named, used only by its print
    footers) and the guides'. ``online`` maps a sheet's id to the address
    of its page, where the site's address is known: a sheet printed on its
    own or in the werkmap leads back to it."""
    return {
        "sheets": media_print(own_pages(worksheets, online)),
        "book": media_print(book_pages(worksheets)),
        "werkmap": media_print(pack_pages(worksheets, online), pack_counter_styles(worksheets)),
        "conversations": media_print(conversation_pages(conversations, worksheets)),
    }
