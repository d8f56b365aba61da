"""Publish: from the content and the folder an engine built, the site as it
is hosted and handed out.

In this order, each step a plain function over the folder:

1. the whole book on one page, from the built pages in the book's order
   (book.py), with the printed book's cover line and colophon;
2. the search's Dutch stems (search.py); what no reader loads is removed
   (artefact.py);
3. one pass over the pages: each gets the site's stylesheet that holds what
   it shows (its hand-written rules in a <style>, the print rules generated
   from the data linked for print), the tables' script where it shows a
   table, names for the navigation's sections, and last (unless this is a
   preview) its Content-Security-Policy with the hashes of what it holds
   inline (policy.py);
4. the anchors the data names (technieken.yaml) are checked on their pages;
5. unless this is a preview: the PDFs (pdf.py) and the zip of it all.

``python -m macros publish SITE_DIR`` runs it after any engine; the MkDocs
plugin runs it after ``mkdocs build`` (and, without policies, PDFs and
zip, after each rebuild of ``mkdocs serve``).
"""

from __future__ import annotations

import functools
import logging
import re
import posixpath
import time
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from macros.content.library import Content
from macros.render.pdf import BOOK_PDF, render_pdf_link
from macros.render.stylesheets import COMPLETE, bundle_for, parts_needed, print_rules_path
from macros.site.artefact import archive_name, prune, search_languages, workbook_version, zip_site
from macros.site.html_parts import article_of, ids_of
from macros.site.navigation import name_navigation_sections
from macros.site.policy import with_policy
from macros.site.book import BOOK_PAGE, BookError, book_front, edition_day, write_book
from macros.site.prepare import Stylesheets, page_address, site_nav, stylesheets
from macros.site.project import Project, ProjectError
from macros.site.search import publish_stems

log = logging.getLogger("mkdocs.plugins.workbook")

# The script that makes tables that scroll reachable by keyboard.
TABLES_SCRIPT = "assets/tables.js"
BOOK_ADDRESS = page_address(BOOK_PAGE)
# The page served for a missing address, in any folder.
ERROR_PAGE = "404.html"


@dataclass
class Published:
    """What publish did, for the build's log."""

    pages: int = 0
    removed: list[Path] = field(default_factory=list)
    pdfs_drawn: int = 0
    pdfs_reused: int = 0
    archive: Path | None = None


def write_whole_book(site_dir: Path, project: Project, content: Content) -> None:
    """The whole book into its page (book.py), with its cover and colophon:
    this edition (the version in pyproject.toml, the day of the build or
    ``SOURCE_DATE_EPOCH``), its additions and corrections, its address."""
    front = book_front(
        title=project.site_name,
        description=project.site_description,
        authors=project.site_author,
        copyright=project.copyright,
        site_url=project.site_url or None,
        corrections=len({(c.printed, c.corrected) for c in content.corrections}),
        version=workbook_version(),
        day=edition_day(),
        use_directory_urls=project.use_directory_urls,
    )
    try:
        write_book(site_dir, site_nav(project, content), front, use_directory_urls=project.use_directory_urls)
    except BookError as error:
        raise ProjectError(str(error)) from None


def _relative(page: str, target: str) -> str:
    """The address of ``target`` (from the site's root) on the page at ``page``."""
    if page == ERROR_PAGE:  # served for a missing address in any folder (hosting/)
        return f"_root/{target}"
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def dress_page(html: str, address: str, sheets: Stylesheets) -> str:
    """A built page with the site's stylesheet that holds what it shows, the
    tables' script where it shows a table, and names for the navigation's
    sections. ``address`` is the page's path from the site's root."""
    article = article_of(html) or ""
    bundle = COMPLETE if address == BOOK_ADDRESS else bundle_for(parts_needed(article))
    styles = f"<style>{sheets.inline(bundle)}</style>"
    if print_rules_path(bundle) in sheets.print_files:
        styles += f'<link rel="stylesheet" href="{escape(_relative(address, print_rules_path(bundle)))}" media="print">'
    if "</head>" not in html or "</body>" not in html:
        raise ProjectError(f"Publish: {address} is not a whole page (no </head> or </body>)")
    html = html.replace("</head>", styles + "\n</head>", 1)
    if "<table" in article:
        script = f'<script src="{escape(_relative(address, TABLES_SCRIPT))}" defer></script>\n'
        at = html.rindex("</body>")
        html = html[:at] + script + html[at:]
    return name_navigation_sections(html)


