"""Turn validated worksheets into the HTML and Markdown the pages show.

Pure functions: a worksheet (and, for links, the URL to use) in, a string
out. Links are written as Markdown so that MkDocs checks and rewrites them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup, escape

from ..content.figures import FigureLibrary
from ..content.worksheets import UnknownWorksheetError, Worksheet, WorksheetLibrary, question_section
from .figures import render_figure
from .markdown import md_text
from .notice import PRIVACY_NOTE
from .templating import render


KIND_LABELS: dict[str, str] = {"reflectie": "Reflectie", "werkblad": "Werkblad", "werkvorm": "Werkvorm"}
PART_LABELS: dict[str, str] = {
    "deel-1": "Deel 1",
    "deel-2": "Deel 2",
    "deel-3": "Deel 3",
    "deel-4": "Deel 4",
    "deel-5": "Deel 5",
    "bijlagen": "Bijlagen",
}
# The phase of a part, in the words of its heading, for the overview's filter.
PART_PHASES: dict[str, str] = {
    "deel-2": "terugkijken",
    "deel-3": "vooruitkijken",
}
AUDIENCE_LABELS: dict[str, str] = {
    "leidinggevende": "leidinggevende alleen",
    "medewerker": "medewerker",
    "samen": "leidinggevende en medewerker samen",
    "collegas": "collega’s onderling of in een groep",
}
NOT_STATED = "niet aangegeven"
MATERIAL_LABELS: dict[str, str] = {"kaartjes": "kaartjes", "flipover": "flipover", "a4-vel": "A4-vel"}


def part_label(sheet: Worksheet) -> str:
    """Where the book puts a sheet: its part, 'Reflectie' for a reflection
    between the parts, else the place its data names ('Na Deel 5')."""
    if sheet.part is not None:
        return PART_LABELS[sheet.part]
    if sheet.place is not None:
        return sheet.place
    return KIND_LABELS[sheet.kind]


def phase(sheet: Worksheet) -> tuple[str, str]:
    """(key, label) of the overview's filter 'Deel of fase' for one sheet."""
    if sheet.part is not None:
        title = PART_PHASES.get(sheet.part)
        return sheet.part, PART_LABELS[sheet.part] + (f": {title}" if title else "")
    label = part_label(sheet)
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-"), label


def audience(sheet: Worksheet) -> str:
    """Who takes part, as the overview and the sheets say it."""
    return ", ".join(AUDIENCE_LABELS[p.who] for p in sheet.for_whom) or NOT_STATED


def materials(sheet: Worksheet) -> str:
    return ", ".join(MATERIAL_LABELS[n.what] for n in sheet.needs) or NOT_STATED


def pages_label(pages: int) -> str:
    return "1 pagina" if pages == 1 else f"{pages} pagina’s"


def meta_line(sheet: Worksheet) -> str:
    """'Werkvorm · Deel 2 · samen · nodig: kaartjes' for one sheet (a
    reflection between the parts: 'Reflectie' once)."""
    parts = list(dict.fromkeys([KIND_LABELS[sheet.kind], part_label(sheet)]))
    if sheet.for_whom:
        parts.append(audience(sheet))  # a list: a label may hold "of" itself
    if sheet.needs:
        parts.append("nodig: " + materials(sheet))
    return " · ".join(parts)


EDITION_MARK = "*"


def edition_note(sheet: Worksheet) -> str:
    """What the meta line adds on paper: what the web edition added to the
    sheet, each marked there with ``EDITION_MARK`` (on screen they carry
    the badge): "* Toegevoegd door de webeditie, niet uit het boek: deze
    regel en de koppen."."""
    printed = [section for section in sheet.sections if section.on_sheet]
    added = ["deze regel"]
    if "title" in sheet.web:
        added.append("de titel")
    if "intro" in sheet.web or any({"intro", "after"} & set(s.web) for s in printed):
        added.append("de toelichting")
    if any("title" in s.web for s in printed):
        added.append("de koppen")
    if any(q.web for s in printed for q in s.questions):
        added.append("de vragen")
    if any(s.fields for s in printed):
        added.append("de invulregels bovenaan")
    if any(s.fold for s in printed):
        added.append("de vouwlijn")
    listed = added[0] if len(added) == 1 else ", ".join(added[:-1]) + " en " + added[-1]
    return f"{EDITION_MARK} Toegevoegd door de webeditie, niet uit het boek: {listed}."


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
        edition_note=edition_note(sheet),
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
            '<p class="pig-ws-actions pig-ui pig-needs-js">'
            '<button type="button" class="md-button md-button--primary pig-print-button">'
            "Werkblad afdrukken</button> " + PRINT_SWITCH + "</p>",
            f"[Lees de uitleg in het werkboek]({reading_href}) ({md_text(part_label(sheet))})\n{{ .pig-ws-source .pig-ui }}",
            render_answer_bar(mine_href, switch=False),
            render_sheet(sheet, figures, level=1),
        ]
    )


PRINT_SWITCH = (
    '<label class="pig-answer-switch"><input type="checkbox" data-pig-print-answers checked> '
    "Afdrukken met mijn antwoorden</label>"
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
        f"[Al je antwoorden]({mine_href}){{ .pig-answer-bar__mine }}\n\n"
        + (PRINT_SWITCH + "\n\n" if switch else "")
        + render("answers/backup.html")
        + "\n"
        "</div>"
    )


PART_KEYS = {None: "los"}
PRINT_PART_LABELS = {None: "de reflecties en de progressiecirkel"}


