"""Turn validated worksheets into the HTML and Markdown the pages show.

Pure functions: a worksheet (and, for links, the URL to use) in, a string
out. Links are written as Markdown so that MkDocs checks and rewrites them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from markupsafe import Markup, escape

from ..content.figures import FigureLibrary
from ..content.worksheets import Section, UnknownWorksheetError, Worksheet, WorksheetLibrary, question_section
from .figures import render_figure
from .markdown import md_text
from .notice import PRIVACY_NOTE
from .templating import render


KIND_LABELS: dict[str, str] = {"reflectie": "Reflectie", "werkblad": "Werkblad", "werkvorm": "Werkvorm"}
PART_LABELS: dict[str | None, str] = {
    "deel-1": "Deel 1",
    "deel-2": "Deel 2",
    "deel-3": "Deel 3",
    "deel-4": "Deel 4",
    "deel-5": "Deel 5",
    "bijlagen": "Bijlagen",
    None: "Los hoofdstuk",
}
AUDIENCE_LABELS: dict[str, str] = {
    "alleen": "alleen",
    "in-tweetallen": "in tweetallen",
    "in-een-groep": "in een groep",
}
MATERIAL_LABELS: dict[str, str] = {"kaartjes": "kaartjes", "flipover": "flipover", "a4-vel": "A4-vel"}



def meta_line(sheet: Worksheet) -> str:
    """'Werkvorm · Deel 2 · in tweetallen · nodig: kaartjes' for one sheet."""
    parts = [KIND_LABELS[sheet.kind], PART_LABELS[sheet.part]]
    if sheet.for_whom:
        parts.append(join_dutch(AUDIENCE_LABELS[who] for who in sheet.for_whom))
    if sheet.needs:
        parts.append("nodig: " + ", ".join(MATERIAL_LABELS[need] for need in sheet.needs))
    return " · ".join(parts)


def join_dutch(words: Iterable[str]) -> str:
    """'a', 'a of b', 'a, b of c': how the book lists alternatives."""
    items = list(words)
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " of " + items[-1]




def render_questions(sheet: Worksheet, section_id: str | None = None) -> str:
    """The question list of one section, for a reading page."""
    section = question_section(sheet, section_id)
    if not section.questions:
        raise UnknownWorksheetError(f"section '{section.id}' of worksheet '{sheet.id}' has no questions")
    return render("worksheets/question_list.html", sheet=sheet, section=section)


def render_intro(sheet: Worksheet) -> str:
    """A worksheet's introduction as paragraphs, for the page the sheet comes from."""
    if not sheet.intro:
        raise UnknownWorksheetError(f"worksheet '{sheet.id}' has no intro")
    return "\n".join(f"<p>{escape(paragraph)}</p>" for paragraph in sheet.intro)


def render_sheet(sheet: Worksheet, figures: FigureLibrary, *, level: int = 1) -> str:
    """One worksheet as printed; ``level`` 1 on its own page (the page has the h1)."""
    drawn = {
        section.figure: Markup(render_figure(section.figure, figures.get(section.figure)))
        for section in sheet.sections
        if section.figure
    }
    return render(
        "worksheets/sheet.html",
        sheet=sheet,
        level=level,
        meta=meta_line(sheet),
        figures=drawn,
    )


def render_worksheet_page(sheet: Worksheet, figures: FigureLibrary, reading_href: str, mine_href: str) -> str:
    """The Markdown of a worksheet's own page: title, actions, the note on
    where answers are kept, the sheet.

    What the answer fields need (the print switch, the note on privacy) is
    shown by the scripts in space kept for it.
    """
    return "\n\n".join(
        [
            f"# {md_text(sheet.title)}" + (" { .pig-web }" if "title" in sheet.web else ""),
            '<p class="pig-ws-actions pig-needs-js">'
            '<button type="button" class="md-button md-button--primary pig-print-button">'
            "Werkblad afdrukken</button> " + PRINT_SWITCH + "</p>",
            f"[Lees de uitleg in het werkboek]({reading_href}) ({PART_LABELS[sheet.part]})\n{{ .pig-ws-source }}",
            render_answer_bar(mine_href, switch=False),
            render_sheet(sheet, figures, level=1),
        ]
    )


PRINT_SWITCH = (
    '<label class="pig-answer-switch"><input type="checkbox" data-pig-print-answers checked> '
    "Mijn antwoorden meeprinten</label>"
)


def render_answer_bar(mine_href: str, *, switch: bool = True) -> str:
    """What a page with answer fields says about them (shown by the script):
    where they are kept, where they are gathered, and room for a message
    (storage full or blocked, a browser that keeps them per page) with the
    page's own backup."""
    return (
        '<div class="pig-answer-bar pig-ui pig-needs-js" data-pig-answer-bar markdown>\n'
        + PRIVACY_NOTE
        + "\n\n"
        f"[Al je antwoorden]({mine_href}){{ .pig-answer-bar__mine .pig-web }}\n\n"
        + (PRINT_SWITCH + "\n\n" if switch else "")
        + render("answers/backup.html")
        + "\n"
        "</div>"
    )


PART_KEYS = {None: "los"}
PRINT_PART_LABELS = {None: "de losse hoofdstukken en reflecties"}


def render_mine(library: WorksheetLibrary, href: Callable[[Worksheet], str], mindset: str = "") -> str:
    """The page that gathers every answer: one section per worksheet, and
    the mindset test's results (``mindset``) before the Bijlagen."""
    sheets = [
        (sheet, href(sheet), [q for q in sheet.questions if q.answer], PART_KEYS.get(sheet.part, sheet.part))
        for sheet in library
    ]
    sheets = [entry for entry in sheets if entry[2]]
    parts = []
    for sheet, _, _, part in sheets:
        if part not in [key for key, _ in parts]:
            parts.append((part, PRINT_PART_LABELS.get(sheet.part, PART_LABELS[sheet.part])))
    if mindset and "bijlagen" not in [key for key, _ in parts]:
        parts.append(("bijlagen", PART_LABELS["bijlagen"]))
    return render(
        "answers/mine.html", sheets=sheets, parts=parts, mindset=Markup(mindset), privacy=Markup(PRIVACY_NOTE)
    )


def render_worksheet_link(sheet: Worksheet, href: str) -> str:
    """The Markdown a reading page shows to lead to the printable sheet."""
    return f"[Werkblad om af te drukken: {md_text(sheet.title)}]({href}){{ .md-button .pig-ws-link }}"


def render_overview(library: WorksheetLibrary, href: Callable[[Worksheet], str]) -> str:
    """A Markdown table of all worksheets: title, part, kind, for whom, pages."""
    rows = [
        "| Werkblad | Deel | Soort | Voor wie | Nodig | Pagina’s |",
        "| --- | --- | --- | --- | --- | ---: |",
    ]
    for sheet in library:
        who = join_dutch(AUDIENCE_LABELS[w] for w in sheet.for_whom) or "—"
        needs = ", ".join(MATERIAL_LABELS[n] for n in sheet.needs) or "—"
        rows.append(
            f"| [{md_text(sheet.title)}]({href(sheet)}) | {PART_LABELS[sheet.part]} "
            f"| {KIND_LABELS[sheet.kind]} | {who} | {needs} | {sheet.pages} |"
        )
    return "\n".join(rows)


def render_pack(library: WorksheetLibrary) -> str:
    """The workshop pack: a choice of sheets, and every sheet to print."""
    sheets = [(sheet, Markup(render_sheet(sheet, library.figures, level=2))) for sheet in library]
    return render("worksheets/pack.html", sheets=sheets, kinds=KIND_LABELS, parts=PART_LABELS)
