"""The published artefact: what stays in the built site, and its zip.

Plain functions over a folder; they know nothing about the engine that
built it. The publish step (publish.py) calls them.
"""

from __future__ import annotations

import json
import posixpath
import zipfile
from html.parser import HTMLParser
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PROJECT = "positief-in-gesprek"

# Search languages whose stemmers need a word segmenter of their own.
_SEGMENTERS = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}

# Every file in a zip gets this date, so one site always zips the same.
_ZIP_DATE = (2000, 1, 1, 0, 0, 0)


def workbook_version() -> str:
    """The workbook's version, as installed from pyproject.toml."""
    try:
        return version(PROJECT)
    except PackageNotFoundError:  # pragma: no cover - the README installs it
        return "0"


def archive_name(project: str = PROJECT, release: str | None = None) -> str:
    """The zip's file name: the workbook and its version."""
    return f"{project}-{release or workbook_version()}.zip"


def search_languages(site_dir: Path) -> list[str]:
    """The languages the built search index is set up for (lunr's codes)."""
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return []
    return list(json.loads(index.read_text(encoding="utf-8"))["config"]["lang"])


def unread_files(site_dir: Path, search_langs: list[str], favicon: str | None) -> list[Path]:
    """Files of a built Material site that no reader's browser ever loads.

    - source maps (only a developer's tools ask for them);
    - lunr stemmers and segmenters for languages the search does not use
      (the worker loads ``lunr.stemmer.support`` and one file per language,
      ``lunr.multi`` only for more than one language);
    - Material's own favicon when the site has its own;
    - the theme's stylesheets that no page links: Material's palette
      stylesheet (the site's colour schemes are its own: overrides/main.html),
      and under Zensical the variant the site does not use;
    - a sitemap without addresses (MkDocs writes one when ``site_url`` is
      not set; it lists nothing).
    """
    found = sorted(site_dir.rglob("*.map"))
    lunr = site_dir / "assets" / "javascripts" / "lunr"
    if lunr.is_dir():
        keep = {"lunr.stemmer.support.min.js"} | {f"lunr.{lang}.min.js" for lang in search_langs if lang != "en"}
        if len(search_langs) > 1:
            keep.add("lunr.multi.min.js")
        keep |= {_SEGMENTERS[lang] for lang in search_langs if lang in _SEGMENTERS}
        found += [path for path in sorted(lunr.rglob("*.js")) if path.name not in keep]
    linked = linked_stylesheets(site_dir)
    found += [path for path in sorted((site_dir / "assets" / "stylesheets").rglob("*.css")) if path.resolve() not in linked]
    material_favicon = site_dir / "assets" / "images" / "favicon.png"
    if favicon and posixpath.normpath(favicon) != "assets/images/favicon.png" and material_favicon.is_file():
        found.append(material_favicon)
    for sitemap in (site_dir / "sitemap.xml", site_dir / "sitemap.xml.gz"):
        if sitemap.is_file() and not _sitemap_lists_pages(site_dir / "sitemap.xml"):
            found.append(sitemap)
    return found


class _StylesheetLinks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "link" and "stylesheet" in (values.get("rel") or "").split() and values.get("href"):
            self.hrefs.append(values["href"])

    handle_startendtag = handle_starttag


def linked_stylesheets(site_dir: Path) -> set[Path]:
    """Every stylesheet file some page of ``site_dir`` links (the 404 page's
    addresses start at the site's root: ``_root/``)."""
    found = set()
    for page in site_dir.rglob("*.html"):
        parser = _StylesheetLinks()
        parser.feed(page.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            address = href.split("#")[0].split("?")[0]
            if "://" in address or address.startswith("//"):
                continue
            base = site_dir if address.startswith("_root/") else page.parent
            found.add((base / address.removeprefix("_root/")).resolve())
    return found


def _sitemap_lists_pages(sitemap: Path) -> bool:
    return sitemap.is_file() and "<loc>" in sitemap.read_text(encoding="utf-8")


def prune(site_dir: Path, search_langs: list[str], favicon: str | None) -> list[Path]:
    """Delete what no reader loads, and folders left empty; return what went."""
    removed = unread_files(site_dir, search_langs, favicon)
    for path in removed:
        path.unlink()
    for folder in sorted((p for p in site_dir.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return removed


def zip_site(site_dir: Path, name: str) -> Path:
    """Zip the whole site into ``site_dir/name``, in one folder named after it.

    The folder keeps the unpacked files together (``positief-in-gesprek-1.0.0/
    index.html``). Files are stored in a fixed order with a fixed date, so the
    same site gives the same zip.
    """
    target = site_dir / name
    folder = name.removesuffix(".zip")
    files = sorted(path for path in site_dir.rglob("*") if path.is_file() and path != target)
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    partial.replace(target)
    return target
