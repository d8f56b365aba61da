"""MkDocs build hooks (``hooks:`` in mkdocs.yml): thin adapters only.

- on_config: the generated worksheet pages and the whole book's page get
  their place in the navigation.
- on_files: a page per worksheet (``werkbladen/<id>.md``), the whole book's
  shell page (``print_page.md``, book.py) and the site's
  stylesheets (the parts in ``docs/assets/css/`` with the print rules
  generated from the data, joined and minified: ``render/stylesheets.py``)
  become files of the site; the site's own scripts are published minified.
- on_page_markdown: an error in a page's macros as one line (page_errors.py).
- on_serve: under ``mkdocs serve``, a failed rebuild shows its error on
  every page instead of leaving requests waiting (page_errors.py).
- on_page_content, on_env: the anchors that technieken.yaml names are on their pages.
- on_template_context: the 404 page's links, through ``_root/`` (hosting/).
- on_page_content: a page that brings scripts, handlers or resources from
  outside stops the build with one line (page_check.py);
  the stylesheet a page holds (what its HTML shows), the
  tables' script where a table is; links to the PDFs (not under
  ``mkdocs serve``, which makes none).
- on_post_build: the search's Dutch stems (search.py), the whole book
  written into its page (with its cover and colophon; book.py), prune what no
  reader loads, give each page its Content-Security-Policy (policy.py),
  draw the PDFs (``mkdocs build`` only; pdf.py), zip.

The work is done by plain functions in ``macros.render`` and ``macros.site``.
"""

from __future__ import annotations

import logging
import os
import re
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import is_error_template, normalize_url

from macros.render.notes import separate_note_marks
from macros.render.pdf import (
    BOOK_PDF,
    MINDSET_PDF,
    after_title,
    conversation_pdf,
    pdf_href,
    render_pdf_link,
    render_pdf_list,
    render_pdf_list_link,
    sheet_pdf,
)
from macros.render.print_css import generated_rules
from macros.render.scripts import is_own_script, minified_script
from macros.render.search import cells_apart
from macros.render.stylesheets import (
    BUNDLES,
    COMPLETE,
    PARTS,
    bundle_css,
    bundle_for,
    handwritten_css,
    parts_needed,
    print_rules_css,
    print_rules_path,
    stylesheet_path,
)
from macros.render.worksheets import pages_label
from macros.site.book import BOOK_PAGE, BOOK_TITLE, BookError, book_front, book_page_source, edition_day, write_book
from macros.site.artefact import archive_name, prune, search_languages, workbook_version, zip_site
from macros.site.env import MINDSET_TEST, WERKMAP, load_site_content
from macros.site.navigation import name_navigation_sections, sheet_page, with_sheet_pages
from macros.site.pdf import SERVING, build_pdfs, cache_dir, jobs, pdfs_wanted, serving
from macros.site.page_check import page_problem
from macros.site.page_errors import answer_with_errors, error_page, page_error, page_error_notice, one_line_reports
from macros.site.policy import apply_policies
from macros.site.search import publish_stems

log = logging.getLogger("mkdocs.hooks.artefact")

# The parts of the site's stylesheets (render/stylesheets.py), in docs/.
STYLE_PARTS = "assets/css/"
# The script that makes tables that scroll reachable by keyboard.
TABLES_SCRIPT = "assets/tables.js"

# Under `mkdocs serve` the preview skips the whole-book print page, the
# PDFs and the zip, so a rebuild after an edit stays fast; `mkdocs build`
# makes them all. MkDocs loads this file anew for every rebuild but starts
# it up once, so the command is kept in the process's environment (pdf.py).


def on_startup(command, dirty):
    os.environ[SERVING] = "1" if command == "serve" else ""
    one_line_reports()


def on_serve(server, config, builder):
    """A rebuild that fails shows its error on every page at once, instead
    of leaving each request waiting for a good build (page_errors.py)."""
    answer_with_errors(server, Path(config.site_dir))
    return server


