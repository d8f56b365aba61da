"""Turn validated conversations into the Markdown their pages show.

Pure functions: a conversation, the werkvormen and a way to write a link in,
a string out. Links are written as Markdown so that MkDocs checks and
rewrites them; ``link_to`` turns a page of the site (``deel-2/feedback.md``)
into the relative link from the page being rendered.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

from ..content.conversations import WERKVORM_LINK, Block, Conversation, ConversationLibrary, Step, Werkvorm
from ..content.worksheets import WorksheetLibrary
from .markdown import md_text
from .templating import render
from .print_css import PREPARATION_SHEET
from .worksheets import render_questions, render_sheet, render_worksheet_link
from ..content.worksheets import question_section

EXPECTATION_LABELS: dict[str, str] = {
    "boven": "boven verwachting",
    "naar": "naar verwachting",
    "onder": "onder verwachting",
}

LinkTo = Callable[[str], str]

SHEETS_FOLDER = "werkbladen"


def reading_link(werkvorm: Werkvorm, link_to: LinkTo, here: str) -> str | None:
    """The link to where the book explains a werkvorm; None on that very page."""
    if werkvorm.page == here:
        return None
    return link_to(werkvorm.page) + (f"#{werkvorm.anchor}" if werkvorm.anchor else "")


def sheet_link(werkvorm: Werkvorm, link_to: LinkTo) -> str | None:
    """The link to a werkvorm's printable worksheet, if it has one."""
    return link_to(f"{SHEETS_FOLDER}/{werkvorm.worksheet}.md") if werkvorm.worksheet else None


def resolve(text: str, library: ConversationLibrary, link_to: LinkTo, here: str) -> str:
    """Inline Markdown with each ``[label](werkvorm:id)`` made a link to its page."""

    def replace(match) -> str:
        label, ref = match.group(1), match.group(2)
        href = reading_link(library.werkvormen[ref], link_to, here)
        return f"[{label}]({href})" if href else label

    return WERKVORM_LINK.sub(replace, text)


def render_person(conversation: Conversation, text: Callable[[str], str]) -> str:
    """The person card: who, where they stand, and the situation."""
    return "\n\n".join(
        [
            render(
                "conversations/person.html",
                conversation=conversation,
                expectation=EXPECTATION_LABELS[conversation.expectation],
            ),
            *(text(paragraph) for paragraph in conversation.situation),
            "</section>",
        ]
    )


def render_werkvormen(step: Step, library: ConversationLibrary, link_to: LinkTo, here: str) -> str:
    """The werkvormen a step uses, each with its explanation and its worksheet."""
    items = []
    for ref in step.werkvormen:
        werkvorm = library.werkvormen[ref]
        reading = reading_link(werkvorm, link_to, here)
        sheet = sheet_link(werkvorm, link_to)
        item = f"[{md_text(werkvorm.title)}]({reading})" if reading else md_text(werkvorm.title)
        if sheet:
            item += f" · [werkblad]({sheet}){{ .pig-werkvormen__sheet }}"
        items.append(f"- {item}")
    return "\n".join(
        [
            '<div class="pig-werkvormen pig-web" markdown>',
            '<p class="pig-werkvormen__title">Werkvormen in deze stap</p>',
            "",
            *items,
            "",
            "</div>",
        ]
    )


def render_block(
    block: Block,
    text: Callable[[str], str],
    worksheets: WorksheetLibrary,
    link_to: LinkTo,
) -> str:
    """One block of a step as Markdown (with HTML where Markdown has no word for it)."""
    if block.text is not None:
        return text(block.text)
    if block.bullets is not None:
        return "\n".join(f"- {text(item)}" for item in block.bullets)
    if block.numbered is not None:
        return "\n".join(f"{n}. {text(item)}" for n, item in enumerate(block.numbered, start=1))
    if block.questions is not None:
        items = "\n".join(f"- {text(item)}" for item in block.questions)
        return f'<div class="pig-conv-questions" markdown>\n\n{items}\n\n</div>'
    if block.say is not None:
        lead = f"{text(block.say.lead)}\n\n" if block.say.lead else ""
        # The book's example of what to say, set apart as a quotation:
        # no words of the site's own around it.
        return f'<div class="pig-say" markdown>\n\n{lead}> {text(block.say.text)}\n\n</div>'
    if block.note is not None:
        body = "\n\n".join(text(paragraph) for paragraph in block.note.text)
        return (
            '<div class="admonition note" markdown>\n'
            f'<p class="admonition-title">{Markup.escape(block.note.label)}</p>\n\n{body}\n\n</div>'
        )
    wanted = block.worksheet_questions
    assert wanted is not None
    sheet = worksheets.get(wanted.worksheet)
    return render_questions(sheet, wanted.section)


def render_step_links(step, worksheets: WorksheetLibrary, link_to: LinkTo) -> list[str]:
    """The buttons to the printable sheets a step's blocks ask questions
    from: after the step's text, never inside the book's sentences."""
    ids = dict.fromkeys(b.worksheet_questions.worksheet for b in step.blocks if b.worksheet_questions is not None)
    return [render_worksheet_link(worksheets.get(i), link_to(f"{SHEETS_FOLDER}/{i}.md")) for i in ids]


