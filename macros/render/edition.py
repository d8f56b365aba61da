"""Which text is the book's and which the web edition's own.

A page of the web edition's own (front matter ``edition: web``) carries a
label under its title; smaller additions on a page of the book are marked
with the class ``pig-web`` where they are written. The Verantwoording page
explains both.
"""

from __future__ import annotations

import re

WEB_EDITION = "web"
# Markdown inside (md_in_html), so MkDocs checks and rewrites the link.
WEB_PAGE_LABEL = (
    '<p class="pig-web-page" markdown><span class="pig-web-page__badge">Webeditie</span> '
    "Deze pagina is van de webeditie en staat niet in het boek. "
    "[Wat is van de webeditie?]({href})</p>"
)
ABOUT_PAGE = "verantwoording.md"

_FIRST_H1 = re.compile(r"^# .*$", re.M)


def label_web_page(markdown: str, about_href: str) -> str:
    """``markdown`` with the web edition's label after its title (or first,
    where the page has no "# " title of its own); ``about_href`` is the link
    to the page that explains the marking."""
    label = WEB_PAGE_LABEL.format(href=about_href)
    match = _FIRST_H1.search(markdown)
    if not match:
        return f"{label}\n\n{markdown}"
    return f"{markdown[: match.end()]}\n\n{label}\n{markdown[match.end():]}"
