"""The link to the zip of the whole site, as a page shows it."""

from __future__ import annotations

import posixpath

from .templating import render


def download_href(page_url: str, name: str) -> str:
    """The zip's address relative to the page at ``page_url`` (site root based)."""
    folder = posixpath.dirname(page_url)
    return posixpath.relpath(name, folder) if folder else name


def render_download_link(page_url: str, name: str) -> str:
    """An inline link that downloads the zip ``name`` from the site's root."""
    return render("download.html", href=download_href(page_url, name), name=name)
