"""Plain text from the data, made safe for the Markdown the renderers write.

Titles and names land in headings, link texts and table cells of generated
Markdown. There, ``<`` would start raw HTML, ``[``/``]`` a link, ``{`` an
attribute list, ``|`` a new table cell, ``*``/``_``/`` ` `` emphasis or code.
``md_text`` turns each such character into what a reader sees as that very
character: an HTML entity for ``<``, ``>`` and ``&``, a backslash escape for
the rest.
"""

from __future__ import annotations

import re

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Python-Markdown's backslash escapes (and "|", which its tables add).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~-])")


def md_text(text: str) -> str:
    """``text`` as inline Markdown that shows exactly ``text``, on one line."""
    text = " ".join(text.split())
    text = "".join(_ENTITIES.get(ch, ch) for ch in text)
    return _SPECIAL.sub(r"\\\1", text)
