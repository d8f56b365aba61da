"""The shape of a worksheet (werkblad) in ``docs/data/worksheets/``.

One YAML file holds one worksheet. Only what the book says goes in: for whom
and what is needed are left empty where the book does not say.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

Kind = Literal["reflectie", "werkblad", "werkvorm"]
Part = Literal["deel-1", "deel-2", "deel-3", "deel-4", "deel-5", "bijlagen"]
Audience = Literal["alleen", "in-tweetallen", "in-een-groep"]
Material = Literal["kaartjes", "flipover", "a4-vel"]
Numbering = Literal["bullets", "numbers", "letters"]

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


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt key must not vanish silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Question(Strict):
    """One question or step; ``lines`` is the room to write on paper.

    ``answer`` is false for a step that is an instruction, not a question
    (no answer field online).
    """

    id: Id
    text: Text
    lines: int = Field(default=3, ge=0, le=40)
    items: tuple[Text, ...] = ()
    answer: bool = True


class Section(Strict):
    """A part of a worksheet: a heading, instructions, questions, a figure."""

    id: Id
    title: Text | None = None
    label: Annotated[str, StringConstraints(pattern=r"^[a-z]$")] | None = None
    intro: tuple[Text, ...] = ()
    numbering: Numbering = "bullets"
    questions: tuple[Question, ...] = ()
    after: tuple[Text, ...] = ()
    figure: Id | None = None
    new_page: bool = False
    copies: int = Field(default=1, ge=1, le=10)

    @model_validator(mode="after")
    def _not_empty(self) -> Section:
        if not (self.intro or self.questions or self.after or self.figure):
            raise ValueError("a section needs an intro, questions, text after them or a figure")
        return self


class Worksheet(Strict):
    """A printable worksheet, tied to the reading page it belongs to."""

    id: Id
    title: Text
    kind: Kind
    part: Part | None
    page: Annotated[str, StringConstraints(pattern=r"^[a-z0-9/-]+\.md$")]
    for_whom: tuple[Audience, ...] = ()
    needs: tuple[Material, ...] = ()
    pages: int = Field(ge=1, le=12)
    intro: tuple[Text, ...] = ()
    sections: tuple[Section, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _has_questions(self) -> Worksheet:
        if not any(section.questions for section in self.sections):
            raise ValueError("a worksheet needs at least one question")
        return self

    def section(self, section_id: str) -> Section:
        """The section with this id; KeyError names the known ones."""
        for section in self.sections:
            if section.id == section_id:
                return section
        known = ", ".join(s.id for s in self.sections)
        raise KeyError(f"worksheet '{self.id}' has no section '{section_id}' (known: {known})")

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for section in self.sections for q in section.questions)
