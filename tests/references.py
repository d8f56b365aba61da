"""What the files of a built site read: every reference a page, a
stylesheet or a script makes to another file of the site, and the files
that no page reaches that way.

Read from the built files themselves, not from the code that wrote them:

- an HTML page: ``href``, ``src``, ``srcset``, ``data-src``, ``poster`` and
  ``data`` attributes, ``url()`` in its ``<style>`` elements and ``style``
  attributes, and Material's configuration (``<script id="__config">``:
  the search worker);
- a stylesheet: ``url()`` and ``@import``;
- a script: a file name in a string literal ("storage-probe.html"), looked
  for beside the script as ``new URL(name, script)`` does, else as the one
  file of the site with that name, and the parts answers.js loads by name
  (``need("answers-disk")`` is answers-disk.js beside it); not the search
  index as a script, which is the pages' text;
- Material's search worker: lunr's stemmer support and one stemmer per
  language of the search index (``importScripts`` with the names the worker
  builds from the index's ``config.lang``: lunr.<lang>.min.js, lunr.multi
  for more than one language, tinyseg for Japanese, wordcut for Thai and
  Hindi), from ``javascripts/lunr/`` beside the worker's folder.

An address of the 404 page starts with ``_root/`` (hosting/ sends it to the
same path from the site's root). Addresses with a scheme (https:, data:,
mailto:) are no files of the site. A PDF is drawn from the content, not
from files of the site, and links to pages only: it reads no asset.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

URL_ATTRIBUTES = {"href", "src", "data-src", "poster", "data"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
JS_FILE_NAME = re.compile(r"""(["'`])([\w./-]*\w\.(?:js|css|html|json|svg|png|jpg|webp|woff2?|txt))\1""")
JS_PART = re.compile(r"""\bneed\(\s*["']([\w-]+)["']""")
# The search index as a script, for pages opened from disk: the pages' text
# (with their file names), no code that loads anything.
SEARCH_INDEX_SCRIPT = "search/search_index.js"
ERROR_PAGE_ROOT = re.compile(r"^(?:\.\./)*_root/\.?/?")


class _PageReferences(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.addresses: list[str] = []
        self._in: str | None = None  # "style" or "config" while inside one

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            if name in URL_ATTRIBUTES:
                self.addresses.append(value)
            elif name == "srcset":
                self.addresses += [part.split()[0] for part in value.split(",") if part.strip()]
            elif name == "style":
                self.addresses += css_addresses(value)
        if tag == "style":
            self._in = "style"
        elif tag == "script" and values.get("id") == "__config":
            self._in = "config"

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._in = None

    def handle_data(self, data):
        if self._in == "style":
            self.addresses += css_addresses(data)
        elif self._in == "config":
            search = json.loads(data).get("search")
            if search:
                self.addresses.append(search)


def css_addresses(css: str) -> list[str]:
    return [match.group(2) or match.group(4) for match in CSS_URL.finditer(css)]


def page_addresses(html: str) -> list[str]:
    parser = _PageReferences()
    parser.feed(html)
    parser.close()
    return parser.addresses


def script_addresses(js: str) -> list[str]:
    """File names a script asks for: string literals that are file names,
    and the parts answers.js loads by name."""
    names = [match.group(2) for match in JS_FILE_NAME.finditer(js)]
    return names + [f"{part}.js" for part in JS_PART.findall(js)]


def resolve(site_dir: Path, source: str, address: str) -> str | None:
    """The site path (from the root, posix) that ``address`` on the file
    ``source`` (a site path) points to, or None when it leaves the site."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = ERROR_PAGE_ROOT.sub("", unquote(parts.path))
    if path != unquote(parts.path):  # the 404 page's "_root/...": from the root
        target = posixpath.normpath(path)
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
    if target.startswith("../") or target == "..":
        return None
    if (site_dir / target).is_dir():
        target = posixpath.join(target, "index.html")
    return target


def search_worker_files(site_dir: Path, worker: str) -> list[str]:
    """What Material's search worker ``worker`` (a site path) imports for
    the languages of the built search index."""
    index = site_dir / "search" / "search_index.json"
    langs = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"] if index.is_file() else ["en"]
    lunr = posixpath.join(posixpath.dirname(posixpath.dirname(worker)), "lunr")
    names = []
    for lang in langs:
        if lang == "ja":
            names.append("tinyseg.js")
        elif lang in ("hi", "th"):
            names.append("wordcut.js")
        if lang != "en":
            names.append(f"min/lunr.{lang}.min.js")
    if len(langs) > 1:
        names.append("min/lunr.multi.min.js")
    if names:
        names.insert(0, "min/lunr.stemmer.support.min.js")
    return [posixpath.join(lunr, name) for name in names]


def site_references(site_dir: Path) -> dict[str, set[str]]:
    """Every file of the site that something reads: site path -> the site
    paths of the files that read it."""
    readers: dict[str, set[str]] = defaultdict(set)
    files = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file())
    for source in files:
        path = site_dir / source
        if source.endswith(".html"):
            addresses = page_addresses(path.read_text(encoding="utf-8"))
        elif source.endswith(".css"):
            addresses = css_addresses(path.read_text(encoding="utf-8"))
        elif source.endswith(".js") and source != SEARCH_INDEX_SCRIPT:
            addresses = script_addresses(path.read_text(encoding="utf-8"))
        else:
            continue
        for address in addresses:
            target = resolve(site_dir, source, address)
            if target is None:
                continue
            if source.endswith(".js") and not (site_dir / target).is_file():
                # A script's file name, as the browser reads it against the
                # page that runs the script or from the site's root.
                matches = [f for f in files if f == address or f.endswith("/" + address.lstrip("./"))]
                if len(matches) == 1:
                    target = matches[0]
            readers[target].add(source)
            if "/workers/search." in target:
                for imported in search_worker_files(site_dir, target):
                    readers[imported].add(target)
    return dict(readers)


def files_nothing_reads(site_dir: Path, folder: str = "assets") -> list[str]:
    """The files under ``folder`` of the site that nothing reads: that no
    page reaches, directly or through the stylesheets and scripts it loads
    (a file that only an unread file reads is unread too). The pages are
    the HTML files outside ``folder``."""
    readers = site_references(site_dir)
    reads: dict[str, set[str]] = defaultdict(set)
    for target, sources in readers.items():
        for source in sources:
            reads[source].add(target)
    files = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file())
    reached = {path for path in files if path.endswith(".html") and not path.startswith(folder + "/")}
    todo = list(reached)
    while todo:
        for target in reads.get(todo.pop(), ()):
            if target not in reached:
                reached.add(target)
                todo.append(target)
    return [path for path in files if path.startswith(folder + "/") and path not in reached]
