"""Helpers shared by the tests: building the site and reading its pages."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

from macros.content.library import load_content as _load_content
from macros.site.navigation import nav_pages, sheet_page

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
BOOK = ROOT.parent / "shared" / "workbook" / "positief-in-gesprek.txt"


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path


def build_site(project_dir: Path, site_dir: Path, *, pdfs: bool | None = None) -> BuildResult:
    """Run ``mkdocs build --strict`` for ``project_dir`` into ``site_dir``.

    The PDFs are made for the project itself (``pdfs`` None), not for a
    changed copy of it (drawing them anew would cost each such test half a
    minute; tests/test_pdf.py checks the project's own)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if not (project_dir == ROOT if pdfs is None else pdfs):
        env["WORKBOOK_PDFS"] = "false"
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site_dir)


def zensical_steps() -> list[str]:
    """The README's "Build with Zensical" block, line by line."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Build with Zensical") :]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1).strip().splitlines()


def build_with_zensical(work_dir: Path) -> BuildResult:
    """Run the README's "Build with Zensical" block in a copy of the project
    under ``work_dir``, all but its first line (the install: the tests run
    where it was done). The copy shares the project's PDF cache. The result
    names the copy's ``site/``."""
    steps = zensical_steps()
    assert steps[0].startswith("pip install -e '.[zensical]'"), steps[0]
    work_dir.mkdir(parents=True, exist_ok=True)
    project = copy_project(work_dir)
    (ROOT / ".cache").mkdir(exist_ok=True)
    (project / ".cache").symlink_to(ROOT / ".cache", target_is_directory=True)
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    completed = subprocess.run(
        ["sh", "-c", "\n".join(steps[1:])], cwd=project, env=env, capture_output=True, text=True, timeout=600
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, project / "site")


@functools.lru_cache(maxsize=1)
def use_directory_urls() -> bool:
    """Whether the project's mkdocs.yml publishes pages as folders ("x/")."""
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml")).use_directory_urls


def page_url(src: str) -> str:
    """The URL path, from the site's root, of the page built from ``docs/src``.

    Computed by MkDocs itself, so it follows ``use_directory_urls``; the
    home page is "" when published as a folder.
    """
    from mkdocs.structure.files import File

    url = File(src, str(DOCS), "site", use_directory_urls()).url
    return "" if url == "./" else url


def link_href(from_src: str, to_src: str) -> str:
    """The relative link MkDocs writes on the page from ``from_src`` to the page from ``to_src``."""
    from mkdocs.utils import get_relative_url

    return get_relative_url(page_url(to_src) or ".", page_url(from_src) or ".")


def page_sources() -> list[str]:
    """The Markdown source of every page, relative to docs/ (not docs/data/),
    with the worksheets' pages that the build generates from the data."""
    written = [md.relative_to(DOCS).as_posix() for md in sorted(DOCS.rglob("*.md")) if md.relative_to(DOCS).parts[0] != "data"]
    return sorted(written + [sheet_page(sheet.id) for sheet in load_library()])


def page_urls() -> list[str]:
    """Return the URL path of every Markdown page, as MkDocs publishes it."""
    return [page_url(src) for src in page_sources()]


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without importing what its ``!!python/name`` tags name."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
# "!ENV [NAME, default]": the default (the tests read the project as configured).
_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def mkdocs_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


@functools.lru_cache(maxsize=1)
def load_content():
    """All the content as the build loads it (validated, in book order)."""
    return _load_content(DOCS, nav_pages(mkdocs_config()["nav"]), ROOT)


def load_library():
    """The worksheets as the build loads them (validated, in book order)."""
    return load_content().worksheets


def load_figures():
    return load_content().figures


def html_path(site_dir: Path, url: str) -> Path:
    """The built file that answers ``url`` (a folder's address means its index.html)."""
    if url == "" or url.endswith("/"):
        return site_dir / url / "index.html"
    return site_dir / url


class _TextExtractor(HTMLParser):
    """Collect the visible text of an element, block by block."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "figcaption", "caption", "dd", "dt", "blockquote", "div", "summary"}
    SKIP = {"script", "style", "svg", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCKS or tag == "br":
            self._flush()

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skip -= 1
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data):
        if not self._skip:
            self._current.append(data)

    def _flush(self):
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def close(self):
        super().close()
        self._flush()


def article_html(page_html: str) -> str:
    """Return the HTML of the page's article (its content, without chrome)."""
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', page_html, re.S)
    assert match, "page has no article"
    return match.group(1)


def text_blocks(html: str) -> list[str]:
    """Return the text of each block element of ``html``, whitespace folded."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return parser.blocks


def load_conversations():
    """The example conversations as the build loads them (validated, in book order)."""
    return load_content().conversations


def nav_pages_of_config() -> list[str]:
    return nav_pages(mkdocs_config()["nav"])


def edit_yaml(path: Path, change) -> None:
    """Apply ``change`` to the parsed YAML of ``path`` and write it back."""
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(content)
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")


def assert_names_all(error: Exception, expected: list[str]) -> None:
    """A content error is one line that names every one of ``expected``."""
    message = str(error)
    assert "\n" not in message
    for text in expected:
        assert text in message, message


def copy_project(tmp_path: Path) -> Path:
    """Copy what a build reads (not the virtualenv, not the built site)."""
    project = tmp_path / "project"
    project.mkdir()
    for folder in ["docs", "macros", "overrides"]:
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def copy_docs(tmp_path: Path) -> Path:
    """A project folder holding a copy of docs/ only: what loading the
    content reads (``content_error``)."""
    project = tmp_path / "project"
    shutil.copytree(DOCS, project / "docs", ignore=shutil.ignore_patterns("__pycache__"))
    return project


def load_project_content(project_dir: Path):
    """The content of ``project_dir`` as its build loads it (validated)."""
    return _load_content(project_dir / "docs", nav_pages_of_config(), project_dir)


def content_error(project_dir: Path) -> str:
    """The line a build of ``project_dir`` stops on when its content is
    wrong ("Content error in " and the ContentError naming file, item and
    field), found by loading its content in-process as the build does; a
    build is not needed for that (tests/test_worksheet_data.py checks once
    that a build prints this line and writes no page)."""
    from macros.content.base import ContentError

    try:
        load_project_content(project_dir)
    except ContentError as error:
        return f"Content error in {error}"
    raise AssertionError(f"the content of {project_dir} loaded without an error")


def corrected(normalised_text: str) -> str:
    """Normalised text of the book with the web edition's corrections of its
    slips applied (docs/data/corrections.yaml), as the site shows it."""
    for correction in load_content().corrections:
        normalised_text = normalised_text.replace(normalise(correction.printed), normalise(correction.corrected))
    return normalised_text


def normalise(text: str) -> str:
    """Text reduced to its words, to compare the site with the book."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[^\w']+", " ", text.lower())
    return " ".join(text.split())
