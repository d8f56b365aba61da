"""The web edition's corrections of the book's own slips.

``docs/data/corrections.yaml`` is both the record and the means: each
correction names the source file under ``docs/`` that holds the book's
printed text, and the build replaces it there with the corrected text. The
Verantwoording page shows the same list, so record and text cannot drift: a
correction whose printed text is not in its file stops the build.

Slips the editor found but kept (the intended words are unclear) are listed
too, under ``kept``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints

from .base import ContentError, Id, Strict, Text, Title, display_path, read_yaml, validate

SourcePath = Annotated[str, StringConstraints(pattern=r"^[a-z0-9/-]+\.(md|yaml)$")]
Phrase = Annotated[str, StringConstraints(min_length=2, max_length=300)]


def plain_words(text: str) -> str:
    """A correction is put into a page's Markdown or a data file as it
    stands: it may not bring markup of its own (a tag, a link, an
    attribute list, code)."""
    found = sorted(set(text) & set("<>[]{}`"))
    if found:
        raise ValueError(f"may not hold {' '.join(repr(ch) for ch in found)} (a correction is plain words)")
    return text


Corrected = Annotated[Phrase, AfterValidator(plain_words)]


class Correction(Strict):
    """One slip of the printed book and how the web edition writes it."""

    id: Id
    file: SourcePath
    printed: Phrase
    corrected: Corrected
    # Where the book has it: its chapter, and the line of the text version
    # (../shared/workbook/positief-in-gesprek.txt), which the tests check.
    chapter: Title
    line: int = Field(ge=1)
    kind: Title


class KeptSlip(Strict):
    """A slip the editor found, kept as printed."""

    id: Id
    printed: Phrase
    chapter: Title
    line: int = Field(ge=1)
    reason: Text


class CorrectionsFile(Strict):
    corrections: tuple[Correction, ...] = Field(min_length=1)
    kept: tuple[KeptSlip, ...] = ()


@dataclass
class Corrections:
    """The corrections, ready to apply to data files and pages."""

    corrections: tuple[Correction, ...]
    kept: tuple[KeptSlip, ...] = ()
    shown: str = "docs/data/corrections.yaml"
    docs: Path | None = None
    applied: dict[str, int] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Correction]:
        return iter(self.corrections)

    def for_file(self, source: str) -> list[Correction]:
        return [correction for correction in self.corrections if correction.file == source]

    def apply_text(self, source: str, text: str) -> str:
        """``text`` of ``source`` (a path under docs/) with its corrections applied."""
        return self._apply(self.for_file(source), text)

    def _apply(self, corrections: list[Correction], text: str) -> str:
        for correction in corrections:
            count = text.count(correction.printed)
            if count:
                self.applied[correction.id] = self.applied.get(correction.id, 0) + count
                text = text.replace(correction.printed, correction.corrected)
        return text

    def apply_data(self, source: str, data: Any) -> Any:
        """Parsed YAML of ``source`` with the corrections applied to every string."""
        corrections = self.for_file(source)
        if not corrections:
            return data

        def walk(node: Any) -> Any:
            if isinstance(node, str):
                return self._apply(corrections, node)
            if isinstance(node, list):
                return [walk(item) for item in node]
            if isinstance(node, dict):
                return {key: walk(value) for key, value in node.items()}
            return node

        return walk(data)

    def apply_file(self, path: Path, data: Any) -> Any:
        """Parsed YAML of the data file at ``path`` (under docs/), corrected."""
        if self.docs is None:
            return data
        try:
            source = path.resolve().relative_to(self.docs.resolve()).as_posix()
        except ValueError:
            return data
        return self.apply_data(source, data)

    def check_applied(self, suffix: str) -> None:
        """Every correction of a file ending in ``suffix`` was applied at least once."""
        for correction in self.corrections:
            if correction.file.endswith(suffix) and not self.applied.get(correction.id):
                raise ContentError(
                    self.shown,
                    f"'{correction.id}'",
                    "printed",
                    f"'{correction.printed}' is not in {correction.file}: fix the correction or the text",
                )


def load_corrections(path: Path, docs: Path, root: Path | None = None) -> Corrections:
    """Read the corrections; each one's file must exist and hold the printed text."""
    shown = display_path(path, root)
    data = validate(CorrectionsFile, read_yaml(path, shown), shown, "corrections")
    seen: set[str] = set()
    for correction in data.corrections:
        item = f"'{correction.id}'"
        if correction.id in seen:
            raise ContentError(shown, item, "id", "is given twice")
        seen.add(correction.id)
        source = docs / correction.file
        if not source.is_file():
            raise ContentError(shown, item, "file", f"'{correction.file}' is not a file under docs/")
        if correction.printed == correction.corrected:
            raise ContentError(shown, item, "corrected", "is the same as 'printed'")
        if correction.file.endswith(".md") and correction.printed not in source.read_text(encoding="utf-8"):
            raise ContentError(
                shown, item, "printed", f"'{correction.printed}' is not in {correction.file}: fix the correction or the text"
            )
    return Corrections(data.corrections, data.kept, shown, docs)
