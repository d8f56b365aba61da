"""The print edition: PDFs of the built site, written into it before the zip.

``mkdocs build`` runs ``build_pdfs`` after the pages are written (see
``hooks.py``); ``mkdocs serve`` never does. Each PDF is drawn by WeasyPrint
from a small document of its own (``macros/render/pdf.py``) and kept in a
cache keyed by everything it is made of (the document, the stylesheets, the
engine's version), so a build only draws what changed. The documents are
drawn in two processes.

Plain functions over the built folder; nothing of MkDocs is used here.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from macros.render.pdf import (
    AUTHORS,
    BOOK_PDF,
    MINDSET_PDF,
    WORKBOOK,
    book_document,
    conversation_pdf,
    footnotes_in_place,
    guide_documents,
    page_document,
    pdf_css,
    sheet_pdf,
)
from macros.site.navigation import MINDSET_TEST, sheet_page

log = logging.getLogger("mkdocs.plugins.workbook.pdf")


# Cached PDFs not used for this long are removed.
CACHE_DAYS = 30
WORKERS = 2


@dataclass(frozen=True)
class Job:
    """One PDF to draw: where it goes (from the site's root), its document
    and the stylesheets (as text) it is drawn with."""

    target: str
    html: str
    stylesheets: tuple[str, ...]
    # Documents drawn after ``html``, each counting its own pages; their
    # pages are added to the PDF.
    then: tuple[str, ...] = ()


def engine_version() -> str:
    import weasyprint

    return weasyprint.__version__


# How every PDF is written: tagged for screen readers (PDF/UA-1), with the
# form fields of the documents that have them (worksheets, the mindset test).
OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_forms": True}


def cache_key(job: Job, engine: str) -> str:
    digest = hashlib.sha256((engine + repr(sorted(OPTIONS.items()))).encode())
    for part in (job.html, *job.stylesheets, *job.then):
        digest.update(b"\0" + part.encode("utf-8"))
    return digest.hexdigest()


def draw(job: Job) -> bytes:
    """The PDF of ``job``: A4 (the stylesheets' @page), tagged for screen
    readers (PDF/UA-1), with the document's title, authors and language."""
    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    stylesheets = [weasyprint.CSS(string=css) for css in job.stylesheets]
    # No base address: a link to a page of the site leads nowhere from a
    # PDF, so the engine leaves it out; links inside the PDF keep working.
    options = OPTIONS
    document = weasyprint.HTML(string=job.html, base_url=None).render(stylesheets=stylesheets, **options)
    pages = list(document.pages)
    for html in job.then:
        pages += weasyprint.HTML(string=html, base_url=None).render(stylesheets=stylesheets, **options).pages
    return document.copy(pages).write_pdf(**options)


def _draw_to(job: Job, path: str) -> str:
    data = draw(job)
    partial = f"{path}.{os.getpid()}.part"
    Path(partial).write_bytes(data)
    os.replace(partial, path)
    return job.target


def pdf_jobs(site_dir: Path, project, content, site_css: str) -> list[Job]:
    """Every PDF of the site (``jobs``), drawn with ``site_css``, the site's complete stylesheet."""
    return jobs(site_dir, content.worksheets, content.conversations, MINDSET_TEST, site_css, project.site_url or None)


def jobs(site_dir: Path, worksheets, conversations, mindset_page: str, site_css: str, site_url: str | None = None) -> list[Job]:
    """Every PDF of the site: the whole book first (the longest), then the
    conversation guides, the mindset test and the worksheets. The book's
    links to pages it leaves out go to ``site_url`` (or are left out)."""
    own_css = pdf_css()

    def page(src_url: str) -> str:
        return (site_dir / src_url).read_text(encoding="utf-8")

    found = []
    print_page = site_dir / "print_page.html"
    if print_page.is_file():
        html, outline = book_document(
            print_page.read_text(encoding="utf-8"),
            WORKBOOK,
            f"Het werkboek {WORKBOOK} van {AUTHORS}, in de webeditie.",
            site_url,
        )
        found.append(Job(BOOK_PDF, footnotes_in_place(html), (site_css, own_css, outline)))
    for conversation in conversations:
        title = f"Gespreksgids: {conversation.person.name} — {WORKBOOK}"
        guide, *after = guide_documents(title, page(conversation.page.removesuffix(".md") + ".html"))
        found.append(Job(conversation_pdf(conversation.id), footnotes_in_place(guide), (site_css, own_css), tuple(after)))
    found.append(
        Job(
            MINDSET_PDF,
            page_document(f"Check je eigen mindset — {WORKBOOK}", page(mindset_page.removesuffix(".md") + ".html"), "mindset"),
            (site_css, own_css),
        )
    )
    for sheet in worksheets:
        html = page_document(f"{sheet.title} — {WORKBOOK}", page(sheet_page(sheet.id).removesuffix(".md") + ".html"), "sheet")
        found.append(Job(sheet_pdf(sheet.id), html, (site_css, own_css)))
    return found


def build_pdfs(site_dir: Path, cache: Path, found: list[Job], workers: int = WORKERS) -> tuple[int, int]:
    """Write every PDF of ``found`` into ``site_dir``, from ``cache`` where
    it holds the same source, else drawn (and cached). Returns (drawn, reused)."""
    cache.mkdir(parents=True, exist_ok=True)
    engine = engine_version()
    keyed = [(job, cache / f"{cache_key(job, engine)}.pdf") for job in found]
    missing = [(job, path) for job, path in keyed if not path.is_file()]
    if len(missing) > 1 and workers > 1:
        with ProcessPoolExecutor(max_workers=min(workers, len(missing))) as pool:
            for future in [pool.submit(_draw_to, job, str(path)) for job, path in missing]:
                future.result()
    else:
        for job, path in missing:
            _draw_to(job, str(path))
    for job, path in keyed:
        target = site_dir / job.target
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        os.utime(path)  # recently used: kept by prune_cache
    prune_cache(cache)
    return len(missing), len(keyed) - len(missing)


def prune_cache(cache: Path, days: int = CACHE_DAYS) -> None:
    """Remove cached PDFs no build has used for ``days``."""
    limit = time.time() - days * 86400
    for path in cache.glob("*.pdf"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except FileNotFoundError:  # pragma: no cover - another build pruned it
            pass
