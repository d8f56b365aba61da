"""The shape of a worksheet (werkblad) in ``docs/data/worksheets/``.

One YAML file holds one worksheet. Only what the book says goes in: who
takes part and what is needed are left empty where the book does not say
(the site shows "niet aangegeven"), and each value names the words of the
book it is taken from (``source``), so an editor and the tests can check it.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from .figures import FigureLibrary
from .base import ContentError, Correct, Id, PagePath, Strict, Text, Title, display_path, read_yaml, validate


Kind = Literal["reflectie", "werkblad", "werkvorm"]
Part = Literal["deel-1", "deel-2", "deel-3", "deel-4", "deel-5", "bijlagen"]
# Who takes part: the leader on their own, the employee (on their own, or
# as the one who gathers feedback), leader and employee together, colleagues
# among themselves or a team or group.
Audience = Literal["leidinggevende", "medewerker", "samen", "collegas"]
Material = Literal["kaartjes", "flipover", "a4-vel"]
Numbering = Literal["bullets", "numbers", "letters"]



def several_words(text: str) -> str:
    """A source is a passage of the book, not a word: at least three words."""
    if len(re.findall(r"\w+", text)) < 3:
        raise ValueError("must quote at least three words of the book")
    return text


# Words of the book, as they stand there (line breaks and hyphenation aside).
Source = Annotated[Text, AfterValidator(several_words)]
OneLine = Annotated[Text, StringConstraints(max_length=300), AfterValidator(several_words)]


class Participant(Strict):
    """Who takes part, and the book's words that say so."""

    who: Audience
    source: Source


class Need(Strict):
    """What is needed, and the book's words that say so."""

    what: Material
    source: Source


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
    # The question's text is the web edition's own, not the book's.
    web: bool = False


class Section(Strict):
    """A part of a worksheet: a heading, instructions, questions, a figure."""

    id: Id
    title: Title | None = None
    label: Annotated[str, StringConstraints(pattern=r"^[a-z]$")] | None = None
    intro: tuple[Text, ...] = ()
    numbering: Numbering = "bullets"
    questions: tuple[Question, ...] = ()
    after: tuple[Text, ...] = ()
    figure: Id | None = None
    new_page: bool = False
    # On paper, the questions side by side in this many columns.
    columns: int = Field(default=1, ge=1, le=3)
    copies: int = Field(default=1, ge=1, le=10)
    # The copies are strips on the same page, each folded away once written
    # (a sheet passed round a group), with a fold line between them; without
    # it each copy starts a new page.
    fold: bool = False
    # Blanks to fill in at the top of the section, of each copy ("Over",
    # "Ingevuld door"): the web edition's words, printed as "Over: ____".
    fields: tuple[Title, ...] = Field(default=(), max_length=4)
    # False: the book's passage as a reading page shows it (the questions
    # macro, a conversation guide), not drawn on the sheet; the sheet has its
    # own words for it in another section. Its questions take no answer.
    on_sheet: bool = True
    # Which of its texts are the web edition's own, not the book's: they are
    # marked as such on the page (see the Verantwoording page).
    web: tuple[Literal["title", "intro", "after"], ...] = ()

    @model_validator(mode="after")
    def _not_empty(self) -> Section:
        if not (self.intro or self.questions or self.after or self.figure):
            raise ValueError("a section needs an intro, questions, text after them or a figure")
        return self

    @model_validator(mode="after")
    def _strips_are_copies(self) -> Section:
        if self.fold and self.copies < 2:
            raise ValueError("fold is for a section printed in several copies (copies: 2 or more)")
        return self

    @model_validator(mode="after")
    def _off_the_sheet_takes_no_answer(self) -> Section:
        if not self.on_sheet:
            answered = [q.id for q in self.questions if q.answer]
            if answered:
                raise ValueError(
                    f"a section not on the sheet (on_sheet: false) has no answer fields: "
                    f"set answer: false on {', '.join(answered)}"
                )
        return self


