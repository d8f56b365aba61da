"""The mindset self-test of Bijlage 1, in ``docs/data/mindset-test.yaml``.

Only what the book says goes in: its instruction, its ten statements (each a
scale from a fixed-mindset statement on the left to a growth-mindset one on
the right), the number of points on that scale, and its explanation of the
result. No thresholds or labels for scores: the book gives none. The
online result's words (``result``) are the web edition's own, apart from
its quotes of the book; they only say where an answer lies on the scale.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator

from .base import ContentError, Correct, Id, PagePath, Strict, Text, Title, display_path, read_yaml, validate


# The value of the area choice "in the reader's own words" (the form and
# docs/assets/mindset-test.js use it): no area of the data may take it.
OWN_WORDS = "eigen"


class Scale(Strict):
    """The points between the two statements, and what each end stands for."""

    points: int = Field(ge=2, le=9)
    left: Text
    right: Text


class Statement(Strict):
    """One item: the fixed-mindset statement (left) and the growth one (right)."""

    id: Id
    left: Text
    right: Text


# The blanks a result text may hold, filled in by docs/assets/mindset-test.js.
PLACEHOLDERS = ("{area}", "{average}", "{middle}")


def _known_blanks(text: str) -> str:
    rest = text
    for blank in PLACEHOLDERS:
        rest = rest.replace(blank, "")
    if "{" in rest or "}" in rest:
        raise ValueError("holds a blank other than " + ", ".join(PLACEHOLDERS))
    return text


class Picture(Strict):
    """The overall picture of an area, by where its average lies."""

    left: Text
    middle: Text
    right: Text


class Link(Strict):
    """A page of the book to read next."""

    page: PagePath
    text: Title


class Result(Strict):
    """The words around the online result (the web edition's own, but for
    the quotes of the book)."""

    intro: Text
    lean_fixed: Text
    lean_growth: Text
    lean_middle: Text
    picture: Picture
    starting_point: Text
    quotes: tuple[Text, ...] = Field(min_length=1)
    next_step: Text
    links: tuple[Link, ...] = Field(min_length=1)

    @field_validator("intro", "lean_fixed", "lean_growth", "lean_middle", "starting_point", "next_step")
    @classmethod
    def _blanks(cls, text: str) -> str:
        return _known_blanks(text)

    @field_validator("picture")
    @classmethod
    def _picture_blanks(cls, picture: Picture) -> Picture:
        for text in (picture.left, picture.middle, picture.right):
            _known_blanks(text)
        return picture


class MindsetTest(Strict):
    """The whole self-test as the book prints it."""

    title: Title
    instruction: tuple[Text, ...] = Field(min_length=1)
    areas: tuple[Id, ...] = Field(min_length=1)
    scale: Scale
    items: tuple[Statement, ...] = Field(min_length=1)
    explanation: tuple[Text, ...] = Field(min_length=1)
    result: Result

    @field_validator("areas")
    @classmethod
    def _own_words_reserved(cls, areas: tuple[str, ...]) -> tuple[str, ...]:
        if OWN_WORDS in areas:
            raise ValueError(f"'{OWN_WORDS}' is the reader's own words; name the area otherwise")
        return areas


def load_mindset_test(path: Path, root: Path | None = None, correct: Correct = None) -> MindsetTest:
    """Read and validate the test; every problem is one ContentError naming
    the file, the item and the field."""
    shown = display_path(path, root)
    test = validate(MindsetTest, read_yaml(path, shown, correct), shown, "mindset test")
    for kind, ids in (("item", [item.id for item in test.items]), ("area", list(test.areas))):
        seen: set[str] = set()
        for entry in ids:
            if entry in seen:
                field = "id" if kind == "item" else "areas"
                raise ContentError(shown, f"mindset test, {kind} '{entry}'", field, f"duplicate {kind} in this test")
            seen.add(entry)
    return test
