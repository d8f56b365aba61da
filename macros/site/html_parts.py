"""Where an element of a built page starts and ends, found by parsing.

Publish reads the pages an engine wrote (any engine: the article of a page
is Material's ``article.md-content__inner``); it finds elements with the
standard library's HTML parser, not with patterns over the text.
"""

from __future__ import annotations

from html.parser import HTMLParser

from macros.render.html_attributes import attribute_values

# Elements that never have an end tag.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


class _Finder(HTMLParser):
    """The offsets of the first element ``tag`` whose classes include
    ``css_class`` (or whose id is ``element_id``): where its content starts
    and where its end tag starts."""

    def __init__(self, html: str, tag: str, css_class: str | None, element_id: str | None):
        super().__init__(convert_charrefs=False)
        self.tag, self.css_class, self.element_id = tag, css_class, element_id
        self.lines = [0]
        for line in html.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.start: int | None = None
        self.end: int | None = None
        self.depth = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if self.end is not None or tag in VOID:
            return
        if self.start is not None:
            if tag == self.tag:
                self.depth += 1
            return
        values = dict(attrs)
        if tag != self.tag:
            return
        if self.css_class is not None and self.css_class not in (values.get("class") or "").split():
            return
        if self.element_id is not None and values.get("id") != self.element_id:
            return
        self.start = self._offset() + len(self.get_starttag_text())
        self.depth = 1

    def handle_endtag(self, tag):
        if self.start is None or self.end is not None or tag != self.tag:
            return
        self.depth -= 1
        if self.depth == 0:
            self.end = self._offset()


def inner_span(html: str, tag: str, *, css_class: str | None = None, element_id: str | None = None) -> tuple[int, int] | None:
    """(start, end) of the content of the first such element of ``html``, or None."""
    finder = _Finder(html, tag, css_class, element_id)
    finder.feed(html)
    finder.close()
    if finder.start is None or finder.end is None:
        return None
    return finder.start, finder.end


def article_of(page_html: str) -> str | None:
    """The content of a built page's article (Material's layout), or None."""
    span = inner_span(page_html, "article", css_class="md-content__inner")
    return page_html[span[0] : span[1]] if span else None


def ids_of(html: str) -> set[str]:
    """Every id of an element in ``html``."""
    return attribute_values(html, "id")
