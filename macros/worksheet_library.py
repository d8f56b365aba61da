"""Load every worksheet once per build, check the references, keep book order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .datafiles import ContentError, display_path, read_yaml, validate
from .worksheet_models import Worksheet


class UnknownWorksheetError(LookupError):
    """A page asks for a worksheet or section that the data does not hold."""


@dataclass(frozen=True)
class WorksheetLibrary:
    """All worksheets, in the order of the book (the order of their pages)."""

    worksheets: tuple[Worksheet, ...]

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

    def for_page(self, page: str) -> tuple[Worksheet, ...]:
        return tuple(sheet for sheet in self.worksheets if sheet.page == page)


def load_worksheets(
    folder: Path,
    *,
    pages: Iterable[str],
    figures: Iterable[str],
    root: Path | None = None,
) -> WorksheetLibrary:
    """Read ``folder/*.yaml`` into a library.

    ``pages`` are the site's Markdown pages in book order (a worksheet's page
    must be one of them) and ``figures`` the names the figure renderer knows.
    """
    order = {page: position for position, page in enumerate(pages)}
    known_figures = set(figures)
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise ContentError(display_path(folder, root), "", "", "holds no worksheet (*.yaml)")
    sheets: list[Worksheet] = []
    origin: dict[str, str] = {}
    for path in files:
        shown = display_path(path, root)
        data = read_yaml(path, shown)
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
    return WorksheetLibrary(tuple(sheets))


def duplicate_ids(sheet: Worksheet, shown: str, item: str) -> None:
    """Section ids, and question ids across the sheet, must be unique:
    answers and links are keyed by them."""
    for kind, ids in (
        ("section", [section.id for section in sheet.sections]),
        ("question", [question.id for question in sheet.questions]),
    ):
        seen: set[str] = set()
        for entry in ids:
            if entry in seen:
                raise ContentError(shown, f"{item}, {kind} '{entry}'", "id", "duplicate id in this worksheet")
            seen.add(entry)


def nav_pages(nav: object) -> list[str]:
    """The Markdown files of an ``mkdocs.yml`` nav, depth first, in order."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            if node.endswith(".md"):
                found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(nav)
    return found
