"""The print edition: PDFs of the site, written into the built folder before the zip.

``pdf_jobs(content, project, book_html, site_css)`` makes the documents
(``macros/render/pdf.py``: a sheet's, a guide's and the self-test's from the
content, the book from the built whole-book page) and ``build_pdfs(site_dir,
cache, jobs, workers)`` draws them with WeasyPrint in ``workers`` processes,
each with the rules of the site's stylesheet that can apply to it
(``usable_rules``), and keeps each PDF in ``cache`` keyed by everything it is
made of (the document, the stylesheets, the engine's version), so a build
only draws what changed. Whether to draw PDFs, the cache and the workers are
the caller's (publish.py: the plugin's options).

Plain functions; nothing of MkDocs is used here.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import posixpath
import re
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
    Origin,
    book_document,
    conversation_documents,
    conversation_pdf,
    footnotes_in_place,
    mindset_document,
    pdf_css,
    sheet_document,
    sheet_pdf,
    web_links,
)
from macros.content.library import Content
from macros.site.book import page_url
from macros.site.navigation import MINDSET_TEST, MY_ANSWERS, sheet_page
from macros.site.project import Project

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


# The code that turns a job into a PDF (this module: which rules a document
# is drawn with, how): a change of it draws every PDF anew.
_DRAWING = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def cache_key(job: Job, engine: str) -> str:
    digest = hashlib.sha256((engine + _DRAWING + repr(sorted(OPTIONS.items()))).encode())
    for part in (job.html, *job.stylesheets, *job.then):
        digest.update(b"\0" + part.encode("utf-8"))
    return digest.hexdigest()


def draw(job: Job) -> bytes:
    """The PDF of ``job``: A4 (the stylesheets' @page), tagged for screen
    readers (PDF/UA-1), with the document's title, authors and language."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = render(job.html, job.stylesheets)
    pages = list(document.pages)
    for html in job.then:
        pages += render(html, job.stylesheets).pages
    return document.copy(pages).write_pdf(**OPTIONS)


def render(html: str, stylesheets: tuple[str, ...]):
    """The laid-out pages of the document ``html`` with the rules of
    ``stylesheets`` that can apply to it (``usable_rules``)."""
    import weasyprint

    # No base address: a link to a page of the site leads nowhere from a
    # PDF, so the engine leaves it out; links inside the PDF keep working.
    document = weasyprint.HTML(string=html, base_url=None)
    facts = DocumentFacts(document.wrapper_element)
    sheets = [weasyprint.CSS(string=usable_rules(css, facts)) for css in stylesheets]
    return document.render(stylesheets=sheets, **OPTIONS)


# The rules a document can use ---------------------------------------------
# The site's complete stylesheet holds rules for every page of the site and
# a named page per worksheet and conversation (print_css.py), some of them
# ``body:has(...)``: the engine tests each against the whole document. A
# book of N sheets would then cost N rules times a document of N sheets, and
# N sheet PDFs N times a stylesheet of N sheets. Each document is drawn with
# only the rules that can match something in it: a rule is left out when each
# of its selectors names a class, id or attribute value the document does not
# hold, or has a ``:has()`` whose argument matches no element of it (both
# outside ``:not()``, ``:is()`` and the like, where nothing is required).
# A named ``@page`` or ``@counter-style`` that no kept rule names goes too.


class DocumentFacts:
    """What a document holds, for ``usable_rules``: its classes, ids and
    attribute values, and which ``:has()`` arguments match in it."""

    def __init__(self, root) -> None:
        self.root = root
        self.classes: set[str] = set()
        self.ids: set[str] = set()
        self.attributes: set[tuple[str, str]] = set()
        for element in root.iter_subtree():
            self.classes |= element.classes
            self.attributes.update(element.etree_element.attrib.items())
            if element.id:
                self.ids.add(element.id)
        self._matching: dict[str, bool] = {}

    def matching(self, arguments: list[str]) -> dict[str, bool]:
        """Whether each selector list of ``arguments`` (relative, as in
        ``:has(> .x)``) matches an element of the document: one walk over
        it for all of them."""
        import cssselect2

        new = [argument for argument in dict.fromkeys(arguments) if argument not in self._matching]
        matcher = cssselect2.Matcher()
        for argument in new:
            try:
                selectors = cssselect2.compile_selector_list(argument.lstrip().lstrip(">+~"))
            except cssselect2.SelectorError:
                self._matching[argument] = True  # not understood: kept
                continue
            self._matching[argument] = False
            for selector in selectors:
                matcher.add_selector(selector, argument)
        if any(argument in self._matching and not self._matching[argument] for argument in new):
            for element in self.root.iter_subtree():
                for *_, argument in matcher.match(element):
                    self._matching[argument] = True
        return self._matching


def _split(tokens, separator: str = ","):
    part = []
    for token in tokens:
        if token.type == "literal" and token.value == separator:
            yield part
            part = []
        else:
            part.append(token)
    yield part


def _requirements(selector) -> tuple[set[str], set[str], set[tuple[str, str]], list[str]]:
    """(classes, ids, attribute values, ``:has()`` arguments) that a selector
    (its tokens) needs, read outside any function but ``:has()``."""
    import tinycss2

    classes, ids, attributes, has = set(), set(), set(), []
    tokens = [token for token in selector if token.type not in ("whitespace", "comment")]
    for index, token in enumerate(tokens):
        if token.type == "hash":
            ids.add(token.value)
        elif token.type == "literal" and token.value == "." and index + 1 < len(tokens) and tokens[index + 1].type == "ident":
            classes.add(tokens[index + 1].value)
        elif token.type == "[] block":
            inner = [part for part in token.content if part.type not in ("whitespace", "comment")]
            if len(inner) == 3 and inner[0].type == "ident" and inner[1].type == "literal" and inner[1].value == "=" and inner[2].type in ("string", "ident"):
                attributes.add((inner[0].lower_value, inner[2].value))
        elif token.type == "function" and token.lower_name == "has":
            if index > 0 and tokens[index - 1].type == "literal" and tokens[index - 1].value == ":":
                has.append(tinycss2.serialize(token.arguments))
    return classes, ids, attributes, has


Requirement = tuple[frozenset[str], frozenset[str], frozenset[tuple[str, str]], tuple[str, ...]]


@dataclass(frozen=True)
class _Rule:
    """A rule of a stylesheet, read once: a style rule with what each of its
    selectors needs; a group (``@media``, ``@supports``) with its rules; a
    named ``@page`` or ``@counter-style``; anything else, always kept."""

    text: str
    selectors: tuple[Requirement, ...] | None = None
    group: tuple["_Rule", ...] | None = None
    name: str | None = None
    page: bool = False

    def can_match(self, facts: DocumentFacts) -> bool:
        for classes, ids, attributes, has in self.selectors:
            if classes <= facts.classes and ids <= facts.ids and attributes <= facts.attributes:
                if all(facts.matching(has)[argument] for argument in has):
                    return True
        return False


def _read_rules(rules) -> tuple[_Rule, ...]:
    import tinycss2

    found = []
    for rule in rules:
        if rule.type == "qualified-rule":
            requirements = []
            for selector in _split(rule.prelude):
                classes, ids, attributes, has = _requirements(selector)
                requirements.append((frozenset(classes), frozenset(ids), frozenset(attributes), tuple(has)))
            found.append(_Rule(rule.serialize(), selectors=tuple(requirements)))
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = _read_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
            found.append(_Rule(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", group=inner))
        elif rule.type == "at-rule":
            found.append(_Rule(rule.serialize(), name=_named(rule), page=rule.lower_at_keyword == "page"))
    return tuple(found)


@functools.lru_cache(maxsize=8)
def _stylesheet(css: str) -> tuple[tuple[_Rule, ...], tuple[str, ...]]:
    """The rules of ``css`` and every ``:has()`` argument in them, read once
    per process (every document is drawn with the same site stylesheet)."""
    import tinycss2

    rules = _read_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))

    def arguments(rules):
        for rule in rules:
            for *_, has in rule.selectors or ():
                yield from has
            yield from arguments(rule.group or ())

    return rules, tuple(dict.fromkeys(arguments(rules)))


def _named(rule) -> str | None:
    """The name of an ``@page NAME`` or ``@counter-style NAME`` rule."""
    tokens = [token for token in rule.prelude if token.type not in ("whitespace", "comment")]
    if rule.lower_at_keyword in ("page", "counter-style") and tokens and tokens[0].type == "ident":
        return tokens[0].value
    return None


def _kept(rules: tuple[_Rule, ...], facts: DocumentFacts, names: set[str] | None, text: list[str], pages: list[tuple[str, str]]) -> list[str]:
    """The rules of ``rules`` the document can use, as text; style rules'
    text is added to ``text``, named pages to ``pages``. A named rule is
    kept if its name is in ``names`` (all are, with ``names`` None)."""
    kept = []
    for rule in rules:
        if rule.selectors is not None:
            if rule.can_match(facts):
                kept.append(rule.text)
                text.append(rule.text)
        elif rule.group is not None:
            inner = _kept(rule.group, facts, names, text, pages)
            if inner:
                kept.append(f"{rule.text}{{{''.join(inner)}}}")
        elif rule.name is None or names is None or rule.name in names:
            kept.append(rule.text)
            if rule.name is not None and rule.page:
                pages.append((rule.name, rule.text))
    return kept


_WORD = re.compile(r"[\w-]+")


def usable_rules(css: str, facts: DocumentFacts) -> str:
    """The rules of ``css`` that can apply to the document of ``facts``, in
    their order (see above)."""
    rules, arguments = _stylesheet(css)
    facts.matching(list(arguments))
    text: list[str] = []
    pages: list[tuple[str, str]] = []
    _kept(rules, facts, None, text, pages)
    # The names the kept rules use: a page's in a style rule, a counter
    # style's in a style rule or in a used page's margin boxes.
    used = set(_WORD.findall("".join(text)))
    used |= set(_WORD.findall("".join(page for name, page in pages if name in used)))
    return "".join(_kept(rules, facts, used, [], []))


def _draw_to(job: Job, path: str) -> str:
    data = draw(job)
    partial = f"{path}.{os.getpid()}.part"
    Path(partial).write_bytes(data)
    os.replace(partial, path)
    return job.target


def nav_title(nav: list, src: str) -> str | None:
    """The title the navigation gives the page ``src`` (under docs/), if any."""
    for item in nav:
        if isinstance(item, dict):
            for title, value in item.items():
                if value == src:
                    return str(title)
                if isinstance(value, list):
                    found = nav_title(value, src)
                    if found is not None:
                        return found
        elif isinstance(item, list):
            found = nav_title(item, src)
            if found is not None:
                return found
    return None


def pdf_jobs(content: Content, project: Project, book_html: str | None, site_css: str) -> list[Job]:
    """Every PDF of the site: the whole book first (the longest; from the
    built whole-book page ``book_html``, None for none), then the
    conversation guides, the mindset test and the worksheets, drawn from the
    content with ``project``'s Markdown extensions. ``site_css`` is the
    site's complete stylesheet (each document is drawn with the rules of it
    that can apply). The book's links to pages it leaves out go to the
    site's address (or are left out)."""
    own_css = pdf_css()
    stylesheets = (site_css, own_css)

    def origin(src: str, title: str) -> Origin:
        return Origin(project.site_name, project.site_author, nav_title(project.nav, src) or title)

    def links_from(src: str):
        """Links from the page ``src`` as its renderer makes them, to a page
        under docs/ (with an anchor): in a PDF, a full address where the
        site's is known, else relative (``unlinked`` makes those words)."""
        if project.site_url:
            def address(target: str) -> str:
                path, hash_, anchor = target.partition("#")
                return f"{project.site_url}/{page_url(path, project.use_directory_urls)}{hash_}{anchor}"

            return address
        here = posixpath.dirname(src) or "."
        return lambda target: posixpath.relpath(target, here)

    def unlinked(html: str) -> str:
        # From a PDF a relative address leads nowhere (pdf.web_links).
        return web_links(html, project.site_url or None)

    found = []
    if book_html is not None:
        html, outline = book_document(book_html, WORKBOOK, f"Het werkboek {WORKBOOK} van {AUTHORS}, in de webeditie.", project.site_url or None)
        found.append(Job(BOOK_PDF, footnotes_in_place(html), (*stylesheets, outline)))
    for conversation in content.conversations:
        guide, *after = conversation_documents(
            conversation,
            content.conversations,
            content.worksheets,
            project.markdown,
            link_to=links_from(conversation.page),
            origin=origin(conversation.page, conversation.title),
        )
        found.append(Job(conversation_pdf(conversation.id), unlinked(footnotes_in_place(guide)), stylesheets, tuple(map(unlinked, after))))
    title = nav_title(project.nav, MINDSET_TEST) or content.mindset.title
    found.append(
        Job(
            MINDSET_PDF,
            unlinked(mindset_document(
                content.mindset,
                title,
                project.markdown,
                href=links_from(MINDSET_TEST),
                mine_href=links_from(MINDSET_TEST)(MY_ANSWERS),
                origin=origin(MINDSET_TEST, title),
            )),
            stylesheets,
        )
    )
    for sheet in content.worksheets:
        src = sheet_page(sheet.id)
        html = sheet_document(
            sheet,
            content.worksheets.figures,
            project.markdown,
            reading_href=links_from(src)(sheet.page),
            mine_href=links_from(src)(MY_ANSWERS),
            origin=origin(src, sheet.title),
        )
        found.append(Job(sheet_pdf(sheet.id), unlinked(html), stylesheets))
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
