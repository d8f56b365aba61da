"""The folder Zensical builds the site from: ``python -m macros prepare OUT_DIR``.

Zensical (https://zensical.org, tried with 0.1.2) reads ``mkdocs.yml``,
renders Material's templates and our overrides, and converts the pages with
Python-Markdown and the extensions that file lists (the macros, and the
web edition's page changes: page_changes.py). It runs no MkDocs plugin and
no hook, so what the workbook plugin adds to MkDocs' build is written here
as files instead:

- ``OUT_DIR/docs/``: the project's docs (the data included: the macros and
  the page changes load the content from there), with the pages and files
  ``prepare`` generates, without the sources it withholds;
- ``OUT_DIR/overrides/``: the project's theme overrides (and an empty
  ``partials/tags.html``: see THEME_TEMPLATES);
- ``OUT_DIR/mkdocs.yml``: the project's ``mkdocs.yml`` as Zensical needs it:
  the navigation with the generated pages, no hooks, no plugin Zensical
  cannot run (the workbook plugin stays listed, with the options this
  prepare ran with: the macros and the page changes read them with
  ``Project.load``; Zensical skips a plugin it does not know), the macros module by its import name (Zensical takes a module path
  relative to the config's folder), Material's classic look (Zensical's
  default is its own "modern" variant), and where the theme's stylesheet and
  script are (``extra.material``, which overrides/main.html links).

``zensical build -f OUT_DIR/mkdocs.yml`` then writes ``OUT_DIR/site/``
(Zensical keeps the built site inside the config's folder), and
``python -m macros publish`` does the rest, as after MkDocs.

This module reads ``mkdocs.yml`` itself, besides ``Project``: it carries
over the settings only the engine reads (theme, plugins, validation) as they
are written, ``!!python/name:`` tags included.
"""

from __future__ import annotations

import shutil
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml

from macros.site.project import CONFIG_FILE, PLUGIN, Project, ProjectError

# Where Zensical writes the site, inside the prepared folder.
SITE_DIR = "site"
DOCS_DIR = "docs"
THEME_DIR = "overrides"
# Written first in the prepared config: only a folder holding it is emptied
# by a later ``prepare`` into the same folder.
MARKER = "# Written by `python -m macros prepare` for Zensical from mkdocs.yml; do not edit.\n"
# Zensical's look of Material for MkDocs (its default is "modern").
VARIANT = "classic"
# MkDocs settings Zensical has no use for, and MkDocs plugins the workbook
# plugin replaces.
DROPPED_SETTINGS = ("hooks",)
DROPPED_PLUGINS = ("print-site",)
# Templates of Zensical's theme replaced in the prepared overrides (not in
# the project's own): Zensical shows a page's front matter ``tags`` under
# its text, Material only with its tags plugin, which this site does not
# use (the conversations' tags serve the search alone).
THEME_TEMPLATES = {
    "partials/tags.html": "{#- No tags under the page (see macros/site/zensical.py). -#}\n",
}


class _Tagged:
    """A ``!!python/...`` or ``!ENV`` value of mkdocs.yml, written back as it was."""

    def __init__(self, tag: str, value: str | list):
        self.tag, self.value = tag, value


def _tagged(tag: str, loader: yaml.SafeLoader, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(tag, loader.construct_sequence(node, deep=True))
    return _Tagged(tag, loader.construct_scalar(node))


def _represent(dumper: yaml.SafeDumper, value: _Tagged) -> yaml.Node:
    if isinstance(value.value, list):
        return dumper.represent_sequence(value.tag, value.value)
    return dumper.represent_scalar(value.tag, value.value)


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: _tagged("tag:yaml.org,2002:python/" + suffix, loader, node))
_Loader.add_constructor("!ENV", lambda loader, node: _tagged("!ENV", loader, node))
_Dumper.add_representer(_Tagged, _represent)


def material_assets(variant: str = VARIANT) -> dict[str, str]:
    """Where Zensical's theme has the stylesheet of ``variant`` and its
    script (their names carry a hash that changes with its releases)."""
    try:
        from zensical_ui import get_theme_dir
    except ImportError:
        raise ProjectError("Zensical is not installed: pip install -e '.[zensical]'") from None
    theme = Path(get_theme_dir())

    def one(pattern: str) -> str:
        found = sorted(path.relative_to(theme).as_posix() for path in theme.glob(pattern))
        if len(found) != 1:
            raise ProjectError(f"Zensical's theme {theme}: {pattern}: expected one file, found {found or 'none'}")
        return found[0]

    return {
        "stylesheet": one(f"assets/stylesheets/{variant}/main.*.min.css"),
        "script": one("assets/javascripts/bundle.*.min.js"),
    }


