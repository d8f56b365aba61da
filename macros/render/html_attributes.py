"""The values of one attribute over every element of some HTML, read with
the standard library's parser (classes for the stylesheets, ids for the
anchors the data names)."""

from __future__ import annotations

from html.parser import HTMLParser


class _Values(HTMLParser):
    def __init__(self, attribute: str, split: bool):
        super().__init__(convert_charrefs=True)
        self.attribute, self.split = attribute, split
        self.values: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == self.attribute and value:
                self.values.update(value.split() if self.split else [value])

    handle_startendtag = handle_starttag


def attribute_values(html: str, attribute: str, *, split: bool = False) -> set[str]:
    """Every value of ``attribute`` in ``html``; with ``split``, each word of
    it (a ``class`` holds several)."""
    parser = _Values(attribute, split)
    parser.feed(html)
    parser.close()
    return parser.values
