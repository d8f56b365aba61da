"""Which text is the book's and which the web edition's own.

A page of the web edition's own (front matter ``edition: web``) carries a
label under its title; smaller additions on a page of the book are marked
with the class ``pig-web`` where they are written. The Verantwoording page
explains both.
"""

from __future__ import annotations

import re
from html import escape

WEB_EDITION = "web"
# Markdown inside (md_in_html), so MkDocs checks and rewrites the link.
WEB_PAGE_LABEL = (
    '<p class="pig-web-page" data-search-exclude markdown><span class="pig-web-page__badge">Webeditie</span> '
    "Deze pagina is van de webeditie en staat niet in het boek. "
    "[Wat voegt de webeditie toe?]({href})</p>"
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


# The printed book's cover and colophon --------------------------------------

DUTCH_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def dutch_date(day) -> str:
    """``day`` (a date) as Dutch readers write it: "7 december 2026"."""
    return f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}"


def render_cover_edition(version: str, day) -> str:
    """The line of the printed cover that says which edition this is."""
    return (
        f'<p class="pig-cover__edition">Webeditie {escape(version)}<br>'
        f"{escape(dutch_date(day))}</p>"
    )


def render_colophon(
    *, copyright: str, version: str, day, corrections: int, about_href: str, site_url: str | None
) -> str:
    """The printed book's colophon (the page after its cover): whose the
    text is, which edition this is, what it added and corrected, and where
    it is on the web (only when the site's address is known)."""
    address = (
        f'<p>Deze editie staat op het web: <a href="{escape(site_url)}">{escape(site_url)}</a></p>'
        if site_url
        else ""
    )
    return (
        '<section class="pig-colophon pig-web" aria-label="Colofon">'
        f"<p>{escape(copyright)}</p>"
        f"<p>Webeditie {escape(version)}, {escape(dutch_date(day))}.</p>"
        "<p>Deze webeditie bevat de hele tekst van het werkboek, woord voor woord. "
        "Ze voegt er het volgende aan toe: kopjes, inhoudslijstjes, onderschriften bij figuren, "
        "de kaartjes en overzichten bij de voorbeeldgesprekken in Deel 4, de werkbladen om in te vullen, "
        "de teksten van de voetnoten en de pagina’s Bronnen en Verantwoording. "
        "Alles wat de webeditie toevoegt, is gemarkeerd met ‘webeditie’.</p>"
        f"<p>De webeditie verbetert {corrections} kleine fouten in spelling en grammatica van het boek. "
        f'Welke, en hoe de tekst verder is overgenomen, staat in de <a href="{escape(about_href)}">Verantwoording</a>.</p>'
        f"{address}"
        "</section>"
    )
