"""The book's notes on a built page (Markdown's footnotes)."""

from __future__ import annotations

import re

# Two note marks in a row ("Seligman¹²" reads as note twelve).
# (The whole-book page prefixes the ids with the page's: "index-fnref:x".)
_ADJACENT = re.compile(r'(<sup id="[^"]*fnref[^"]*"><a class="footnote-ref"[^>]*>[^<]*</a></sup>)(?=<sup id="[^"]*fnref)')

NOTE_SEPARATOR = '<sup class="pig-note-sep">,</sup>'


def separate_note_marks(html: str) -> str:
    """``html`` with a comma between note marks that follow each other:
    "Seligman¹,²"."""
    return _ADJACENT.sub(lambda m: m.group(1) + NOTE_SEPARATOR, html)