def render_actions(preparation, link_to: LinkTo) -> str:
    """Screen only: the print button, and what the printed guide holds."""
    href = link_to(f"{SHEETS_FOLDER}/{preparation.id}.md")
    return "\n".join(
        [
            '<div class="pig-conv-actions pig-ui" markdown>',
            '<p><button type="button" class="md-button md-button--primary pig-print-button pig-needs-js">'
            "Gespreksgids afdrukken</button></p>",
            "",
            f"Op papier krijg je deze gespreksgids, met daarachter het werkblad [{md_text(preparation.title)}]({href})"
            " om het gesprek voor te bereiden, en een observatieblad voor een rollenspel in een workshop"
            " (van de webeditie: de stappen en vragen van dit gesprek om aan te vinken).",
            "",
            "</div>",
        ]
    )


def step_anchor(number: int) -> str:
    return f"stap-{number}"


def render_conversation_page(
    conversation: Conversation,
    library: ConversationLibrary,
    worksheets: WorksheetLibrary,
    link_to: LinkTo,
) -> str:
    """The Markdown of a conversation's page: title, person card, the
    numbered steps, and (on paper only) the sheet to prepare the meeting."""
    here = conversation.page

    def text(value: str) -> str:
        return resolve(value, library, link_to, here)

    preparation = worksheets.get(PREPARATION_SHEET)
    parts = [
        f"# {md_text(conversation.title)}",
        render_person(conversation, text),
        render_actions(preparation, link_to),
    ]
    for number, step in enumerate(conversation.steps, start=1):
        parts.append(f"## {number}. {md_text(step.title)} {{ #{step_anchor(number)} .pig-step }}")
        if step.werkvormen:
            parts.append(render_werkvormen(step, library, link_to, here))
        parts.extend(render_block(block, text, worksheets, link_to) for block in step.blocks)
        parts.extend(render_step_links(step, worksheets, link_to))
    parts.append(
        render(
            "conversations/preparation.html",
            title=preparation.title,
            sheet=Markup(render_sheet(preparation, worksheets.figures, level=1)),
        )
    )
    parts.append(render_observer(conversation, worksheets))
    return "\n\n".join(parts)


def observed(step: Step, worksheets: WorksheetLibrary) -> list[tuple[str, str]]:
    """What an observer can tick off in one step: the book's questions of the
    step (also those of a worksheet it quotes) and what the book has the
    leader say, in the book's order and words; nothing else."""
    items: list[tuple[str, str]] = []
    for block in step.blocks:
        if block.say is not None:
            items.append(("say", block.say.text))
        for question in block.questions or ():
            items.append(("question", question))
        if block.worksheet_questions is not None:
            wanted = block.worksheet_questions
            section = question_section(worksheets.get(wanted.worksheet), wanted.section)
            items.extend(("question", q.text) for q in section.questions)
    # Inline Markdown (a link to a werkvorm) as its words: the sheet is plain text.
    return [(kind, re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)) for kind, text in items]


def render_observer(conversation: Conversation, worksheets: WorksheetLibrary) -> str:
    """The observer's sheet of a conversation for a role-play: each step with
    the book's questions to tick off and room for what was seen."""
    steps = [(number, step, observed(step, worksheets)) for number, step in enumerate(conversation.steps, start=1)]
    intro = (
        f"Voor een rollenspel van het gesprek met {conversation.person.name} (Deel 4): vink aan wat je ziet "
        "gebeuren en noteer wat je opvalt. De stappen, de vragen en wat de leidinggevende zegt komen uit het "
        "voorbeeldgesprek in het boek; dit observatieblad is van de webeditie."
    )
    return render("conversations/observer.html", conversation=conversation, steps=steps, intro=intro)


def render_comparison(library: ConversationLibrary, link_to: LinkTo) -> str:
    """A Markdown table of the conversations side by side: who, where they
    stand, the focus of each step, and the werkvormen they use."""
    conversations = list(library)

    def row(label: str, cells: list[str]) -> str:
        # Each cell names its person too, for a phone, where the table is
        # stacked one aspect at a time (the name is shown there only).
        named = [
            f'<span class="pig-compare__who">{md_text(c.person.name)}:</span> {cell}'
            for c, cell in zip(conversations, cells)
        ]
        return "| " + " | ".join([f"**{label}**", *named]) + " |"

    def who(c: Conversation) -> str:
        person = c.person
        return " · ".join(filter(None, [f"{person.age} jaar", person.role, person.organisation]))

    rows = [
        "| Voorbeeldgesprek | " + " | ".join(f"[{md_text(c.person.name)}]({link_to(c.page)})" for c in conversations) + " |",
        "| --- |" + " --- |" * len(conversations),
        row("Wie", [md_text(who(c)) for c in conversations]),
        row("Presteert", [EXPECTATION_LABELS[c.expectation] for c in conversations]),
    ]
    for number in range(1, max(len(c.steps) for c in conversations) + 1):
        cells = []
        for c in conversations:
            if number <= len(c.steps):
                cells.append(f"[{md_text(c.steps[number - 1].title)}]({link_to(c.page)}#{step_anchor(number)})")
            else:
                cells.append("—")
        rows.append(row(f"Stap {number}", cells))
    rows.append(
        row(
            "Werkvormen",
            [
                ", ".join(
                    f"[{md_text(w.title)}]({link_to(w.page)}{'#' + w.anchor if w.anchor else ''})"
                    for w in library.used(c)
                )
                for c in conversations
            ],
        )
    )
    return '<div class="pig-compare" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"