def sheet_source(sheet_id: str) -> str:
    """The Markdown of a worksheet's generated page: the macro draws it all."""
    return (
        "---\n"
        "scripts:\n  - assets/answers-store.js\n  - assets/answers.js\n"
        "search:\n  exclude: true\n"
        "hide:\n  - toc\n"
        "---\n\n"
        f'{{{{ worksheet_page("{sheet_id}") }}}}\n'
    )


# The content, loaded once per build by on_config for the later hooks
# (MkDocs loads this module anew for every build, mkdocs serve's included).
_CONTENT = []


def content_of_build(config):
    return _CONTENT[-1] if _CONTENT else load_site_content(config)


@event_priority(100)  # before the plugins read the navigation
def add_sheet_pages_to_nav(config):
    """Give every worksheet's generated page its place in the navigation."""
    content = load_site_content(config)
    _CONTENT[:] = [content]
    config.nav = with_sheet_pages(config.nav, (sheet.id for sheet in content.worksheets))
    if not serving():  # the preview leaves the whole book out
        config.nav = [*config.nav, {BOOK_TITLE: BOOK_PAGE}]
    return config


@event_priority(-100)
def name_stylesheets(config):
    """The stylesheets and script the pages' template links (main.html)."""
    if serving():
        # A mistake in a page must not end the preview (page_errors.py).
        config.plugins["macros"].config["on_error_fail"] = False
    # The stylesheets of pages the build does not name one for (main.html):
    # the print page is the whole book, the 404 page shows the base; and
    # Material's own, linked without its palette stylesheet (base.css holds
    # the site's two colour schemes). Material's script, which main.html
    # loads deferred.
    config.extra["stylesheets"] = {
        "print_page": stylesheet_path(COMPLETE),
        "base": stylesheet_path("site"),
        "material": material_asset(config.theme.dirs, "assets/stylesheets/main.*.min.css"),
    }
    config.extra["material_script"] = material_asset(config.theme.dirs, "assets/javascripts/bundle.*.min.js")
    return config


def material_asset(theme_dirs: list[str], pattern: str) -> str:
    """The path in the site of Material's main stylesheet or script
    (``pattern``: its name carries a hash that changes with every release
    of Material)."""
    found = sorted({path.relative_to(folder).as_posix() for folder in map(Path, theme_dirs) for path in folder.glob(pattern)})
    if len(found) != 1:
        raise PluginError(f"Material's {pattern}: expected one in the theme, found {found or 'none'}")
    return found[0]


on_config = CombinedEvent(add_sheet_pages_to_nav, name_stylesheets)


def on_files(files, config):
    """Add the worksheets' pages and the site's stylesheets; publish the
    site's own scripts minified."""
    content = content_of_build(config)
    for sheet in content.worksheets:
        files.append(File.generated(config, sheet_page(sheet.id), content=sheet_source(sheet.id)))
    if not serving():
        files.append(File.generated(config, BOOK_PAGE, content=book_page_source()))
    static = {}
    for part in PARTS:
        source = files.get_file_from_path(f"{STYLE_PARTS}{part}.css")
        if source is None:
            raise PluginError(f"The stylesheet part docs/{STYLE_PARTS}{part}.css is missing (render/stylesheets.py)")
        static[part] = source.content_string
    for file in [file for file in files if file.src_uri.startswith(STYLE_PARTS)]:
        files.remove(file)
    # Where the site's address is known, each printed sheet leads back to its
    # page (not in `mkdocs serve`'s preview, whose address is its own).
    site_url = "" if serving() else (config.get("site_url") or "").rstrip("/")
    online = {
        sheet.id: f"{site_url}/{files.get_file_from_path(sheet_page(sheet.id)).url}" for sheet in content.worksheets
    } if site_url else {}
    generated = generated_rules(content.worksheets, content.conversations, online)
    # Each page holds the hand-written rules of its stylesheet in a <style>
    # element and links the rules generated from the data for print only
    # (main.html). The whole stylesheets are published as files: the PDFs
    # read the complete one.
    config.extra["stylesheet_rules"], config.extra["print_rules"] = {}, {}
    for name in BUNDLES:
        config.extra["stylesheet_rules"][stylesheet_path(name)] = inline_css(name, handwritten_css(name, static))
        files.append(File.generated(config, stylesheet_path(name), content=bundle_css(name, static, generated)))
        print_rules = print_rules_css(name, generated)
        if print_rules is not None:
            config.extra["print_rules"][stylesheet_path(name)] = print_rules_path(name)
            files.append(File.generated(config, print_rules_path(name), content=print_rules))
    for file in [file for file in files if is_own_script(file.src_uri)]:
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=minified_script(file.content_string)))
    return files