def zensical_config(raw: dict, nav: list, project: Project) -> dict:
    """The prepared folder's config, from ``raw`` (the project's mkdocs.yml)."""
    config = {key: value for key, value in raw.items() if key not in DROPPED_SETTINGS}
    config["docs_dir"] = DOCS_DIR
    config["site_dir"] = SITE_DIR
    config["nav"] = nav
    theme = dict(config.get("theme") or {})
    theme["custom_dir"] = THEME_DIR
    theme.setdefault("variant", VARIANT)
    config["theme"] = theme
    extra = dict(config.get("extra") or {})
    extra["material"] = material_assets(theme["variant"])
    config["extra"] = extra
    plugins = []
    for entry in config.get("plugins") or []:
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name in DROPPED_PLUGINS:
            continue
        if name == "macros" and isinstance(entry, dict):
            entry = {"macros": _macros_options(entry["macros"] or {}, project)}
        elif name == PLUGIN:
            entry = {PLUGIN: _workbook_options(project)}
        plugins.append(entry)
    if not any(entry == PLUGIN or (isinstance(entry, dict) and PLUGIN in entry) for entry in plugins):
        plugins.append({PLUGIN: _workbook_options(project)})
    config["plugins"] = plugins
    return config


def _workbook_options(project: Project) -> dict:
    """The workbook plugin's options as this prepare ran with them (not the
    ``!ENV`` tags they may be written with), for the macros and the page
    changes, which read them back with ``Project.load`` (PDF links or not)."""
    options = asdict(project.options)
    cache = Path(options["pdf_cache"])
    options["pdf_cache"] = str(cache if cache.is_absolute() else project.root / cache)
    return options


def _macros_options(options: dict, project: Project) -> dict:
    """The macros plugin's options with its module named for import: Zensical
    looks a module path up beside its config, which is the prepared folder."""
    options = dict(options)
    module = options.get("module_name")
    if module and (project.root / f"{module}.py").is_file():
        options["module_name"] = module.replace("/", ".")
    return options


def _check_out_dir(project: Project, out_dir: Path) -> None:
    """``out_dir`` may be emptied: a new folder, or one prepare wrote."""
    out = out_dir.resolve()
    root, docs = project.root.resolve(), project.docs_dir.resolve()
    if out == root or root.is_relative_to(out) or out.is_relative_to(docs):
        raise ProjectError(f"prepare: {out_dir} would hold or overwrite the project; name a folder of its own (build/zensical)")
    config = out / CONFIG_FILE
    if out.is_dir() and any(out.iterdir()):
        if not (config.is_file() and config.read_text(encoding="utf-8").startswith(MARKER)):
            raise ProjectError(f"prepare: {out_dir} is not empty and not a folder prepare wrote; name a new folder")


def write_zensical_project(project: Project, prepared, out_dir: Path) -> Path:
    """Write the folder Zensical builds the site from (see the module's text)
    into ``out_dir``; return its config file. ``prepared`` is prepare()'s
    ``Prepared`` (generated pages and files, withheld sources, navigation)."""
    out_dir = Path(out_dir)
    _check_out_dir(project, out_dir)
    try:
        raw = yaml.load((project.root / CONFIG_FILE).read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ProjectError(f"{CONFIG_FILE}: {error}".splitlines()[0]) from None
    config = zensical_config(raw, prepared.nav, project)
    for name in (DOCS_DIR, THEME_DIR, SITE_DIR):
        shutil.rmtree(out_dir / name, ignore_errors=True)
    docs = out_dir / DOCS_DIR
    withheld = set(prepared.withheld)
    shutil.copytree(
        project.docs_dir,
        docs,
        ignore=lambda folder, names: [
            name for name in names if (Path(folder) / name).relative_to(project.docs_dir).as_posix() in withheld
        ],
    )
    for path, text in {**prepared.pages, **prepared.files}.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    custom_dir = (raw.get("theme") or {}).get("custom_dir")
    if custom_dir:
        shutil.copytree(project.root / custom_dir, out_dir / THEME_DIR)
    for path, text in THEME_TEMPLATES.items():
        template = out_dir / THEME_DIR / path
        template.parent.mkdir(parents=True, exist_ok=True)
        template.write_text(text, encoding="utf-8")
    target = out_dir / CONFIG_FILE
    target.write_text(MARKER + _dump(config), encoding="utf-8")
    return target


def _dump(config: dict[str, Any]) -> str:
    return yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
