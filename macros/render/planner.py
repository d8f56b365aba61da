"""The conversation planner's page (``gespreksplanner.md``).

Pure functions: the planner's content (macros/content/planner.py) and ways
to write links in, HTML and Markdown out. The page works as a printable
page without JavaScript (the book's preparation questions and the table of
the three example conversations); ``docs/assets/planner.js`` makes it the
planner, and prints the gesprekskaart the page holds (``.pig-card``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

from ..content.conversations import ConversationLibrary
from ..content.planner import Planner
from ..content.figures import FigureLibrary
from ..content.worksheets import WorksheetLibrary
from .conversations import EXPECTATION_LABELS, reading_link, render_comparison, sheet_link
from .figures import render_figure
from .notice import PRIVACY_NOTE
from .templating import render

Url = Callable[[str], str]

_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def plain(text: str) -> str:
    """The book's words without the data's link syntax (``[label](werkvorm:id)``)."""
    return _LINK.sub(r"\1", text)


def book_words(planner: Planner) -> dict[str, list[dict]]:
    """Per werkvorm without a questionnaire, what the book's example says
    for the step that uses it, per situation: its questions, or else its
    numbered and bulleted points, or else its text; with the step and the
    conversation it comes from. For the gesprekskaart, which prints the
    book's words there instead of empty lines."""
    words: dict[str, list[dict]] = {}
    for situation in planner.situations:
        conversation = situation.conversation
        for step in conversation.steps:
            lines = list(step.questions)
            if not lines:
                lines = [item for block in step.blocks for item in (block.numbered or ()) + (block.bullets or ())]
            if not lines:
                lines = [block.text for block in step.blocks if block.text]
            for werkvorm in step.werkvormen:
                words.setdefault(werkvorm, []).append({
                    "expectation": situation.expectation,
                    "lines": [plain(line) for line in lines],
                    "source": f"Deel 4, {conversation.title}, stap ‘{step.title}’",
                })
    return words


def step_order(planner: Planner) -> dict[str, str]:
    """Per situation, the werkvormen in the order of its example's steps."""
    order = {}
    for situation in planner.situations:
        ids = [w for step in situation.conversation.steps for w in step.werkvormen]
        order[situation.expectation] = " ".join(dict.fromkeys(ids))
    return order

def render_planner(
    planner: Planner,
    worksheets: WorksheetLibrary,
    conversations: ConversationLibrary,
    figures: FigureLibrary,
    url: Url,
    link_to: Url,
    mine_href: str,
) -> str:
    """The planner: its form (shown by the script), the book's questions and
    the comparison table (the page without the script), and the gesprekskaart
    (printed)."""
    questions = {
        w.id: [q for q in worksheets.get(w.worksheet).questions] if w.worksheet else []
        for w in planner.werkvormen
    }
    name = planner.data.stuck.figure
    model = Markup(render_figure(name, figures.get(name))) if name else ""
    follow_up = [(sheet, url(sheet.page), [q for q in sheet.questions if q.answer]) for sheet in planner.follow_up]
    top = render(
        "planner/planner.html",
        planner=planner,
        prep=planner.preparation,
        prep_href=url(planner.preparation.page),
        labels=EXPECTATION_LABELS,
        questions=questions,
        # The planner is no werkvorm's reading page: every werkvorm links to its own.
        href=lambda w: reading_link(w, url, here=""),
        sheet_href=lambda w: sheet_link(w, url),
        url=url,
        follow_up=follow_up,
        mine_href=mine_href,
        privacy=Markup(PRIVACY_NOTE),
        backup=Markup(render("answers/backup.html")),
        model=model,
    )
    table = render_comparison(conversations, link_to)
    card = render(
        "planner/card.html", planner=planner, prep=planner.preparation, questions=questions, follow_up=follow_up, model=model,
        book_words=book_words(planner), step_order=step_order(planner),
    )
    book = (
        '<div class="pig-planner__book" data-pig-planner-book markdown>\n\n'
        "## Welke werkvormen bij welke situatie\n\n"
        "In Deel 4 werkt het boek drie voorbeeldgesprekken uit, één voor elke situatie. "
        "Dit zijn de stappen en de werkvormen van elk voorbeeld.\n\n"
        + table
        + "\n\n</div>"
    )
    return top + "\n\n" + book + "\n\n" + card


def plan_names(planner: Planner) -> list[tuple[str, str]]:
    """What "Mijn antwoorden" shows for a plan's stored values: the labels
    of the choices and the titles of the werkvormen, by their stored value."""
    names = [(f"situatie:{s.expectation}", f"{EXPECTATION_LABELS[s.expectation]} (zoals {s.conversation.person.name})") for s in planner.situations]
    names.append(("situatie:anders", "anders"))
    names += [(f"richting:{d.direction.id}", d.direction.title) for d in planner.directions]
    names += [("richting:beide", "allebei"), ("vast:ja", "ja, zie Deel 5")]
    names += [(f"werkvorm:{w.id}", w.title) for w in planner.werkvormen]
    return names


def situation_filter(planner: Planner) -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
    """The worksheet overview's filter by situation, from the same data as
    the planner: each situation (value, label), and per worksheet the
    situations whose example conversation in Deel 4 uses it."""
    options = [(s.expectation, f"{EXPECTATION_LABELS[s.expectation]} (zoals {s.conversation.person.name})") for s in planner.situations]
    by_sheet: dict[str, list[str]] = {}
    for situation in planner.situations:
        for _, _, suggestions in situation.steps:
            for suggestion in suggestions:
                sheet_id = suggestion.werkvorm.worksheet
                if sheet_id and situation.expectation not in by_sheet.setdefault(sheet_id, []):
                    by_sheet[sheet_id].append(situation.expectation)
    return options, by_sheet
