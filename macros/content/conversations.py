"""The shape of an example conversation (Deel 4) in ``docs/data/conversations/``.

One YAML file holds one conversation: the person, where they stand against
expectation, the situation, and the numbered steps. Prose fields are inline
Markdown; the only links they may hold point to a werkvorm by id,
``[droomvraag](werkvorm:droomvraag)``, which the build resolves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from .base import ContentError, Correct, Id, PagePath, Strict, Text, Title, display_path, prose_problem, read_yaml, validate
from .worksheets import UnknownWorksheetError, WorksheetLibrary, question_section

Expectation = Literal["boven", "naar", "onder"]

# [label](werkvorm:id): a link to a werkvorm, resolved at build time.
WERKVORM_LINK = re.compile(r"\[([^\]]+)\]\(werkvorm:([^)\s]*)\)")
ANY_LINK = re.compile(r"\]\(([^)]*)\)")

BLOCK_KINDS = ("text", "bullets", "numbered", "questions", "say", "note", "worksheet_questions")


class Person(Strict):
    """Who the conversation is with; only what the book says."""

    name: Title
    age: int = Field(ge=16, le=80)
    role: Title
    organisation: Title | None = None


class Say(Strict):
    """Example phrasing a leader could use, with the sentence that leads to it."""

    lead: Text | None = None
    text: Text


class Note(Strict):
    """A box beside the text, such as the book's "NB"."""

    label: Title
    text: tuple[Text, ...] = Field(min_length=1)


class WorksheetQuestions(Strict):
    """The questions of a worksheet, shown from the worksheet's own data."""

    worksheet: Id
    section: Id | None = None


class Block(Strict):
    """One piece of a step, exactly one of: a paragraph, a list, questions
    to ask, example phrasing, a note, or a worksheet's questions."""

    text: Text | None = None
    bullets: tuple[Text, ...] | None = Field(default=None, min_length=1)
    numbered: tuple[Text, ...] | None = Field(default=None, min_length=1)
    questions: tuple[Text, ...] | None = Field(default=None, min_length=1)
    say: Say | None = None
    note: Note | None = None
    worksheet_questions: WorksheetQuestions | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Block:
        given = [kind for kind in BLOCK_KINDS if getattr(self, kind) is not None]
        if len(given) != 1:
            found = ", ".join(given) or "none"
            raise ValueError(f"a block needs exactly one of {', '.join(BLOCK_KINDS)} (found: {found})")
        return self

    @property
    def kind(self) -> str:
        return next(kind for kind in BLOCK_KINDS if getattr(self, kind) is not None)

    def texts(self) -> Iterator[tuple[str, str]]:
        """(field, text) of every prose field of the block."""
        if self.text is not None:
            yield "text", self.text
        for kind in ("bullets", "numbered", "questions"):
            for number, item in enumerate(getattr(self, kind) or (), start=1):
                yield f"{kind}[{number}]", item
        if self.say is not None:
            if self.say.lead is not None:
                yield "say.lead", self.say.lead
            yield "say.text", self.say.text
        if self.note is not None:
            for number, paragraph in enumerate(self.note.text, start=1):
                yield f"note.text[{number}]", paragraph


class Step(Strict):
    """A numbered step of the conversation and the werkvormen it uses."""

    id: Id
    title: Title
    werkvormen: tuple[Id, ...] = ()
    blocks: tuple[Block, ...] = Field(min_length=1)

    @property
    def questions(self) -> tuple[str, ...]:
        """The questions to ask that the conversation itself holds."""
        return tuple(q for block in self.blocks for q in (block.questions or ()))


class Conversation(Strict):
    """One example conversation of Deel 4."""

    id: Id
    title: Title
    page: PagePath
    person: Person
    expectation: Expectation
    situation: tuple[Text, ...] = Field(min_length=1)
    steps: tuple[Step, ...] = Field(min_length=1)

    def texts(self) -> Iterator[tuple[str, str]]:
        """(field, text) of every prose field, for checking its links."""
        for number, paragraph in enumerate(self.situation, start=1):
            yield f"situation[{number}]", paragraph
        for step in self.steps:
            for number, block in enumerate(step.blocks, start=1):
                for field, text in block.texts():
                    yield f"steps['{step.id}'].blocks[{number}].{field}", text


class Technique(Strict):
    """A werkvorm or technique without a worksheet: where the book explains it."""

    id: Id
    title: Title
    page: PagePath
    anchor: Id | None = None


class TechniqueRegistry(Strict):
    """``docs/data/technieken.yaml``: the techniques conversations may name."""

    technieken: tuple[Technique, ...] = Field(min_length=1)


@dataclass(frozen=True)
class Werkvorm:
    """Where a werkvorm is explained, and its printable sheet if it has one."""

    id: str
    title: str
    page: str
    anchor: str | None = None
    worksheet: str | None = None


@dataclass(frozen=True)
class ConversationLibrary:
    """The conversations in book order, and every werkvorm they may name."""

    conversations: tuple[Conversation, ...]
    werkvormen: dict[str, Werkvorm]

    def __iter__(self) -> Iterator[Conversation]:
        return iter(self.conversations)

    def __len__(self) -> int:
        return len(self.conversations)

    def get(self, conversation_id: str) -> Conversation:
        for conversation in self.conversations:
            if conversation.id == conversation_id:
                return conversation
        known = ", ".join(c.id for c in self.conversations)
        raise UnknownWorksheetError(f"unknown conversation '{conversation_id}' (known: {known})")

    def used(self, conversation: Conversation) -> tuple[Werkvorm, ...]:
        """The werkvormen of a conversation, in the order of first use."""
        ids = dict.fromkeys(w for step in conversation.steps for w in step.werkvormen)
        return tuple(self.werkvormen[w] for w in ids)


