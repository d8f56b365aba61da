"""mkdocs-macros entry point: loads the content once per build, registers macros.

The macros are thin wrappers over plain functions of this package, which
know nothing about MkDocs, so the site can move to another generator. The
only MkDocs-specific parts live here: where the data is, which page is being
rendered, and how a content error stops the build.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from .artefact import archive_name
from .conversation_library import load_conversations
from .conversation_render import render_comparison, render_conversation_page, render_conversation_print_css
from .datafiles import ContentError
from .download import render_download_link
from .figures import figure_names, render_figure
from .mindset_models import load_mindset_test
from .mindset_render import render_mindset_test
from .worksheet_library import load_worksheets, nav_pages
from .worksheet_models import Worksheet
from .worksheet_render import (
    render_answer_bar,
    render_intro,
    render_mine,
    render_print_css,
    render_overview,
    render_pack,
    render_questions,
    render_worksheet_link,
    render_worksheet_page,
)

WORKSHEET_DATA = "data/worksheets"
MINDSET_DATA = "data/mindset-test.yaml"
CONVERSATION_DATA = "data/conversations"
TECHNIQUES = "data/technieken.yaml"
WORKSHEET_PAGES = "werkbladen"
MY_ANSWERS = "mijn-antwoorden.md"
STYLESHEET = "assets/site.css"


def define_env(env) -> None:
    """Validate every data file, then register the macros the pages may call.

    MkDocs runs this at the start of every build, so ``mkdocs serve`` picks up
    edits to the data on reload.
    """
    docs = Path(env.conf["docs_dir"])
    pages = nav_pages(env.conf["nav"])
    root = Path(env.conf["config_file_path"]).parent
    try:
        library = load_worksheets(docs / WORKSHEET_DATA, pages=pages, figures=figure_names(), root=root)
        conversations = load_conversations(
            docs / CONVERSATION_DATA, docs / TECHNIQUES, worksheets=library, pages=pages, root=root
        )
        mindset = load_mindset_test(docs / MINDSET_DATA, root)
    except ContentError as error:
        raise PluginError(f"Content error in {error}") from None
    env.variables["worksheets"] = library
    env.variables["conversations"] = conversations

    def link_to(target: str) -> str:
        """A relative Markdown link from the page being rendered to ``target``."""
        here = posixpath.dirname(env.page.file.src_uri)
        return posixpath.relpath(target, here or ".")

    def url_to(target: str) -> str:
        """The relative URL (for raw HTML) from the page being rendered to ``target``."""
        dest = File(target, env.conf["docs_dir"], env.conf["site_dir"], env.conf["use_directory_urls"])
        return get_relative_url(dest.url, env.page.url)

    def sheet_href(sheet: Worksheet) -> str:
        return link_to(f"{WORKSHEET_PAGES}/{sheet.id}.md")

    def reading_href(sheet: Worksheet) -> str:
        return link_to(sheet.page)

    def questions(sheet_id: str, section: str | None = None) -> str:
        return render_questions(library.get(sheet_id), section)

    def worksheet_intro(sheet_id: str) -> str:
        return render_intro(library.get(sheet_id))

    def worksheet_link(sheet_id: str) -> str:
        sheet = library.get(sheet_id)
        return render_worksheet_link(sheet, sheet_href(sheet))

    def worksheet_page(sheet_id: str) -> str:
        sheet = library.get(sheet_id)
        return render_worksheet_page(sheet, reading_href(sheet), link_to(MY_ANSWERS))

    def worksheet_overview() -> str:
        return render_overview(library, sheet_href)

    def worksheet_pack() -> str:
        return render_pack(library)

    def answer_bar() -> str:
        return render_answer_bar(link_to(MY_ANSWERS))

    def my_answers() -> str:
        return render_mine(library, lambda sheet: url_to(f"{WORKSHEET_PAGES}/{sheet.id}.md"))

    def conversation_page(conversation_id: str) -> str:
        return render_conversation_page(conversations.get(conversation_id), conversations, library, link_to)

    def conversation_comparison() -> str:
        return render_comparison(conversations, link_to)

    env.macro(render_figure, "figure")
    env.macro(lambda: render_mindset_test(mindset), "mindset_test")
    env.macro(lambda: render_download_link(env.page.url, archive_name()), "download_link")
    for macro in (
        questions, worksheet_intro, worksheet_link, worksheet_page, worksheet_overview, worksheet_pack,
        answer_bar, my_answers, conversation_page, conversation_comparison,
    ):
        env.macro(macro)


def on_post_build(env) -> None:
    """Append the print rules of the worksheets and the conversation guides
    (one named page each) to the site's stylesheet: no extra request, and no
    inline styles."""
    stylesheet = Path(env.conf["site_dir"]) / STYLESHEET
    with stylesheet.open("a", encoding="utf-8") as css:
        css.write(render_print_css(env.variables["worksheets"]))
        css.write(render_conversation_print_css(env.variables["conversations"]))
