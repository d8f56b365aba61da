"""mkdocs-macros entry point (``module_name`` in mkdocs.yml).

``define_env`` registers the macros the pages call, with the content: the
one the workbook plugin loaded and validated for this build (MkDocs runs
``define_env`` once per build), else the project's, read once for as long
as no file changes (Zensical runs ``define_env`` for every page). Each macro
is a plain function of this module: it takes the page being rendered and the
content from the template context (Jinja's ``pass_context``) and hands them
to a renderer in ``macros.render``. Of the page it uses its path under docs/
and its address, which both engines give.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from jinja2 import pass_context

from macros.content.library import Content
from macros.render.corrections import render_corrections, render_kept_slips
from macros.render.conversations import render_comparison, render_conversation_page
from macros.render.download import render_download_link
from macros.render.figures import render_figure
from macros.render.mindset import render_mindset_summary, render_mindset_test
from macros.render.pdf import pdf_href, sheet_pdf
from macros.render.planner import plan_names, render_planner, situation_filter
from macros.render.worksheets import (
    render_answer_bar,
    render_intro,
    render_mine,
    render_overview,
    render_pack,
    render_questions,
    render_worksheet_link,
)
from macros.site.artefact import archive_name
from macros.site.navigation import MINDSET_TEST, MY_ANSWERS, PLANNER, WERKMAP, sheet_page
from macros.site.project import PLUGIN, Project

CONTENT = "content"


PDFS = "pig_pdfs"


def site_content(conf) -> tuple[Content, bool]:
    """(the content, whether this build makes PDFs) for the engine's config
    ``conf``: the workbook plugin's under MkDocs, else the project's."""
    plugin = (conf.get("plugins") or {}).get(PLUGIN)
    if getattr(plugin, "content", None) is not None:
        return plugin.content, plugin.project.options.pdfs
    root = Path(conf["config_file_path"]).parent if conf.get("config_file_path") else Path(conf.get("root_dir") or ".")
    project = Project.load(root)
    return project.content(), project.options.pdfs


def define_env(env) -> None:
    """Register the macros the pages may call, with the content."""
    env.variables[CONTENT], env.variables[PDFS] = site_content(env.conf)
    for macro in MACROS:
        env.macro(macro)


# What a macro knows of the page being rendered: its source path under
# docs/ (MkDocs: ``page.file.src_uri``; Zensical: ``page.path``) and its
# address (``page.url``).


def _here(context) -> str:
    page = context["page"]
    return page.file.src_uri if getattr(page, "file", None) is not None else page.path


def link_to(context, target: str) -> str:
    """A relative Markdown link from the page being rendered to ``target``
    (a page under docs/); MkDocs checks it and rewrites it to the .html."""
    here = posixpath.dirname(_here(context))
    return posixpath.relpath(target, here or ".")


def url_to(context, target: str) -> str:
    """The relative URL, for raw HTML, from the page being rendered to the
    page ``target`` (``werkbladen/x.md`` becomes ``../werkbladen/x.html``)."""
    page_url = context["page"].url
    target_url = posixpath.splitext(target)[0] + ".html"
    folder = posixpath.dirname(page_url)
    return posixpath.relpath(target_url, folder or ".")


def _content(context) -> Content:
    return context[CONTENT]


@pass_context
def figure(context, name: str) -> str:
    return render_figure(name, _content(context).figures.get(name))


@pass_context
def mindset_test(context) -> str:
    test = _content(context).mindset
    return render_mindset_test(test, lambda page: url_to(context, page), url_to(context, MY_ANSWERS))


@pass_context
def download_link(context) -> str:
    return render_download_link(context["page"].url, archive_name())


@pass_context
def questions(context, sheet_id: str, section: str | None = None) -> str:
    return render_questions(_content(context).worksheets.get(sheet_id), section)


@pass_context
def worksheet_intro(context, sheet_id: str) -> str:
    return render_intro(_content(context).worksheets.get(sheet_id))


@pass_context
def worksheet_link(context, sheet_id: str) -> str:
    sheet = _content(context).worksheets.get(sheet_id)
    return render_worksheet_link(sheet, link_to(context, sheet_page(sheet.id)))


@pass_context
def worksheet_overview(context) -> str:
    here = context["page"].url
    content = _content(context)
    return render_overview(
        content.worksheets,
        lambda target: url_to(context, target),
        sheet_page,
        WERKMAP,
        # The preview (mkdocs serve) makes no PDFs: no links to them.
        pdf=(lambda sheet: None) if not context[PDFS] else (lambda sheet: pdf_href(here, sheet_pdf(sheet.id))),
        situations=situation_filter(content.planner),
    )


@pass_context
def worksheet_pack(context) -> str:
    return render_pack(_content(context).worksheets, url_to(context, MY_ANSWERS))


@pass_context
def answer_bar(context) -> str:
    return render_answer_bar(link_to(context, MY_ANSWERS))


@pass_context
def my_answers(context) -> str:
    content = _content(context)
    summary = render_mindset_summary(content.mindset, url_to(context, MINDSET_TEST))
    plans = {"href": url_to(context, PLANNER), "names": plan_names(content.planner)}
    return render_mine(content.worksheets, lambda sheet: url_to(context, sheet_page(sheet.id)), summary, plans)


@pass_context
def conversation_page(context, conversation_id: str) -> str:
    content = _content(context)
    return render_conversation_page(
        content.conversations.get(conversation_id),
        content.conversations,
        content.worksheets,
        lambda target: link_to(context, target),
    )


@pass_context
def conversation_comparison(context) -> str:
    return render_comparison(_content(context).conversations, lambda target: link_to(context, target))


@pass_context
def conversation_planner(context) -> str:
    content = _content(context)
    return render_planner(
        content.planner,
        content.worksheets,
        content.conversations,
        content.figures,
        lambda target: url_to(context, target),
        lambda target: link_to(context, target),
        url_to(context, MY_ANSWERS),
    )


@pass_context
def corrections_table(context) -> str:
    return render_corrections(_content(context).corrections)


@pass_context
def kept_slips_table(context) -> str:
    return render_kept_slips(_content(context).corrections)


MACROS = (
    figure,
    mindset_test,
    download_link,
    questions,
    worksheet_intro,
    worksheet_link,
    worksheet_overview,
    worksheet_pack,
    answer_bar,
    my_answers,
    conversation_page,
    conversation_comparison,
    conversation_planner,
    corrections_table,
    kept_slips_table,
)
