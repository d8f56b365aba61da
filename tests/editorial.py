"""The editorial rule, as a check over built pages.

Every paragraph, list item, heading, table cell and caption of a page's
main content is one of three things:

- the book's text (``../shared/workbook/positief-in-gesprek.txt``), word for
  word once both are normalised, with the corrections of
  ``docs/data/corrections.yaml`` applied to the book;
- inside an element the site marks as the web edition's own: class
  ``pig-web`` (a block, a heading, a caption or a few words), or on a page
  of the web edition's own (front matter ``edition: web``: the page carries
  a label of class ``pig-web-page`` under its title);
- interface: form controls and their labels, buttons, status messages, the
  site's notes on its own controls (class ``pig-ui``), and the short list of
  ``INTERFACE_TEXTS`` below.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

from sitebuild import BOOK, load_content, normalise

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "figcaption", "caption", "dt", "dd", "summary", "blockquote"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Never text of the page: scripts, drawings (their words are checked as
# figure data), footnote numbers, permalinks, and interface elements.
NOT_TEXT_TAGS = {"script", "style", "svg", "title", "sup", "button", "label", "select", "textarea", "template"}
NOT_TEXT_CLASSES = {"headerlink", "footnote-backref", "pig-print-source"}
MARKED_CLASSES = {"pig-web"}
# The label a page of the web edition's own carries under its title.
WEB_PAGE_CLASS = "pig-web-page"
INTERFACE_ROLES = {"status", "alert"}
# The site's notes about its own controls (where answers are kept, say).
INTERFACE_CLASSES = {"pig-ui"}

# Interface texts that name what a link or a form is, not content. Each is
# a whole block (regular expression, matched against the folded text).
INTERFACE_TEXTS = [
    r"Werkblad om af te drukken: .+",
    r"Gespreksgids om af te drukken: .+",
    r"Lees de uitleg in het werkboek \(.+\)",
    r"Naam: Datum:",
    r"Rosa Helmantel en Saskia Tjepkema",  # the authors' names on the printed cover
]


def words(text: str) -> str:
    """``normalise`` with hyphens dropped: "waarderend-onderzoekend" and a
    word the print layout hyphenated at a line end compare alike."""
    return normalise(re.sub(r"[-‐]", "", text))


def joined_lines(text: str) -> str:
    """The book's text with the words it hyphenated at a line end joined."""
    return re.sub(r"(\S)-[ \t]*\n\s*(\w)", r"\1\2", text)


@functools.lru_cache(maxsize=1)
def book_text() -> str:
    """The book, normalised, with the listed corrections applied."""
    text = joined_lines(BOOK.read_text(encoding="utf-8"))
    text = text.replace("2.07", "2.0")
    # Note numbers glued to words: "Seligman1,2", "vooruit te zetten?’4".
    text = re.sub(r"(?<=[a-zé?’])\d{1,2}(?:,\d{1,2})?(?=[\s.,:;])", "", text)
    text = words(text)
    for correction in load_content().corrections:
        text = text.replace(words(correction.printed), words(correction.corrected))
    return text


def in_book(text: str) -> bool:
    """Whether ``text`` is the book's, word for word; a list or heading
    number ("1.", "a.") counts as numbering, not text."""
    found = words(text)
    if not found:
        return True
    book = book_text()
    if found in book:
        return True
    unnumbered = re.sub(r"^(?:\d{1,2}|[a-e])\s+", "", found)
    if unnumbered in book:
        return True
    # A heading that joins the book's part title and chapter title.
    parts = [words(part) for part in re.split(r" — |: ", text)]
    if len(parts) > 1 and all(part in book for part in parts):
        return True
    return _joined_at_seams(unnumbered.split(), book)


# Where the print layout broke a sentence over two columns or boxes, the
# site joins the two parts again: a block may be up to SEAMS + 1 runs of the
# book, each at least SEAM_RUN words long (an added sentence is not).
SEAMS = 3
SEAM_RUN = 6


def _joined_at_seams(words: list[str], book: str, seams: int = SEAMS) -> bool:
    if " ".join(words) in book:
        return True
    if seams == 0 or len(words) < 2 * SEAM_RUN:
        return False
    # The longest run from the start that the book has, then the rest.
    low, high = SEAM_RUN, len(words) - SEAM_RUN
    if " ".join(words[:low]) not in book:
        return False
    while low < high:
        middle = (low + high + 1) // 2
        if " ".join(words[:middle]) in book:
            low = middle
        else:
            high = middle - 1
    return _joined_at_seams(words[low:], book, seams - 1)


def is_interface(text: str) -> bool:
    return any(re.fullmatch(pattern, text) for pattern in INTERFACE_TEXTS)


class _Blocks(HTMLParser):
    """Each block of text with its tag, whether it is marked, and the page it
    is on (the whole-book page holds every page, each in a section)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, set[str], dict]] = []
        self.blocks: list[tuple[str, str, bool, int]] = []
        self._text: list[str] = []
        self.page = 0
        self.web_pages: set[int] = set()

    def _inside(self, test) -> bool:
        return any(test(tag, classes, attrs) for tag, classes, attrs in self.stack)

    def _state(self) -> tuple[str, bool]:
        tags = [tag for tag, _, _ in self.stack if tag in BLOCKS]
        marked = self._inside(
            lambda tag, classes, attrs: classes & (MARKED_CLASSES | INTERFACE_CLASSES)
            or tag in {"form", "fieldset"}
            or attrs.get("role") in INTERFACE_ROLES
        )
        return (tags[-1] if tags else "", bool(marked))

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            tag, marked = self._state()
            self.blocks.append((tag, text, marked, self.page))
        self._text = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        if tag in BLOCKS:
            self._flush()
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if tag == "section" and "print-page" in classes:
            self.page += 1
        if WEB_PAGE_CLASS in classes:
            # A page of the web edition's own, title included.
            self.web_pages.add(self.page)
        self.stack.append((tag, set((attributes.get("class") or "").split()), attributes))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag in BLOCKS:
            self._flush()
        for position in range(len(self.stack) - 1, -1, -1):
            if self.stack[position][0] == tag:
                del self.stack[position:]
                break

    def _in_marked_words(self) -> bool:
        """Inside a few marked words (a pig-web element within the block)."""
        blocks = [position for position, (tag, _, _) in enumerate(self.stack) if tag in BLOCKS]
        start = blocks[-1] + 1 if blocks else 0
        return any(classes & MARKED_CLASSES for _, classes, _ in self.stack[start:])

    def handle_data(self, data):
        if self._in_marked_words():
            return
        hidden = self._inside(
            lambda tag, classes, attrs: tag in NOT_TEXT_TAGS
            or classes & NOT_TEXT_CLASSES
            or "footnote" in classes
            or "hidden" in attrs
            or attrs.get("aria-hidden") == "true"
        )
        if not hidden:
            self._text.append(data)

    def close(self):
        super().close()
        self._flush()


def unmarked_additions(article_html: str) -> list[tuple[str, str]]:
    """(tag, text) of every block of ``article_html`` that is neither the
    book's text, nor marked as the web edition's, nor interface."""
    parser = _Blocks()
    parser.feed(article_html)
    parser.close()
    return [
        (tag, text)
        for tag, text, marked, page in parser.blocks
        if not marked and page not in parser.web_pages and not is_interface(text) and not in_book(text)
    ]
