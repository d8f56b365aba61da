"""Prepare: from the validated content, what the engine renders besides the
pages written by hand.

- a page per worksheet (``werkbladen/<id>.md``, drawn from its data) and
  the whole-book page's shell (``print_page.md``, filled by publish from the
  built pages: book.py);
- the navigation with those pages in it;
- the site's own files as published: the print rules generated from the data
  (one file per stylesheet that has them), the site's scripts minified.

The sources these replace (``docs/assets/css/*.css``, the readable scripts)
are not published. Plain functions: the MkDocs plugin (plugin.py) hands the
result to MkDocs as files, and ``python -m macros prepare`` writes it as a
folder another engine builds from.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from macros.content.library import Content
from macros.render.print_css import generated_rules
from macros.render.scripts import is_own_script, minified_script
from macros.render.worksheets import render_worksheet_page
from macros.render.stylesheets import BUNDLES, COMPLETE, PARTS, bundle_css, handwritten_css, print_rules_css, print_rules_path
from macros.site.book import BOOK_PAGE, BOOK_TITLE, book_page_source
from macros.site.navigation import MY_ANSWERS, nav_pages, sheet_page, with_sheet_pages
from macros.site.project import Project, ProjectError

# The parts of the site's stylesheets (render/stylesheets.py), under docs/.
STYLE_PARTS = "assets/css/"


def sheet_source(sheet, figures) -> str:
    """The Markdown of a worksheet's generated page, drawn from the data
    (render/worksheets.py); no macro left in it for the engine to run."""
    here = posixpath.dirname(sheet_page(sheet.id))
    body = render_worksheet_page(
        sheet, figures, posixpath.relpath(sheet.page, here), posixpath.relpath(MY_ANSWERS, here)
    )
    return (
        "---\n"
        # The title as the data says it (JSON is YAML): not taken from the
        # heading, whose attribute list MkDocs 1.6.0 would keep in it.
        f"title: {json.dumps(sheet.title, ensure_ascii=False)}\n"
        "scripts:\n  - assets/answers-store.js\n  - assets/answers.js\n"
        "search:\n  exclude: true\n"
        "hide:\n  - toc\n"
        "render_macros: false\n"
        "---\n\n"
        f"{body}\n"
    )


@dataclass(frozen=True)
class Stylesheets:
    """The site's own stylesheets: the hand-written parts (from docs/) and
    the print rules generated from the data."""

    parts: Mapping[str, str]
    generated: Mapping[str, str]

    def inline(self, bundle: str) -> str:
        """The hand-written rules of ``bundle``: what a page holds in its <style>."""
        return self._inline[bundle]

    @functools.cached_property
    def _inline(self) -> dict[str, str]:
        return {name: inline_css(name, handwritten_css(name, self.parts)) for name in BUNDLES}

    def complete(self) -> str:
        """Every rule of the site as one stylesheet (for the PDFs, in memory)."""
        return bundle_css(COMPLETE, self.parts, self.generated)

    @functools.cached_property
    def print_files(self) -> dict[str, str]:
        """The generated print rules of each stylesheet that has them, by
        where they are published."""
        found = {}
        for name in BUNDLES:
            rules = print_rules_css(name, self.generated)
            if rules is not None:
                found[print_rules_path(name)] = rules
        return found


def inline_css(name: str, css: str) -> str:
    """``css`` as it may stand in a page's <style> element: never with a
    "</style" that would end it (the data's words in the print rules are
    escaped by print_css.css_string; this guards the rest)."""
    if re.search(r"</style", css, re.I):
        raise ProjectError(f"The stylesheet {name}: '</style' in its rules would end the <style> element of the pages")
    return css


def stylesheets(project: Project, content: Content) -> Stylesheets:
    """The stylesheets of ``project``. Where the site's address is known,
    each printed sheet leads back to its page."""
    parts = {}
    for part in PARTS:
        path = project.docs_dir / STYLE_PARTS / f"{part}.css"
        if not path.is_file():
            raise ProjectError(f"The stylesheet part docs/{STYLE_PARTS}{part}.css is missing (render/stylesheets.py)")
        parts[part] = path.read_text(encoding="utf-8")
    online = (
        {sheet.id: f"{project.site_url}/{page_address(sheet_page(sheet.id))}" for sheet in content.worksheets}
        if project.site_url
        else {}
    )
    return Stylesheets(parts, generated_rules(content.worksheets, content.conversations, online))


def page_address(src: str) -> str:
    """Where the page from ``docs/src`` is published (``use_directory_urls: false``)."""
    return src.removesuffix(".md") + ".html"


@dataclass(frozen=True)
class Prepared:
    """What the engine gets besides the project's own files."""

    # Generated pages: path under docs/ -> Markdown.
    pages: dict[str, str]
    # Files of the site as published: path -> text (replacing any source of that path).
    files: dict[str, str]
    # Sources under docs/ that are not published as they are.
    withheld: list[str]
    # The navigation with the generated pages.
    nav: list
    stylesheets: Stylesheets = field(repr=False, default=None)


def site_nav(project: Project, content: Content, *, serving: bool = False) -> list:
    """The navigation of ``mkdocs.yml`` with the generated pages: each
    worksheet's in the section of the worksheets, the whole book's last
    (not in the preview of ``mkdocs serve``, which leaves the book out)."""
    nav = with_sheet_pages(project.nav, (sheet.id for sheet in content.worksheets))
    if not serving and BOOK_PAGE not in nav_pages(nav):
        nav = [*nav, {BOOK_TITLE: BOOK_PAGE}]
    return nav


def prepare(project: Project, content: Content, *, serving: bool = False) -> Prepared:
    """Everything the engine renders or copies that the content generates."""
    pages = {sheet_page(sheet.id): sheet_source(sheet, content.figures) for sheet in content.worksheets}
    if not serving:
        pages[BOOK_PAGE] = book_page_source()
    sheets = stylesheets(project, content)
    files = dict(sheets.print_files)
    withheld = []
    for path in sorted(project.docs_dir.rglob("*")):
        src = path.relative_to(project.docs_dir).as_posix()
        if not path.is_file() or src.startswith("data/"):
            continue
        if src.startswith(STYLE_PARTS):
            withheld.append(src)
        elif is_own_script(src):
            files[src] = minified_script(path.read_text(encoding="utf-8"))
    return Prepared(pages, files, withheld, site_nav(project, content, serving=serving), sheets)


def material_assets(theme_dirs: list[str]) -> dict[str, str]:
    """Where Material's main stylesheet and script are in the site (their
    names carry a hash that changes with every release): the pages link them
    themselves (overrides/main.html), the stylesheet without Material's
    palette (the site has its own colour schemes)."""

    def one(pattern: str) -> str:
        found = sorted({path.relative_to(folder).as_posix() for folder in map(Path, theme_dirs) for path in folder.glob(pattern)})
        if len(found) != 1:
            raise ProjectError(f"Material's {pattern}: expected one in the theme, found {found or 'none'}")
        return found[0]

    return {
        "stylesheet": one("assets/stylesheets/main.*.min.css"),
        "script": one("assets/javascripts/bundle.*.min.js"),
    }