def render_mine(
    library: WorksheetLibrary, href: Callable[[Worksheet], str], mindset: str = "", plans: dict | None = None
) -> str:
    """The page that gathers every answer: one section per worksheet, and
    the mindset test's results (``mindset``) before the Bijlagen; with
    ``plans`` ({href, names: [(value, label)]}) the conversation plans last."""
    sheets = [
        (sheet, href(sheet), [q for q in sheet.questions if q.answer], PART_KEYS.get(sheet.part, sheet.part))
        for sheet in library
    ]
    sheets = [entry for entry in sheets if entry[2]]
    parts: dict[str, str] = {}
    for sheet, _, _, part in sheets:
        parts.setdefault(part, PRINT_PART_LABELS.get(sheet.part) or part_label(sheet))
    if mindset:
        parts.setdefault("bijlagen", PART_LABELS["bijlagen"])
    return render(
        "answers/mine.html",
        sheets=sheets,
        parts=list(parts.items()),
        mindset=Markup(mindset),
        privacy=Markup(PRIVACY_NOTE),
        plans=plans,
    )


def render_worksheet_link(sheet: Worksheet, href: str) -> str:
    """The Markdown a reading page shows to lead to the printable sheet."""
    return f"[Werkblad om af te drukken: {md_text(sheet.title)}]({href}){{ .md-button .pig-ws-link .pig-ui }}"


# The overview's filter by situation: (value, label) of each situation,
# and the situations of each sheet by its id.
SituationFilter = tuple[list[tuple[str, str]], dict[str, list[str]]]
SIZE_LEGEND = "Omvang (pagina’s)"


def render_overview(
    library: WorksheetLibrary,
    href: Callable[[str], str],
    sheet_page: Callable[[str], str],
    werkmap: str,
    pdf: Callable[[Worksheet], str | None] = lambda sheet: None,
    situations: SituationFilter | None = None,
) -> str:
    """The method library: filters (shown once the script runs) and a card
    per sheet. ``href`` turns a page under docs/ into the address to write
    in raw HTML, ``sheet_page`` a sheet's id into its page under docs/,
    ``werkmap`` is the werkmap's page; ``pdf`` gives the address of a
    sheet's PDF, once there is one (None: no link); with ``situations``, a
    filter by situation (``render/planner.py``, ``situation_filter``)."""
    sheets = list(library)
    options, by_sheet = situations if situations is not None else ([], {})
    phases: dict[str, str] = {}
    for sheet in sheets:
        key, label = phase(sheet)
        phases.setdefault(key, label)
    audiences = [(who, label) for who, label in AUDIENCE_LABELS.items() if any(p.who == who for s in sheets for p in s.for_whom)]
    if any(not s.for_whom for s in sheets):
        audiences.append(("niet-aangegeven", NOT_STATED))
    lengths = sorted({sheet.pages for sheet in sheets})
    cards = [
        {
            "sheet": sheet,
            "phase": phase(sheet),
            "part": part_label(sheet),
            "who": [p.who for p in sheet.for_whom] or ["niet-aangegeven"],
            "audience": audience(sheet),
            "needs": materials(sheet),
            "pages": pages_label(sheet.pages),
            "situations": by_sheet.get(sheet.id, []),
            "sheet_href": href(sheet_page(sheet.id)),
            "reading_href": href(sheet.page),
            "pdf_href": pdf(sheet),
        }
        for sheet in sheets
    ]
    filters = [
        ("deel", "Deel of fase", list(phases.items()), ""),
        ("wie", "Wie doet mee", audiences, ""),
    ]
    if options:
        # The grouping is the web edition's reading of Deel 4, said in the legend's note.
        filters.append(
            (
                "situatie",
                "Situatie",
                options,
                "De indeling is de lezing van de webeditie: de werkvormen die de drie "
                "voorbeeldgesprekken van Deel 4 gebruiken, naar de situaties van Frank Kwakman.",
            )
        )
    filters.append(("paginas", SIZE_LEGEND, [(str(n), pages_label(n)) for n in lengths], ""))
    return render(
        "worksheets/library.html",
        cards=cards,
        filters=filters,
        size_label=SIZE_LEGEND,
        kinds=KIND_LABELS,
        werkmap_href=href(werkmap),
    )


# The forms a werkvorm can take in a session, from who takes part ("Wie doet mee").
FORM_LABELS: dict[str, str] = {
    "leidinggevende": "alleen (leidinggevende)",
    "medewerker": "alleen (medewerker)",
    "samen": "in tweetallen (leidinggevende en medewerker)",
    "collegas": "in een groep (collega’s)",
}
COVER_FIELDS = (("titel", "Titel"), ("groep", "Groep"), ("datum", "Datum"), ("trainer", "Trainer"))


def session_forms(sheet: Worksheet) -> list[str]:
    """The forms a session plan offers for a sheet: those its data names."""
    return [FORM_LABELS[p.who] for p in sheet.for_whom]


def render_pack(library: WorksheetLibrary, mine_href: str = "../mijn-antwoorden.html") -> str:
    """The workshop pack: a choice of sheets, the trainer's session (order,
    plan, cover, kept with the answers: ``mine_href`` leads to them) and
    every sheet to print."""
    sheets = [(sheet, Markup(render_sheet(sheet, library.figures, level=2))) for sheet in library]
    return render(
        "worksheets/pack.html",
        sheets=sheets,
        kinds=KIND_LABELS,
        part_label=part_label,
        forms=session_forms,
        cover_fields=COVER_FIELDS,
        privacy=Markup(PRIVACY_NOTE),
        mine_href=mine_href,
    )
