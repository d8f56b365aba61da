"""The conversation planner's data (``docs/data/planner.yaml``) and the
suggestions it makes, derived from the example conversations.

The planner suggests nothing of its own: per situation (boven, naar, onder
verwachting) the werkvormen of the book's example conversation for it, per
direction (terugkijken, vooruitkijken) the werkvormen of that part of the
book, for a stuck conversation the pages of Deel 5, and after the
conversation the progressiecirkel and the last reflection. The data file
says where in the book each of those is said (``where``, ``source``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field

from .base import ContentError, Correct, Id, PagePath, Strict, Text, Title, display_path, read_yaml, validate
from .conversations import Conversation, ConversationLibrary, Werkvorm
from .figures import FigureLibrary
from .worksheets import Worksheet, WorksheetLibrary

PLANNER_DATA = "data/planner.yaml"


class SheetSource(Strict):
    """A worksheet the planner uses, and where the book says so."""

    worksheet: Id
    where: Title
    source: Text


class Said(Strict):
    where: Title
    source: Text


class Direction(Strict):
    """Looking back (Deel 2) or ahead (Deel 3): the werkvormen of that part."""

    id: Literal["terugkijken", "vooruitkijken"]
    title: Title
    part: Literal["deel-2", "deel-3"]
    page: PagePath
    where: Title
    source: Text


class PageLink(Strict):
    page: PagePath
    title: Title


class Stuck(Strict):
    """The pages of Deel 5, for a conversation that gets stuck."""

    pages: tuple[PageLink, ...] = Field(min_length=1)
    figure: Id | None = None  # the model, drawn on the planner and on the gesprekskaart
    where: Title
    source: Text


class PlannerData(Strict):
    preparation: SheetSource
    situations: Said
    directions: tuple[Direction, ...] = Field(min_length=2, max_length=2)
    stuck: Stuck
    follow_up: tuple[SheetSource, ...] = Field(min_length=1)


@dataclass(frozen=True)
class Suggestion:
    """One werkvorm suggested, and the place in the book it comes from."""

    werkvorm: Werkvorm
    source: str  # where in the book: "Deel 4, Hans, stap 2: Onderzoeken"


@dataclass(frozen=True)
class Situation:
    """One of the book's three situations and its example conversation."""

    expectation: str
    conversation: Conversation
    steps: tuple[tuple[int, str, tuple[Suggestion, ...]], ...]  # number, title, werkvormen


@dataclass(frozen=True)
class DirectionSuggestions:
    direction: Direction
    suggestions: tuple[Suggestion, ...]


@dataclass(frozen=True)
class Planner:
    data: PlannerData
    preparation: Worksheet
    situations: tuple[Situation, ...]
    directions: tuple[DirectionSuggestions, ...]
    follow_up: tuple[Worksheet, ...]
    werkvormen: tuple[Werkvorm, ...]  # every werkvorm the planner may suggest, in order of first suggestion


def load_planner(
    path: Path,
    *,
    worksheets: WorksheetLibrary,
    conversations: ConversationLibrary,
    pages: list[str],
    figures: FigureLibrary,
    root: Path | None = None,
    correct: Correct = None,
) -> Planner:
    """Read and check ``planner.yaml``; derive the suggestions from the
    conversations and worksheets. Problems name file, item and field."""
    shown = display_path(path, root)
    data = validate(PlannerData, read_yaml(path, shown, correct), shown, "planner")

    def sheet(ref: SheetSource, item: str) -> Worksheet:
        try:
            return worksheets.get(ref.worksheet)
        except LookupError:
            raise ContentError(shown, item, "worksheet", f"unknown worksheet '{ref.worksheet}'") from None

    def page(value: str, item: str, field: str) -> None:
        if value not in pages:
            raise ContentError(shown, item, field, f"'{value}' is not a page of the site")

    preparation = sheet(data.preparation, "preparation")
    follow_up = tuple(sheet(ref, f"follow_up['{ref.worksheet}']") for ref in data.follow_up)
    for direction in data.directions:
        page(direction.page, f"directions['{direction.id}']", "page")
    if len({d.id for d in data.directions}) != 2:
        raise ContentError(shown, "directions", "id", "needs terugkijken and vooruitkijken, once each")
    for number, link in enumerate(data.stuck.pages, start=1):
        page(link.page, "stuck", f"pages[{number}].page")
    if data.stuck.figure is not None and data.stuck.figure not in figures.figures:
        raise ContentError(shown, "stuck", "figure", f"unknown figure '{data.stuck.figure}' (known: {', '.join(figures.names())})")

    seen: dict[str, Werkvorm] = {}
    situations = []
    for conversation in conversations:
        steps = []
        for number, step in enumerate(conversation.steps, start=1):
            found = []
            for ref in step.werkvormen:
                werkvorm = conversations.werkvormen[ref]
                seen.setdefault(werkvorm.id, werkvorm)
                found.append(Suggestion(werkvorm, f"Deel 4, {conversation.person.name}, stap {number}: {step.title}"))
            steps.append((number, step.title, tuple(found)))
        situations.append(Situation(conversation.expectation, conversation, tuple(steps)))
    expectations = [s.expectation for s in situations]
    if sorted(expectations) != sorted(set(expectations)):
        raise ContentError(shown, "situations", "expectation", "two example conversations share one situation")

    directions = []
    by_worksheet = {w.worksheet: w for w in conversations.werkvormen.values() if w.worksheet}
    for direction in data.directions:
        found = []
        for ws in worksheets:
            if ws.part == direction.part and ws.kind == "werkvorm" and ws.id in by_worksheet:
                werkvorm = by_worksheet[ws.id]
                seen.setdefault(werkvorm.id, werkvorm)
                found.append(Suggestion(werkvorm, f"{direction.where}: {ws.title}"))
        if not found:
            raise ContentError(shown, f"directions['{direction.id}']", "part", f"no werkvorm of {direction.part} in the worksheets")
        directions.append(DirectionSuggestions(direction, tuple(found)))
    return Planner(data, preparation, tuple(situations), tuple(directions), follow_up, tuple(seen.values()))
