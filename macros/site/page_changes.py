"""What the web edition changes on a page, as a Python-Markdown extension.

Listed under ``markdown_extensions`` in mkdocs.yml, so every engine that
converts the pages with Python-Markdown runs it (MkDocs and Zensical alike),
and the pages come out the same:

- before the Markdown is converted (after the macros): the corrections of
  the book's slips that belong to the page (docs/data/corrections.yaml), and
  the web edition's label under the title of a page of its own (front
  matter ``edition: web``);
- after: a comma between note marks that follow each other, table cells
  kept apart for the search's previews, and the links to the PDFs of what
  the page shows (a worksheet, a guide, the self-test, the werkmap's list)
  when the build makes PDFs.

The extension needs to know which page it converts. Zensical says so in its
own Markdown context; the MkDocs plugin (plugin.py) gives it the page it is
rendering. Converting text that is no page (a PDF's document) changes nothing.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from macros.content.library import Content
from macros.render.edition import ABOUT_PAGE, WEB_EDITION, label_web_page
from macros.render.notes import separate_note_marks
from macros.render.pdf import (
    MINDSET_PDF,
    after_title,
    conversation_pdf,
    pdf_href,
    render_pdf_link,
    render_pdf_list,
    render_pdf_list_link,
    sheet_pdf,
)
from macros.render.search import cells_apart
from macros.render.worksheets import pages_label
from macros.site.navigation import MINDSET_TEST, WERKMAP, sheet_page



@dataclass(frozen=True)
class PageInfo:
    """What the changes need to know of the page being converted."""

    src: str  # its path under docs/
    url: str  # its address from the site's root
    meta: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Site:
    """What the changes need to know of the site: its content, and whether
    this build makes PDFs (then the pages link to them)."""

    content: Content
    pdfs: bool


def with_pdf_links(html: str, page: PageInfo, content: Content) -> str:
    """A page's ``html`` with links to the PDFs of what it shows."""
    sheets = {sheet_page(sheet.id): sheet for sheet in content.worksheets}
    guides = {conversation.page: conversation for conversation in content.conversations}
    src, url = page.src, page.url
    if src in sheets:
        sheet = sheets[src]
        label = f"Werkblad als invulbare PDF (A4, {pages_label(sheet.pages)})"
        return after_title(html, render_pdf_link(pdf_href(url, sheet_pdf(sheet.id)), label))
    if src in guides:
        guide = guides[src]
        label = f"Gespreksgids {guide.person.name} met invulbaar voorbereidingsblad en observatieblad als PDF (A4)"
        return after_title(html, render_pdf_link(pdf_href(url, conversation_pdf(guide.id)), label))
    if src == MINDSET_TEST:
        return after_title(html, render_pdf_link(pdf_href(url, MINDSET_PDF), "De zelftest als PDF-formulier (A4)"))
    if src == WERKMAP:
        items = [
            (sheet.id, pdf_href(url, sheet_pdf(sheet.id)), f"{sheet.title} ({pages_label(sheet.pages)})")
            for sheet in content.worksheets
        ]
        marker = '<div class="pig-pack__sheets"'
        if marker in html:
            html = html.replace(marker, render_pdf_list(items) + marker, 1)
            bar_end = "data-pig-pack-none>Niets aanvinken</button>"
            return html.replace(bar_end, bar_end + "\n" + render_pdf_list_link(), 1)
    return html


def changed_markdown(markdown: str, page: PageInfo, content: Content) -> str:
    """The page's Markdown (its macros run) with its corrections and, on a
    page of the web edition's own, the label under its title."""
    markdown = content.corrections.apply_text(page.src, markdown)
    if page.meta.get("edition") == WEB_EDITION:
        here = posixpath.dirname(page.src)
        markdown = label_web_page(markdown, posixpath.relpath(ABOUT_PAGE, here or "."))
    return markdown


def changed_html(html: str, page: PageInfo, site: Site) -> str:
    """The page's converted ``html`` with the changes made after Markdown.

    Engines also run the postprocessors over bits of a page (MkDocs over a
    heading's text, to take the page's title from it): the PDF links go
    after a page's title only where the text holds one."""
    html = cells_apart(separate_note_marks(html))
    return with_pdf_links(html, page, site.content) if site.pdfs and "</h1>" in html else html


# The page and site in Zensical's Markdown context -----------------------------


def _zensical_page(md: Markdown) -> tuple[PageInfo, Site] | None:
    try:
        from zensical.extensions.context import ContextPreprocessor
    except ImportError:
        return None
    context = ContextPreprocessor.from_markdown(md)
    page = getattr(context, "page", None) if context else None
    if page is None:
        return None
    from macros.site.project import Project

    config = context.config or {}
    project = Project.load(Path(config.get("root_dir") or "."))
    info = PageInfo(page.path, page.url.lstrip("/"), dict(page.meta or {}))
    return info, Site(project.content(), project.options.pdfs)


# The extension ----------------------------------------------------------------

PageSource = Callable[[Markdown], "tuple[PageInfo, Site] | None"]


class _Before(Preprocessor):
    def __init__(self, md: Markdown, extension: PageChanges):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        found = self.extension.page_of(self.md)
        if found is None:
            return lines
        page, site = found
        return changed_markdown("\n".join(lines), page, site.content).split("\n")


class _After(Postprocessor):
    def __init__(self, md: Markdown, extension: PageChanges):
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        found = self.extension.page_of(self.md)
        if found is None:
            return text
        page, site = found
        return changed_html(text, page, site)


class PageChanges(Extension):
    """The web edition's changes of a page (see the module's text)."""

    def __init__(self, **kwargs: Any):
        self.config = {"page_of": [_zensical_page, "a function of the Markdown instance: (PageInfo, Site) or None"]}
        super().__init__(**kwargs)

    def page_of(self, md: Markdown) -> tuple[PageInfo, Site] | None:
        return self.getConfig("page_of")(md)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # After the macros (Zensical runs them as a preprocessor at 35;
        # MkDocs before any), before fenced code (25) and raw HTML (20).
        md.preprocessors.register(_Before(md, self), "pig_page_changes", 34)
        # After everything else: raw HTML is back in place (30), notes done.
        md.postprocessors.register(_After(md, self), "pig_page_changes", 1)


def makeExtension(**kwargs: Any) -> PageChanges:  # noqa: N802 - Python-Markdown's name
    return PageChanges(**kwargs)
