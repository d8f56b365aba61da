"""The workbook's MkDocs plugin: wires prepare and publish into MkDocs.

Registered as ``workbook`` (pyproject.toml's entry point) and listed in
mkdocs.yml before ``macros``, with typed options::

    plugins:
      - workbook:
          pdfs: true            # the print edition (PDFs and links to them)
          pdf_cache: .cache/pdf # drawn PDFs, kept between builds
          workers: 2            # processes that draw PDFs at once

The work is done by plain functions that know no MkDocs: prepare.py (pages,
files and navigation from the content), page_changes.py (the Markdown
extension every engine runs), publish.py (the book page, stylesheets,
policies, PDFs, zip). This class only hands MkDocs their results, and keeps
the state of one build on itself: the project, the content (loaded and
validated once per build; the macros take it from here) and the page being
converted.

``mkdocs serve`` makes no PDFs, policies or zip, so a rebuild stays fast, and
shows a mistake in a page or the data as one line instead of ending.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from macros.site.page_changes import PageChanges, PageInfo, Site
from macros.site.page_check import page_problem
from macros.site.page_errors import answer_with_errors, error_page, one_line_reports, page_error, page_error_notice
from macros.site.prepare import material_assets, prepare
from macros.site.project import BuildOptions, Project, ProjectError
from macros.site.publish import publish

log = logging.getLogger("mkdocs.plugins.workbook")

# The Markdown extension of page_changes.py, as mkdocs.yml lists it.
PAGE_CHANGES = "macros.site.page_changes"

class WorkbookConfig(base.Config):
    pdfs = c.Type(bool, default=BuildOptions.pdfs)
    pdf_cache = c.Type(str, default=BuildOptions.pdf_cache)
    workers = c.Type(int, default=BuildOptions.workers)


class WorkbookPlugin(BasePlugin[WorkbookConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.project: Project | None = None
        self.content = None
        self.prepared = None
        self.page = None

    def on_startup(self, *, command, dirty) -> None:
        self.serving = command == "serve"
        one_line_reports()

    def on_serve(self, server, *, config, builder):
        """A rebuild that fails shows its error on every page at once, instead
        of leaving each request waiting for a good build (page_errors.py)."""
        answer_with_errors(server, Path(config.site_dir))
        return server

    @event_priority(100)  # before the macros' (define_env) and before any plugin reads the navigation
    def on_config(self, config):
        config_file = Path(config.config_file_path)
        try:
            project = Project.load(config_file.parent, config_file.name)
            self.project = project.with_options(
                pdfs=self.config.pdfs and not self.serving, pdf_cache=self.config.pdf_cache, workers=self.config.workers
            )
            self.content = self.project.content()
            self.prepared = prepare(self.project, self.content, serving=self.serving)
        except (ProjectError, ValueError) as error:
            raise PluginError(str(error)) from None
        config.nav = self.prepared.nav
        # The page changes know which page they convert: the one being rendered.
        config.markdown_extensions = [
            PageChanges(page_of=self.page_being_converted) if extension == PAGE_CHANGES else extension
            for extension in config.markdown_extensions
        ]
        config.extra["material"] = material_assets(config.theme.dirs)
        if self.serving:  # a mistake in a page must not end the preview (page_errors.py)
            config.plugins["macros"].config["on_error_fail"] = False
        return config

    def page_being_converted(self, md) -> tuple[PageInfo, Site] | None:
        if self.page is None:
            return None
        page = PageInfo(self.page.file.src_uri, self.page.url, dict(self.page.meta))
        return page, Site(self.content, self.project.options.pdfs)

    def on_files(self, files, *, config):
        """The generated pages and files; the sources they replace go."""
        for src in self.prepared.withheld:
            files.remove(files.get_file_from_path(src))
        for src, text in [*self.prepared.pages.items(), *self.prepared.files.items()]:
            existing = files.get_file_from_path(src)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, src, content=text))
        return files

    @event_priority(-50)  # after mkdocs-macros has rendered the page
    def on_page_markdown(self, markdown, *, page, config, files):
        """The page the Markdown extension converts next; under ``mkdocs
        serve``, a page whose macros failed shows the error in one line."""
        self.page = page
        message = page_error(markdown, page.file.src_uri)
        if message is None:
            return markdown
        if not self.serving:  # mkdocs-macros has ended the build already; never a report as a page
            raise PluginError(message)
        return error_page(message)

    def on_page_content(self, html, *, page, config, files):
        """A page that brings scripts, handlers or resources from outside
        stops the build with one line (page_check.py)."""
        self.page = None
        scripts = page.meta.get("scripts")
        problem = page_problem(page.file.src_uri, html, page.title, scripts)
        missing = [s for s in scripts or [] if isinstance(s, str) and files.get_file_from_path(s) is None]
        if problem is None and missing:
            problem = f"Page error in docs/{page.file.src_uri}: front matter 'scripts': {missing[0]!r} is not a file of the site"
        if problem is None:
            return html
        if not self.serving:
            raise PluginError(problem)
        log.error(problem)  # the preview goes on, and shows the error on the page
        return page_error_notice(problem)

    @event_priority(-200)  # after every plugin, Material's offline plugin (-100) included
    def on_post_build(self, *, config):
        try:
            done = publish(Path(config.site_dir), self.project, self.content, serving=self.serving)
        except (ProjectError, ValueError) as error:
            raise PluginError(str(error)) from None
        if done.archive is not None:
            log.info(f"Removed {len(done.removed)} files no reader loads; wrote {done.archive.name} ({done.archive.stat().st_size} bytes)")