def inline_css(name: str, css: str) -> str:
    """``css`` as it may stand in a page's <style> element: never with a
    "</style" that would end it (the data's words in the print rules are
    escaped by print_css.css_string; this guards the rest)."""
    if re.search(r"</style", css, re.I):
        raise PluginError(f"The stylesheet {stylesheet_path(name)}: '</style' in its rules would end the <style> element of the pages")
    return css


@event_priority(-50)  # after mkdocs-macros has rendered the page
def on_page_markdown(markdown, page, config, files):
    """Under ``mkdocs serve``, a page whose macros failed shows the error in
    one line (already logged) instead of a traceback (see page_errors.py)."""
    message = page_error(markdown, page.file.src_uri)
    if message is None:
        return markdown
    if not serving():  # mkdocs-macros has ended the build already; never a report as a page
        raise PluginError(message)
    return error_page(message)


# The 404 page is served for a missing address in any folder, so a link
# relative to its own place would miss. Its links start with this folder
# name instead ("_root/assets/..."); the server redirects any address with
# "/_root/" in it to the same path from the site's root (hosting/).
# (With "/." at its end, a script resolving the base with new URL() gets the
# folder, as it does with MkDocs' own "." on other pages.)
ERROR_PAGE_ROOT = "_root/."


# The ids of each page's headings and anchors, for checking the anchors the
# data names (technieken.yaml) once every page is rendered.
_PAGE_IDS: dict[str, set[str]] = {}


def on_page_content(html, page, config, files):
    problem = page_problem(page.file.src_uri, html, page.title, page.meta.get("scripts"))
    missing = [s for s in page.meta.get("scripts") or [] if isinstance(s, str) and files.get_file_from_path(s) is None]
    if problem is None and missing:
        problem = f"Page error in docs/{page.file.src_uri}: front matter 'scripts': {missing[0]!r} is not a file of the site"
    if problem is not None:
        if not serving():
            raise PluginError(problem)
        log.error(problem)  # the preview goes on, and shows the error on the page
        return page_error_notice(problem)
    html = separate_note_marks(html)
    _PAGE_IDS[page.file.src_uri] = set(re.findall(r'\sid="([^"]+)"', html))
    # The one stylesheet of the site's own that this page holds (main.html),
    # and the script that names Material's scrolling boxes where a table is.
    page.meta["stylesheet"] = stylesheet_path(bundle_for(parts_needed(html)))
    if "<table" in html:
        page.meta["scripts"] = [*(page.meta.get("scripts") or []), TABLES_SCRIPT]
    html = cells_apart(html)  # the search's previews keep cells apart
    if not pdfs_wanted():  # the preview makes no PDFs: no links to them
        return html
    return with_pdf_links(html, page.file.src_uri, page.url, content_of_build(config))


def with_pdf_links(html: str, src: str, url: str, content) -> str:
    """A page's ``html`` with links to the PDFs of what it shows."""
    sheets = {sheet_page(sheet.id): sheet for sheet in content.worksheets}
    guides = {conversation.page: conversation for conversation in content.conversations}
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


