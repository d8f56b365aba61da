"""The shape of an example conversation (Deel 4) in ``docs/data/conversations/``.

One YAML file holds one conversation: the person, where they stand against
expectation, the situation, and the numbered steps. Prose fields are inline
Markdown; the only links they may hold point to a werkvorm by id,
``[droomvraag](werkvorm:droomvraag)``, which the build resolves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .worksheet_models import Id, Strict, Text

Expectation = Literal["boven", "naar", "onder"]
EXPECTATION_LABELS: dict[str, str] = {
    "boven": "boven verwachting",
    "naar": "naar verwachting",
    "onder": "onder verwachting",
}
PagePath = Annotated[str, StringConstraints(pattern=r"^[a-z0-9/-]+\.md$")]

# [label](werkvorm:id): a link to a werkvorm, resolved at build time.
WERKVORM_LINK = re.compile(r"\[([^\]]+)\]\(werkvorm:([^)\s]*)\)")
ANY_LINK = re.compile(r"\]\(([^)]*)\)")

BLOCK_KINDS = ("text", "bullets", "numbered", "questions", "say", "note", "worksheet_questions")


class Person(Strict):
    """Who the conversation is with; only what the book says."""

    name: Text
    age: int = Field(ge=16, le=80)
    role: Text
    organisation: Text | None = None


class Say(Strict):
    """Example phrasing a leader could use, with the sentence that leads to it."""

    lead: Text | None = None
    text: Text


class Note(Strict):
    """A box beside the text, such as the book's "NB"."""

    label: Text
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
    title: Text
    werkvormen: tuple[Id, ...] = ()
    blocks: tuple[Block, ...] = Field(min_length=1)

    @property
    def questions(self) -> tuple[str, ...]:
        """The questions to ask that the conversation itself holds."""
        return tuple(q for block in self.blocks for q in (block.questions or ()))


class Conversation(Strict):
    """One example conversation of Deel 4."""

    id: Id
    title: Text
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
    title: Text
    page: PagePath
    anchor: Id | None = None


class TechniqueRegistry(Strict):
    """``docs/data/technieken.yaml``: the techniques conversations may name."""

    technieken: tuple[Technique, ...] = Field(min_length=1)
