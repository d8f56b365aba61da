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
- interface of the site, marked as such: its controls, their labels, its
  messages and its notes on them inside an element of class ``pig-ui``
  (the Verantwoording explains it), those a script shows later (``hidden``
  in the HTML) included.

Words of the book count only where the book has them as a block: a short
block ("In dit deel", a heading, a word of a figure) must be a whole line
or sentence of the book, not a few words out of one of its sentences; a
block that is nothing but a link to another page is navigation, the web
edition's own. The words of the figures (SVG ``text``) are blocks too.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

from sitebuild import BOOK, load_content, normalise

BLOCKS = {"text", "legend", "button", "label", "option", "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "figcaption", "caption", "dt", "dd", "summary", "blockquote"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Never text of the page: scripts, a drawing's title (its text alternative),
# footnote numbers, permalinks, what a field holds.
NOT_TEXT_TAGS = {"script", "style", "title", "sup", "textarea", "template"}
NOT_TEXT_CLASSES = {"headerlink", "footnote-backref", "pig-print-source", "pig-sr"}
# Elements that hold a block of the book's text of their own inside a
# block (the two statements of a line of the mindset test).
INNER_BLOCK_CLASSES = {"pig-mt__left", "pig-mt__right"}
MARKED_CLASSES = {"pig-web"}
# The label a page of the web edition's own carries under its title.
WEB_PAGE_CLASS = "pig-web-page"
# The site's notes about its own controls (where answers are kept, say).
INTERFACE_CLASSES = {"pig-ui"}

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


# A block of fewer words is the book's only where the book has it as a block.
SHORT = 5


_OPENS = "([‘“\"•"
_CLOSES = ".?!:;,)’”\"/•"


@functools.lru_cache(maxsize=1)
def book_words() -> tuple[list[str], list[bool], list[bool], dict[str, list[int]]]:
    """The book's words (normalised, the corrections applied) with, for
    each, whether a block may start before it and end after it: at a line's
    start or end, at punctuation, or at a capital (the words of the book's
    figures stand on one line, each label with a capital)."""
    text = joined_lines(BOOK.read_text(encoding="utf-8")).replace("2.07", "2.0")
    text = re.sub(r"(?<=[a-zé?’])\d{1,2}(?:,\d{1,2})?(?=[\s.,:;])", "", text)
    for correction in load_content().corrections:
        text = text.replace(correction.printed, correction.corrected)
    tokens = list(re.finditer(r"[^\s/]+", text))
    found, starts, ends = [], [], []
    for n, token in enumerate(tokens):
        raw = token.group()
        before = text[tokens[n - 1].end() : token.start()] if n else "\n"
        after = text[token.end() : tokens[n + 1].start()] if n + 1 < len(tokens) else "\n"
        following = tokens[n + 1].group() if n + 1 < len(tokens) else ""
        previous = tokens[n - 1].group() if n else ""
        start = (
            "\n" in before
            or "/" in before
            or raw[0] in _OPENS
            or raw[0].isupper()
            or raw[0].isdigit()
            or previous[-1:] in _CLOSES
            or previous == "o"
            or previous.isdigit()
        )
        # (The mindset test's statements stand between rows of "o o o o o".)
        end = (
            "\n" in after
            or "/" in after
            or raw[-1] in _CLOSES
            or following[:1] in _OPENS
            or following[:1].isupper()
            or following == "o"
        )
        parts = words(raw).split()
        for m, part in enumerate(parts):
            found.append(part)
            starts.append(start and m == 0)
            ends.append(end and m == len(parts) - 1)
    index: dict[str, list[int]] = {}
    for n, word in enumerate(found):
        index.setdefault(word, []).append(n)
    return found, starts, ends, index


def is_book_block(text: str) -> bool:
    """Whether the (normalised) ``text`` stands in the book as a block of its
    own: a heading, a label, a clause; not a few words out of a sentence."""
    found, starts, ends, index = book_words()
    wanted = text.split()
    for n in index.get(wanted[0], []):
        if found[n : n + len(wanted)] == wanted and starts[n] and ends[n + len(wanted) - 1]:
            return True
    return False


def in_book(text: str) -> bool:
    """Whether ``text`` is the book's, word for word; a list or heading
    number ("1.", "a.") counts as numbering, not text."""
    found = words(text)
    if not found or found.replace(" ", "").isdigit():  # no words, or a number
        return True
    unnumbered = re.sub(r"^(?:\d{1,2}|[a-e])\s+", "", found)
    if len(unnumbered.split()) < SHORT:
        return is_book_block(found) or is_book_block(unnumbered)
    book = f" {book_text()} "
    if f" {found} " in book or f" {unnumbered} " in book:
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


# The prefix of a block that is nothing but a link to another page.
NAVIGATION = "→ "


class _Blocks(HTMLParser):
    """Each block of text with its tag, whether it is marked, and the page it
    is on (the whole-book page holds every page, each in a section)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, set[str], dict]] = []
        self.blocks: list[tuple[str, str, bool, int]] = []
        self._text: list[str] = []
        self._linked: list[str] = []
        self.page = 0
        self.web_pages: set[int] = set()

    def _inside(self, test) -> bool:
        return any(test(tag, classes, attrs) for tag, classes, attrs in self.stack)

    def _state(self) -> tuple[str, bool]:
        tags = [tag for tag, _, _ in self.stack if tag in BLOCKS]
        marked = self._inside(lambda tag, classes, attrs: classes & (MARKED_CLASSES | INTERFACE_CLASSES))
        return (tags[-1] if tags else "", bool(marked))

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            tag, marked = self._state()
            # Nothing but a link to another page: navigation.
            if " ".join("".join(self._linked).split()) == text:
                text = f"{NAVIGATION}{text}"
            self.blocks.append((tag, text, marked, self.page))
        self._text = []
        self._linked = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if tag in BLOCKS or classes & INNER_BLOCK_CLASSES:
            self._flush()
        if tag == "section" and "print-page" in classes:
            self.page += 1
        if WEB_PAGE_CLASS in classes:
            # A page of the web edition's own, title included.
            self.web_pages.add(self.page)
        self.stack.append((tag, set((attributes.get("class") or "").split()), attributes))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag in BLOCKS or any(t == tag and c & INNER_BLOCK_CLASSES for t, c, _ in self.stack[-1:]):
            self._flush()
        for position in range(len(self.stack) - 1, -1, -1):
            if self.stack[position][0] == tag:
                del self.stack[position:]
                break

    def _in_marked_words(self) -> bool:
        """Inside a few marked words (a pig-web or pig-ui element within the block)."""
        blocks = [position for position, (tag, _, _) in enumerate(self.stack) if tag in BLOCKS]
        start = blocks[-1] + 1 if blocks else 0
        return any(classes & (MARKED_CLASSES | INTERFACE_CLASSES) for _, classes, _ in self.stack[start:])

    def handle_data(self, data):
        if self._in_marked_words():
            return
        hidden = self._inside(
            lambda tag, classes, attrs: tag in NOT_TEXT_TAGS
            or classes & NOT_TEXT_CLASSES
            or "footnote" in classes
            or attrs.get("aria-hidden") == "true"
        )
        if not hidden:
            self._text.append(data)
            if self._inside(lambda tag, classes, attrs: tag == "a" and not (attrs.get("href") or "#").startswith("#")):
                self._linked.append(data)

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
        if not marked and page not in parser.web_pages and (text.startswith(NAVIGATION) or not in_book(text))
    ]


# The book as a PDF ------------------------------------------------------------

# What the PDF prints of its own, around the print page's text: footers,
# page numbers, the table of contents' lines, the badge of a marked block
# ("WEBEDITIE", the text-transform of "webeditie") and the page numbers
# after a cross-reference.
PDF_FURNITURE = [
    r"Positief in Gesprek — webeditie(?: \d+)?",
    r"Positief in Gesprek · .*",
    r"pagina(?: \d+)?",
    r".*?(?:\s*\.){3,}\s*\d+",
]
_SEE_PAGE = re.compile(r"\(zie\s+p\.\s*\d+\)")
BADGE = "WEBEDITIE"
# A worksheet marks the web edition's additions on paper more quietly (issue
# of trainers' handouts): a small mark on each, and its meta line saying once
# what they are (render/worksheets.py, edition_note).
SHEET_NOTE = "Toegevoegd door de webeditie"


class _AllText(_Blocks):
    """Every block's text, marked or not, footnotes included (the PDF
    prints them at the foot of the page)."""

    def handle_data(self, data):
        if not self._inside(lambda tag, classes, attrs: tag in {"script", "style", "title", "template"}):
            self._text.append(data)


class _MarkedBlocks(HTMLParser):
    """The text of every outermost element of class ``pig-web`` that is a
    block (not a few words in a sentence), outside a page of the web
    edition's own, the cover and the colophon: each shows a badge."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.found: list[list[str]] = []
        self.web_page = False

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "section" and "print-page" in classes:
            self.web_page = False
        if WEB_PAGE_CLASS in classes:
            self.web_page = True
        outermost = not any(marked for _, marked in self.stack)
        starts = "pig-web" in classes and tag != "span" and outermost and not self.web_page
        if starts and not classes & {"pig-cover", "pig-colophon"}:
            self.found.append([])
        self.stack.append((tag, "pig-web" in classes or any(marked for _, marked in self.stack)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        for position in range(len(self.stack) - 1, -1, -1):
            if self.stack[position][0] == tag:
                del self.stack[position:]
                break

    def handle_data(self, data):
        if self.found and any(marked for _, marked in self.stack):
            self.found[-1].append(data)


def pdf_words(text: str) -> str:
    """``normalise`` with hyphens as spaces: the PDF breaks a line after a
    word's hyphen ("taak-" / "en leerspanning")."""
    return normalise(re.sub(r"[-‐]", " ", text))


def _pdf_lines(page_text: str) -> list[str]:
    text = _SEE_PAGE.sub(" ", page_text)
    text = re.sub(r"-\n(?=\w)", "-", text)  # a line broken after a hyphen
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _cleaned(line: str) -> str:
    line = line.replace(BADGE, " ")
    line = re.sub(r"^\d{1,2}\. ", "", line)  # a footnote's number
    return re.sub(r"(?<=[^\W\d])\d{1,2}(?:,\d{1,2})?(?![\w-])", "", line)  # a note's call


def pdf_unmarked_lines(page_texts: list[str], print_html: str) -> list[tuple[int, str]]:
    """(page, text) of every piece of a line of the book PDF that is not
    the text of a block of the print page it is drawn from (whose blocks
    the page check proves the book's or marked), nor the PDF's own
    furniture (``PDF_FURNITURE``)."""
    parser = _AllText()
    parser.feed(print_html)
    parser.close()
    known = " ¦ " + " ¦ ".join(pdf_words(text) for _, text, _, _ in parser.blocks) + " ¦ "

    def found(piece: list[str]) -> bool:
        return f" {' '.join(piece)} " in known

    bad = []
    for number, page_text in enumerate(page_texts, 1):
        for line in _pdf_lines(page_text):
            if any(re.fullmatch(pattern, line) for pattern in PDF_FURNITURE):
                continue
            tokens = pdf_words(_cleaned(line)).split()
            start = 0
            # A line may hold the words of two blocks side by side (a
            # table's cells, a form's two statements): the longest known
            # piece from each start.
            while start < len(tokens):
                if tokens[start].isdigit():  # a number: a page's, a note's, a list's
                    start += 1
                    continue
                end = next((end for end in range(len(tokens), start, -1) if found(tokens[start:end])), None)
                if end is None:
                    bad.append((number, " ".join(tokens[start:])))
                    break
                start = end
    return bad


def _footer(page_text: str) -> str:
    """The running footer's title on a page of the book PDF ("Positief in
    Gesprek · <title>"), or ""."""
    found = re.search(r"Positief in Gesprek · (.*?)(?: pagina \d+)?$", " ".join(page_text.split()))
    return found.group(1) if found else ""


def pdf_marked_without_badge(page_texts: list[str], print_html: str) -> list[str]:
    """The marked blocks of the print page that the PDF prints on a page
    without a badge ("WEBEDITIE", or a worksheet's note of what the web
    edition added): each block's first words are looked for
    on every page; blocks the PDF does not print are left aside."""
    parser = _MarkedBlocks()
    parser.feed(print_html)
    parser.close()
    pages = [" ".join(pdf_words(_cleaned(line)) for line in _pdf_lines(text)) for text in page_texts]
    # The pages of a worksheet: its running footer names it, and its first
    # page holds its note.
    quiet = {_footer(text) for text in page_texts if SHEET_NOTE in " ".join(text.split())} - {""}
    missing = []
    for block in parser.found:
        start = " ".join(pdf_words(" ".join(block)).split()[:6])
        if not start:
            continue
        shown = [number for number, page in enumerate(pages) if f" {start} " in f" {page} "]
        if shown and not any(BADGE in page_texts[number] or _footer(page_texts[number]) in quiet for number in shown):
            missing.append(start)
    return missing