def _file_of(site_dir: Path, folder: Path, address: str) -> Path:
    """The file an address of a page in ``folder`` names (the 404 page's
    addresses start at the site's root: ``_root/``)."""
    if address.startswith("_root/"):
        return (site_dir / address.removeprefix("_root/")).resolve()
    return (folder / address).resolve()


# An address from the host's root in an attribute ("/deel-1/..."), which
# leads nowhere where the site is served under a sub-path.
_FROM_HOST_ROOT = re.compile(r'(\s(?:href|src|data-src)=")/(?!/)')


def error_page_links(html: str) -> str:
    """The 404 page's addresses from the host's root made to start at the
    site's root (``_root/``, which the server redirects: hosting/). Zensical
    writes the 404 page's navigation so; MkDocs' has none."""
    return _FROM_HOST_ROOT.sub(r"\1_root/", html)


def dress_pages(site_dir: Path, sheets: Stylesheets, *, book_pdf: bool, policies: bool) -> int:
    """Every page of ``site_dir`` dressed (``dress_page``), in one pass: the
    whole-book page with the link to the book's PDF where there is one, each
    page with its Content-Security-Policy last (policy.py), as it holds the
    hashes of the page's inline scripts and styles."""
    pages = sorted(site_dir.rglob("*.html"))
    read = functools.lru_cache(maxsize=None)(lambda path: path.read_text(encoding="utf-8") if path.is_file() else None)
    for path in pages:
        address = path.relative_to(site_dir).as_posix()
        html = path.read_text(encoding="utf-8")
        if "</head>" not in html:  # a fragment the site loads (storage-probe.html), not a page
            continue
        if address == BOOK_ADDRESS and book_pdf:
            html = with_book_link(html)
        if address == ERROR_PAGE:
            html = error_page_links(html)
        html = dress_page(html, address, sheets)
        if policies:
            html = with_policy(html, lambda target, folder=path.parent: read(_file_of(site_dir, folder, target)))
        path.write_text(html, encoding="utf-8")
    return len(pages)


def check_anchors(site_dir: Path, content: Content) -> None:
    """An anchor named in the data that is not on its page: one line naming
    the data file, the technique and the field."""
    for werkvorm in content.conversations.werkvormen.values():
        if not werkvorm.anchor:
            continue
        page = site_dir / page_address(werkvorm.page)
        if page.is_file() and werkvorm.anchor not in ids_of(article_of(page.read_text(encoding="utf-8")) or ""):
            raise ProjectError(
                f"Content error in docs/data/technieken.yaml: technique '{werkvorm.id}': field 'anchor': "
                f"'#{werkvorm.anchor}' is not a heading or anchor on {werkvorm.page}"
            )


def publish(site_dir: Path, project: Project, content: Content, *, serving: bool = False) -> Published:
    """Make the built folder ``site_dir`` the site as published (see the module's text)."""
    done = Published()
    sheets = stylesheets(project, content)
    if (site_dir / BOOK_ADDRESS).is_file():
        write_whole_book(site_dir, project, content)
    publish_stems(site_dir)
    done.removed = prune(site_dir, search_languages(site_dir), project.favicon)
    # The preview's pages get the server's reload script: no policy; and no PDFs, no zip.
    pdfs = project.options.pdfs and not serving
    done.pages = dress_pages(site_dir, sheets, book_pdf=pdfs, policies=not serving)
    check_anchors(site_dir, content)
    if serving:
        return done
    if pdfs:
        done.pdfs_drawn, done.pdfs_reused = draw_pdfs(site_dir, project, content, sheets.complete())
    done.archive = zip_site(site_dir, archive_name())
    return done


def with_book_link(html: str) -> str:
    """The whole-book page offering the book as a PDF, at its top."""
    marker = '<div id="print-site-page"'
    if marker not in html or BOOK_PDF in html:
        return html
    return html.replace(marker, render_pdf_link(BOOK_PDF, "Het hele werkboek als PDF (A4)") + marker, 1)


def draw_pdfs(site_dir: Path, project: Project, content: Content, site_css: str) -> tuple[int, int]:
    """The PDFs of the site (pdf.py), into the folder before its zip."""
    from macros.site.pdf import build_pdfs, pdf_jobs

    started = time.perf_counter()
    cache = Path(project.options.pdf_cache)
    cache = cache if cache.is_absolute() else project.root / cache
    book = site_dir / BOOK_ADDRESS
    jobs = pdf_jobs(content, project, book.read_text(encoding="utf-8") if book.is_file() else None, site_css)
    drawn, reused = build_pdfs(site_dir, cache, jobs, project.options.workers)
    log.info(f"PDFs: {drawn} drawn, {reused} from the cache, in {time.perf_counter() - started:.1f} s")
    return drawn, reused
