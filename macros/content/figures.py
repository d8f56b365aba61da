"""The words of the book's figures, in ``docs/data/figures.yaml``.

One model per figure: each drawing has its own shape (nodes on a circle,
levels, rows of a matrix). The numbers that place words in a drawing are
validated too, so a typo cannot move a label off the figure.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from .base import ContentError, Strict, Text, Title, display_path, read_yaml, validate


class UnknownFigureError(LookupError):
    """A page asks for a figure that the data does not hold."""


class Figure(Strict):
    """What every figure has: a visible caption."""

    caption: Text


class Described(Figure):
    """A drawing: it needs a text alternative for screen readers."""

    alt: Text


class Node(Strict):
    x: int = Field(ge=0, le=640)
    y: int = Field(ge=0, le=420)
    label: Title


class BroadenBuild(Described):
    nodes: tuple[Node, ...] = Field(min_length=3, max_length=8)


class Level(Strict):
    y: int = Field(ge=0, le=400)
    width: int = Field(ge=40, le=640)
    label: Title
    detail: Text


class Spanning(Described):
    levels: tuple[Level, ...] = Field(min_length=2, max_length=5)


class Historielijn(Described):
    """The book's axes have no words but + and − (drawn by the template)."""


class Ring(Strict):
    label: Title
    detail: Text


class Progressiecirkel(Described):
    inner: Ring
    outer: Ring


class BalansMatrix(Described):
    rows: tuple[Text, ...] = Field(min_length=1, max_length=6)
    x_axis: Text


class Schaal(Described):
    low: int = Field(ge=0, le=10)
    high: int = Field(ge=1, le=20)
    high_label: Title


class ModelRow(Strict):
    label: Title
    detail: Text
    cells: tuple[Text, ...]


class Gespreksmodel(Figure):
    """A table, not a drawing: its text is read as it stands."""

    corner: Text
    columns: tuple[Text, ...] = Field(min_length=1, max_length=4)
    rows: tuple[ModelRow, ...] = Field(min_length=1, max_length=4)


# Every figure the templates can draw, with the shape of its words.
MODELS: dict[str, type[Figure]] = {
    "broaden-build": BroadenBuild,
    "spanning": Spanning,
    "historielijn": Historielijn,
    "progressiecirkel": Progressiecirkel,
    "balans-matrix": BalansMatrix,
    "schaal": Schaal,
    "gespreksmodel": Gespreksmodel,
}


@dataclass(frozen=True)
class FigureLibrary:
    """The figures by name."""

    figures: dict[str, Figure]

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.figures))

    def names(self) -> list[str]:
        return sorted(self.figures)

    def get(self, name: str) -> Figure:
        try:
            return self.figures[name]
        except KeyError:
            raise UnknownFigureError(f"unknown figure {name!r}; known figures: {', '.join(self.names())}") from None


def load_figures(path: Path, root: Path | None = None) -> FigureLibrary:
    """Read and validate every figure's words; every figure must be there."""
    shown = display_path(path, root)
    data = read_yaml(path, shown)
    if not isinstance(data, dict):
        raise ContentError(shown, "", "", "must be a mapping of figure names to their words")
    figures: dict[str, Figure] = {}
    for name, words in data.items():
        model = MODELS.get(name)
        if model is None:
            raise ContentError(shown, f"figure '{name}'", "", f"is not a figure the site draws (known: {', '.join(sorted(MODELS))})")
        figures[name] = validate(model, words, shown, f"figure '{name}'")
    missing = sorted(set(MODELS) - set(figures))
    if missing:
        raise ContentError(shown, f"figure '{missing[0]}'", "", "is missing")
    if (schaal := figures["schaal"]).low >= schaal.high:  # type: ignore[attr-defined]
        raise ContentError(shown, "figure 'schaal'", "high", "must be above 'low'")
    return FigureLibrary(figures)