class Worksheet(Strict):
    """A printable worksheet, tied to the reading page it belongs to."""

    id: Id
    title: Title
    kind: Kind
    part: Part | None
    page: PagePath
    place: Title | None = None
    purpose: OneLine
    for_whom: tuple[Participant, ...] = ()
    needs: tuple[Need, ...] = ()
    pages: int = Field(ge=1, le=12)
    intro: tuple[Text, ...] = ()
    sections: tuple[Section, ...] = Field(min_length=1)
    web: tuple[Literal["title", "intro"], ...] = ()

    @model_validator(mode="after")
    def _has_questions(self) -> Worksheet:
        if not any(section.questions for section in self.sections if section.on_sheet):
            raise ValueError("a worksheet needs at least one question on the sheet")
        return self

    @model_validator(mode="after")
    def _placed(self) -> Worksheet:
        # A sheet outside the parts says where the book puts it; a reflection
        # is placed by its kind.
        if self.part is not None and self.place is not None:
            raise ValueError("place is only for a worksheet outside the parts (part: null)")
        if self.part is None and self.kind != "reflectie" and self.place is None:
            raise ValueError("a worksheet outside the parts (part: null) needs a place, e.g. 'Na Deel 5'")
        return self

    @model_validator(mode="after")
    def _each_value_once(self) -> Worksheet:
        for field, values in (("for_whom", [p.who for p in self.for_whom]), ("needs", [n.what for n in self.needs])):
            twice = sorted({value for value in values if values.count(value) > 1})
            if twice:
                raise ValueError(f"{field} names {', '.join(twice)} more than once")
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
        """The questions on the sheet, in order."""
        return tuple(q for section in self.sections if section.on_sheet for q in section.questions)

    @property
    def all_questions(self) -> tuple[Question, ...]:
        """Every question, also those of the book's passages not on the sheet."""
        return tuple(q for section in self.sections for q in section.questions)


class UnknownWorksheetError(LookupError):
    """A page asks for a worksheet or section that the data does not hold."""


@dataclass(frozen=True)
class WorksheetLibrary:
    """All worksheets, in the order of the book (the order of their pages)."""

    worksheets: tuple[Worksheet, ...]
    figures: FigureLibrary

    def __iter__(self) -> Iterator[Worksheet]:
        return iter(self.worksheets)

    def __len__(self) -> int:
        return len(self.worksheets)

    def get(self, worksheet_id: str) -> Worksheet:
        for sheet in self.worksheets:
            if sheet.id == worksheet_id:
                return sheet
        known = ", ".join(sheet.id for sheet in self.worksheets)
        raise UnknownWorksheetError(f"unknown worksheet '{worksheet_id}' (known: {known})")



def load_worksheets(
    folder: Path,
    *,
    pages: Iterable[str],
    figures: FigureLibrary,
    root: Path | None = None,
    correct: Correct = None,
) -> WorksheetLibrary:
    """Read ``folder/*.yaml`` into a library.

    ``pages`` are the site's Markdown pages in book order (a worksheet's page
    must be one of them) and ``figures`` the figures a section may show.
    """
    order = {page: position for position, page in enumerate(pages)}
    known_figures = set(figures.names())
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise ContentError(display_path(folder, root), "", "", "holds no worksheet (*.yaml)")
    sheets: list[Worksheet] = []
    origin: dict[str, str] = {}
    for path in files:
        shown = display_path(path, root)
        data = read_yaml(path, shown, correct)
        raw_id = data.get("id") if isinstance(data, dict) else None
        item = f"worksheet '{raw_id}'" if isinstance(raw_id, str) else "worksheet"
        sheet = validate(Worksheet, data, shown, item)
        if sheet.id in origin:
            raise ContentError(shown, item, "id", f"duplicate id, also used in {origin[sheet.id]}")
        duplicate_ids(sheet, shown, item)
        if sheet.page not in order:
            raise ContentError(shown, item, "page", f"'{sheet.page}' is not a page of the site")
        for section in sheet.sections:
            if section.figure is not None and section.figure not in known_figures:
                raise ContentError(
                    shown,
                    f"{item}, section '{section.id}'",
                    "figure",
                    f"unknown figure '{section.figure}' (known: {', '.join(sorted(known_figures))})",
                )
        origin[sheet.id] = shown
        sheets.append(sheet)
    sheets.sort(key=lambda sheet: order[sheet.page])
    return WorksheetLibrary(tuple(sheets), figures)


def duplicate_ids(sheet: Worksheet, shown: str, item: str) -> None:
    """Section ids, and question ids across the sheet, must be unique:
    answers and links are keyed by them."""
    for kind, ids in (
        ("section", [section.id for section in sheet.sections]),
        ("question", [question.id for question in sheet.all_questions]),
    ):
        seen: set[str] = set()
        for entry in ids:
            if entry in seen:
                raise ContentError(shown, f"{item}, {kind} '{entry}'", "id", "duplicate id in this worksheet")
            seen.add(entry)



def question_section(sheet: Worksheet, section_id: str | None) -> Section:
    """The section a reading page asks for; without an id, the only one with questions."""
    if section_id is not None:
        try:
            return sheet.section(section_id)
        except KeyError as error:
            raise UnknownWorksheetError(error.args[0]) from None
    with_questions = [section for section in sheet.sections if section.questions]
    if len(with_questions) != 1:
        names = ", ".join(section.id for section in with_questions)
        raise UnknownWorksheetError(
            f"worksheet '{sheet.id}' has several question sections ({names}); name one"
        )
    return with_questions[0]
