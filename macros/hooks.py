"""MkDocs build hooks (``hooks:`` in mkdocs.yml): thin adapters only.

The work is done by the plain functions of ``artefact.py`` (clean-up, zip)
and ``print_page.py`` (the print-site page and its assets); these hooks only
hand them what MkDocs knows.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import is_error_template, normalize_url

from macros.artefact import archive_name, prune, search_languages, zip_site
from macros.print_page import split_print_site_assets, tidy_print_page

log = logging.getLogger("mkdocs.hooks.artefact")

# Under `mkdocs serve` the preview skips the whole-book print page and the
# zip, so a rebuild after an edit stays fast; `mkdocs build` makes both.
# MkDocs loads this file anew for every rebuild but starts it up once, so
# the command is kept in the process's environment.
SERVING = "PIG_MKDOCS_SERVING"


def on_startup(command, dirty):
    os.environ[SERVING] = "1" if command == "serve" else ""


def serving() -> bool:
    return bool(os.environ.get(SERVING))


@event_priority(-100)  # after mkdocs-print-site-plugin has added its assets
def on_config(config):
    """Load the print-site plugin's assets on its print page only (see main.html)."""
    if serving():
        config.plugins["print-site"].config["enabled"] = False
    config.extra_css, css = split_print_site_assets(config.extra_css)
    config.extra_javascript, js = split_print_site_assets(config.extra_javascript)
    config.extra["print_site_assets"] = {"css": css, "js": js}
    return config


def on_template_context(context, template_name, config):
    """Give the 404 page links relative to the site's root, like other root pages.

    MkDocs makes them absolute from the server's root ("/assets/...") when
    ``site_url`` is not set, which breaks the page under a sub-path and from
    disk. Relative, it works wherever ``404.html`` sits beside ``index.html``.
    """
    if is_error_template(template_name):
        context["base_url"] = "."
        context["extra_css"] = [normalize_url(str(path), None, ".") for path in config.extra_css]
        context["extra_javascript"] = [normalize_url(str(script), None, ".") for script in config.extra_javascript]
    return context


@event_priority(-200)  # after every plugin, Material's offline plugin (-100) included
def on_post_build(config):
    """Tidy the print page, remove what no reader loads, then zip the whole site into it."""
    site_dir = Path(config.site_dir)
    tidy_print_page(site_dir / ("print_page/index.html" if config.use_directory_urls else "print_page.html"))
    removed = prune(site_dir, search_languages(site_dir), config.theme.get("favicon"))
    if serving():
        return
    archive = zip_site(site_dir, archive_name())
    log.info(f"Removed {len(removed)} files no reader loads; wrote {archive.name} ({archive.stat().st_size} bytes)")
