"""Turn the validated mindset test into the form the page shows.

A pure function: the test in, HTML out. Without JavaScript the HTML is a
paper form; ``docs/assets/mindset-test.js`` makes it an online test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ..content.mindset import MindsetTest, Statement
from .notice import PRIVACY_NOTE
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


def positions(test: MindsetTest) -> list[tuple[int, str]]:
    """Each point of the scale with where it lies, in words."""
    return [(value, where(value, test.scale.points)) for value in range(1, test.scale.points + 1)]


def render_mindset_test(
    test: MindsetTest, href: Callable[[str], str] = lambda page: page, mine_href: str = "mijn-antwoorden.html"
) -> str:
    """The whole test: instruction, area, the items, room for the result
    (with its words and the pages to read next; ``href`` turns a page under
    docs/ into a link from this page), and the book's explanation."""
    items = [(item, item_points(item, test.scale.points)) for item in test.items]
    links = [(link, href(link.page)) for link in test.result.links]
    return render(
        "mindset/test.html", test=test, items=items, links=links, positions=positions(test), privacy=Markup(PRIVACY_NOTE),
        mine_href=mine_href,
    )


def render_mindset_summary(test: MindsetTest, test_href: str) -> str:
    """The test's results on "Mijn antwoorden": room for them, the words to
    draw them with, and the way to the test."""
    return render("mindset/summary.html", test=test, positions=positions(test), test_href=test_href)