def on_env(env, config, files):
    """An anchor named in the data that is not on its page: one line naming
    the data file, the technique and the field (MkDocs' own warning names
    only the page the link is on)."""
    for werkvorm in content_of_build(config).conversations.werkvormen.values():
        ids = _PAGE_IDS.get(werkvorm.page)
        if werkvorm.anchor and ids is not None and werkvorm.anchor not in ids:
            raise PluginError(
                f"Content error in docs/data/technieken.yaml: technique '{werkvorm.id}': field 'anchor': "
                f"'#{werkvorm.anchor}' is not a heading or anchor on {werkvorm.page}"
            )
    return env


def on_template_context(context, template_name, config):
    """The 404 page's links all go through ``_root/`` (see ERROR_PAGE_ROOT).

    MkDocs would make them absolute from the server's root ("/assets/...")
    when ``site_url`` is not set, which breaks the page under a sub-path.
    """
    if not is_error_template(template_name):
        return context

    def relative_to(base: str, target: dict) -> dict:
        target["base_url"] = base
        target["extra_css"] = [normalize_url(str(path), None, base) for path in config.extra_css]
        target["extra_javascript"] = [normalize_url(str(script), None, base) for script in config.extra_javascript]
        return target

    return relative_to(ERROR_PAGE_ROOT, context)


def write_whole_book(config, site_dir: Path) -> None:
    """The whole book into its page (book.py), with its cover and colophon:
    this edition (the version in pyproject.toml, the day of the build or
    ``SOURCE_DATE_EPOCH``), its additions and corrections, its address."""
    front = book_front(
        title=config.site_name,
        description=config.site_description or "",
        authors=config.site_author or "",
        copyright=config.copyright or "",
        site_url=config.site_url or None,
        corrections=len({(c.printed, c.corrected) for c in content_of_build(config).corrections}),
        version=workbook_version(),
        day=edition_day(),
        use_directory_urls=config.use_directory_urls,
    )
    try:
        write_book(site_dir, config.nav, front, use_directory_urls=config.use_directory_urls)
    except BookError as error:
        raise PluginError(str(error)) from None


def add_book_link(path: Path) -> None:
    """The whole-book print page offers the book as a PDF, at its top."""
    html = path.read_text(encoding="utf-8")
    marker = '<div id="print-site-page"'
    if marker in html and BOOK_PDF not in html:
        link = render_pdf_link(BOOK_PDF, "Het hele werkboek als PDF (A4)")
        path.write_text(html.replace(marker, link + marker, 1), encoding="utf-8")


def on_post_page(output, page, config):
    """Material's navigation: every section's list has a name of its own."""
    return name_navigation_sections(output)


@event_priority(-200)  # after every plugin, Material's offline plugin (-100) included
def on_post_build(config):
    """Publish the search's Dutch stems, tidy the print page, remove what no
    reader loads, then zip the whole site into it."""
    site_dir = Path(config.site_dir)
    publish_stems(site_dir)
    print_page = "print_page/index.html" if config.use_directory_urls else "print_page.html"
    if not serving():
        write_whole_book(config, site_dir)
    removed = prune(site_dir, search_languages(site_dir), config.theme.get("favicon"))
    if serving():  # the preview's pages get mkdocs serve's reload script: no policy
        return
    apply_policies(site_dir)
    if pdfs_wanted():
        draw_pdfs(config, site_dir, print_page)
    archive = zip_site(site_dir, archive_name())
    log.info(f"Removed {len(removed)} files no reader loads; wrote {archive.name} ({archive.stat().st_size} bytes)")


def draw_pdfs(config, site_dir: Path, print_page: str) -> None:
    """The PDFs of the built site (pdf.py), into the site before its zip."""
    content = content_of_build(config)
    if (site_dir / print_page).is_file():
        add_book_link(site_dir / print_page)
    started = time.perf_counter()
    drawn, reused = build_pdfs(
        site_dir,
        cache_dir(Path(config.config_file_path).parent),
        jobs(site_dir, content.worksheets, content.conversations, MINDSET_TEST, config.site_url or None),
    )
    log.info(f"PDFs: {drawn} drawn, {reused} from the cache, in {time.perf_counter() - started:.1f} s")
