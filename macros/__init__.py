"""mkdocs-macros entry point: registers the project's macros and nothing else.

The macros are plain functions from the modules of this package; they know
nothing about MkDocs, so the site can move to another generator.
"""

from .artefact import archive_name
from .download import render_download_link
from .figures import render_figure


def define_env(env) -> None:
    """Register the macros the Markdown pages may call."""
    env.macro(render_figure, "figure")
    env.macro(lambda: render_download_link(env.page.url, archive_name()), "download_link")
