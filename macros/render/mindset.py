"""Turn the validated mindset test into the form the page shows.

A pure function: the test in, HTML out. Without JavaScript the HTML is a
paper form; ``docs/assets/mindset-test.js`` makes it an online test.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.mindset import MindsetTest, Statement
from .templating import render


@dataclass(frozen=True)
class Point:
    """One radio button of an item: its value and what a screen reader says."""

    value: int
    name: str


def where(value: int, points: int) -> str:
    """Where a point lies on the scale, in words: 'helemaal links' … 'midden' …"""
    middle = (points + 1) / 2
    if value == 1:
        return "helemaal links"
    if value == points:
        return "helemaal rechts"
    if value == middle:
        return "midden"
    return "naar links" if value < middle else "naar rechts"


def item_points(item: Statement, points: int) -> list[Point]:
    """The radio buttons of one item, each named by its position and by the
    statement it leans to, so that which end is which is clear unseen."""
    middle = (points + 1) / 2
    found = []
    for value in range(1, points + 1):
        name = f"{value} van {points}, {where(value, points)}"
        if value != middle:
            name += ": " + (item.left if value < middle else item.right)
        found.append(Point(value, name))
    return found


def render_mindset_test(test: MindsetTest) -> str:
    """The whole test: instruction, area, the items, room for the result,
    and the book's explanation."""
    items = [(item, item_points(item, test.scale.points)) for item in test.items]
    return render("mindset/test.html", test=test, items=items)
