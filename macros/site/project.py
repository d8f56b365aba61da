"""The project as data: what ``mkdocs.yml`` says, read without an engine.

Every step of the pipeline (prepare, the engine, publish) and both engines
(MkDocs, Zensical) read the same ``mkdocs.yml``; this module reads it as
plain values, so ``python -m macros publish`` needs no engine at all:

- the book's order (``nav``), the site's address, name, authors, copyright
  and favicon;
- the Markdown extensions and their settings, in Python-Markdown's form
  (``!!python/name:`` tags resolved), so a document for a PDF is converted
  exactly as the engines convert the pages (``Project.markdown``);
- the workbook plugin's options (``BuildOptions``), which the MkDocs plugin
  (plugin.py) takes as typed options and publish takes from here.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import markdown
import yaml

from macros.content.base import ContentError
from macros.content.library import Content, load_content
from macros.site.navigation import nav_pages

CONFIG_FILE = "mkdocs.yml"
# The name the workbook's MkDocs plugin is registered under (pyproject.toml).
PLUGIN = "workbook"


class ProjectError(Exception):
    """A problem with the project's configuration or content, in one line."""


@dataclass(frozen=True)
class BuildOptions:
    """What a build makes besides the pages (the plugin's options in
    ``mkdocs.yml``; the publish command's flags override them)."""

    # The print edition: every PDF, and the links to them on the pages.
    pdfs: bool = True
    # Where drawn PDFs are kept between builds (relative to the project).
    pdf_cache: str = ".cache/pdf"
    # Processes that draw PDFs at once.
    workers: int = 2


def _python_name(loader: yaml.Loader, suffix: str, node: yaml.Node) -> Any:
    module, _, name = suffix.rpartition(".")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as error:
        raise ProjectError(f"{CONFIG_FILE}: !!python/name:{suffix} cannot be imported ({error})") from None


def _env(loader: yaml.Loader, node: yaml.Node) -> Any:
    """``!ENV NAME`` or ``!ENV [NAME, ..., default]`` as MkDocs reads it: the
    first variable that is set (its value read as YAML), else the default."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = items[:-1] if len(items) > 1 else items, items[-1] if len(items) > 1 else None
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else None
    return default


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: ``!!python/name:`` resolved, ``!ENV`` as MkDocs does."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_ConfigLoader.add_constructor("!ENV", _env)


def _extensions(entries: list) -> tuple[list[str | markdown.Extension], dict[str, dict]]:
    """``markdown_extensions`` of mkdocs.yml as (names, settings by name)."""
    names, settings = [], {}
    for entry in entries or []:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, Mapping) and len(entry) == 1:
            name, options = next(iter(entry.items()))
            names.append(name)
            settings[name] = dict(options or {})
        else:
            raise ProjectError(f"{CONFIG_FILE}: markdown_extensions: {entry!r} is neither a name nor one name with its settings")
    return names, settings


def _plugin_options(plugins: list) -> tuple[bool, dict]:
    """(whether the workbook plugin is listed, its options)."""
    for entry in plugins or []:
        if entry == PLUGIN:
            return True, {}
        if isinstance(entry, Mapping) and PLUGIN in entry:
            return True, dict(entry[PLUGIN] or {})
    return False, {}


@dataclass(frozen=True)
class Project:
    """The values of ``mkdocs.yml`` the pipeline uses."""

    root: Path
    docs_dir: Path
    nav: list
    site_name: str = ""
    site_description: str = ""
    site_author: str = ""
    site_url: str = ""
    copyright: str = ""
    favicon: str | None = None
    use_directory_urls: bool = False
    extensions: tuple = ()
    extension_configs: Mapping[str, dict] = field(default_factory=dict)
    options: BuildOptions = BuildOptions()
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path, config_file: str = CONFIG_FILE) -> Project:
        """The project whose configuration is ``root/config_file``."""
        path = Path(root) / config_file
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
        except (OSError, yaml.YAMLError) as error:
            raise ProjectError(f"{path}: {error}".splitlines()[0]) from None
        names, settings = _extensions(data.get("markdown_extensions"))
        _, options = _plugin_options(data.get("plugins"))
        try:
            build_options = BuildOptions(**options)
        except TypeError as error:
            raise ProjectError(f"{config_file}: plugins: {PLUGIN}: {error}") from None
        return cls(
            root=Path(root).resolve(),
            docs_dir=(Path(root) / data.get("docs_dir", "docs")).resolve(),
            nav=data.get("nav") or [],
            site_name=data.get("site_name") or "",
            site_description=data.get("site_description") or "",
            site_author=data.get("site_author") or "",
            site_url=(data.get("site_url") or "").rstrip("/"),
            copyright=data.get("copyright") or "",
            favicon=(data.get("theme") or {}).get("favicon"),
            use_directory_urls=bool(data.get("use_directory_urls", True)),
            extensions=tuple(names),
            extension_configs=settings,
            options=build_options,
            extra=data.get("extra") or {},
        )

    def with_options(self, **changes: Any) -> Project:
        """The project with some build options changed (flags, the plugin's settings)."""
        return replace(self, options=replace(self.options, **{k: v for k, v in changes.items() if v is not None}))

    @property
    def pages(self) -> list[str]:
        """The pages of the navigation (under docs/), in the book's order."""
        return nav_pages(self.nav)

    def markdown(self, text: str) -> str:
        """``text`` converted to HTML with exactly the site's Markdown extensions."""
        converter = markdown.Markdown(extensions=list(self.extensions), extension_configs=dict(self.extension_configs))
        return converter.convert(text)

    def content(self) -> Content:
        """The validated content (docs/data/), loaded once per state of the files."""
        return _content(self.docs_dir, tuple(self.pages), self.root, _data_stamp(self.docs_dir))


def _data_stamp(docs_dir: Path) -> tuple:
    """What the content depends on: each data file's name, size and time (and
    the pages, which corrections apply to and data links point at)."""
    found = []
    for path in sorted(docs_dir.rglob("*")):
        if path.suffix in (".yaml", ".yml", ".md") and path.is_file():
            stat = path.stat()
            found.append((path.as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(found)


@functools.lru_cache(maxsize=2)
def _content(docs_dir: Path, pages: tuple[str, ...], root: Path, stamp: tuple) -> Content:
    # Zensical runs the macros module for every page: the content is read
    # and validated once for as long as no file changes (``stamp``).
    try:
        return load_content(docs_dir, pages, root)
    except ContentError as error:
        raise ProjectError(f"Content error in {error}") from None