def load_techniques(
    path: Path, *, worksheets: WorksheetLibrary, pages: set[str], root: Path | None, correct: Correct = None
) -> dict[str, Werkvorm]:
    """Every werkvorm a conversation may name: the worksheets, then the techniques."""
    werkvormen = {
        sheet.id: Werkvorm(sheet.id, sheet.title, sheet.page, None, sheet.id) for sheet in worksheets
    }
    shown = display_path(path, root)
    data = read_yaml(path, shown, correct)
    entries = data.get("technieken") if isinstance(data, dict) else None
    for entry in entries if isinstance(entries, list) else ():
        # Each entry on its own first, so that a mistake is named by its id.
        raw_id = entry.get("id") if isinstance(entry, dict) else None
        validate(Technique, entry, shown, f"technique '{raw_id}'" if isinstance(raw_id, str) else "technique")
    registry = validate(TechniqueRegistry, data, shown, "")
    for technique in registry.technieken:
        item = f"technique '{technique.id}'"
        if technique.id in werkvormen:
            why = "a worksheet" if werkvormen[technique.id].worksheet else "a technique"
            raise ContentError(shown, item, "id", f"duplicate id, already {why}")
        if technique.page not in pages:
            raise ContentError(shown, item, "page", f"'{technique.page}' is not a page of the site")
        werkvormen[technique.id] = Werkvorm(technique.id, technique.title, technique.page, technique.anchor)
    return werkvormen


def load_conversations(
    folder: Path,
    techniques: Path,
    *,
    worksheets: WorksheetLibrary,
    pages: Iterable[str],
    root: Path | None = None,
    correct: Correct = None,
) -> ConversationLibrary:
    """Read ``folder/*.yaml`` into a library, in the order of their pages."""
    order = {page: position for position, page in enumerate(pages)}
    werkvormen = load_techniques(techniques, worksheets=worksheets, pages=set(order), root=root, correct=correct)
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise ContentError(display_path(folder, root), "", "", "holds no conversation (*.yaml)")
    conversations: list[Conversation] = []
    origin: dict[str, str] = {}
    for path in files:
        shown = display_path(path, root)
        data = read_yaml(path, shown, correct)
        raw_id = data.get("id") if isinstance(data, dict) else None
        item = f"conversation '{raw_id}'" if isinstance(raw_id, str) else "conversation"
        conversation = validate(Conversation, data, shown, item)
        if conversation.id in origin:
            raise ContentError(shown, item, "id", f"duplicate id, also used in {origin[conversation.id]}")
        if conversation.page not in order:
            raise ContentError(shown, item, "page", f"'{conversation.page}' is not a page of the site")
        check_references(conversation, werkvormen, worksheets, shown, item)
        origin[conversation.id] = shown
        conversations.append(conversation)
    conversations.sort(key=lambda c: order[c.page])
    return ConversationLibrary(tuple(conversations), werkvormen)


def check_references(
    conversation: Conversation,
    werkvormen: dict[str, Werkvorm],
    worksheets: WorksheetLibrary,
    shown: str,
    item: str,
) -> None:
    """Every werkvorm id, every link in the text and every worksheet asked for exists."""

    def unknown(ref: str) -> str:
        return f"unknown werkvorm '{ref}' (known: {', '.join(sorted(werkvormen))})"

    seen: set[str] = set()
    for step in conversation.steps:
        where = f"{item}, step '{step.id}'"
        if step.id in seen:
            raise ContentError(shown, where, "id", "duplicate id in this conversation")
        seen.add(step.id)
        for number, ref in enumerate(step.werkvormen, start=1):
            if ref not in werkvormen:
                raise ContentError(shown, where, f"steps['{step.id}'].werkvormen[{number}]", unknown(ref))
        for number, block in enumerate(step.blocks, start=1):
            wanted = block.worksheet_questions
            if wanted is None:
                continue
            field = f"steps['{step.id}'].blocks[{number}].worksheet_questions"
            if wanted.worksheet not in werkvormen or werkvormen[wanted.worksheet].worksheet is None:
                raise ContentError(shown, where, f"{field}.worksheet", f"unknown worksheet '{wanted.worksheet}'")
            try:
                question_section(worksheets.get(wanted.worksheet), wanted.section)
            except UnknownWorksheetError as error:
                raise ContentError(shown, where, f"{field}.section", str(error)) from None
            if wanted.worksheet not in step.werkvormen:
                raise ContentError(shown, where, f"steps['{step.id}'].werkvormen", f"'{wanted.worksheet}' is shown in the step but not listed")
    listed = {step.id: set(step.werkvormen) for step in conversation.steps}
    for field, text in conversation.texts():
        step_id = field.split("'")[1] if field.startswith("steps[") else None
        where = f"{item}, step '{step_id}'" if step_id else item
        problem = prose_problem(text)
        if problem:
            raise ContentError(shown, where, field, problem)
        for target in ANY_LINK.findall(text):
            if not target.startswith("werkvorm:"):
                raise ContentError(shown, where, field, f"link '{target}' must name a werkvorm: [text](werkvorm:id)")
        for _, ref in WERKVORM_LINK.findall(text):
            if ref not in werkvormen:
                raise ContentError(shown, where, field, unknown(ref))
            if step_id and ref not in listed[step_id]:
                raise ContentError(shown, where, f"steps['{step_id}'].werkvormen", f"'{ref}' is named in the text but not listed")
