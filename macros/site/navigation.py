"""Where pages sit in the navigation of ``mkdocs.yml``, and the generated
sheet pages' place in it."""

from __future__ import annotations

import re
from collections.abc import Iterable

# The navigation section that lists the worksheets: the sheets' own pages
# follow the pages written by hand there (overview, werkmap, answers).
SHEET_SECTION_INDEX = "werkbladen/index.md"
SHEET_FOLDER = "werkbladen"

# Pages the code links to or treats apart (under docs/).
WERKMAP = f"{SHEET_FOLDER}/werkmap.md"  # the worksheets chosen for print
MY_ANSWERS = "mijn-antwoorden.md"  # every answer kept in this browser
MINDSET_TEST = "bijlagen/mindset-test.md"  # the self-test (Bijlage 1)
PLANNER = "gespreksplanner.md"  # the conversation planner


def sheet_page(sheet_id: str) -> str:
    """The generated page of a worksheet, as a path under docs/."""
    return f"{SHEET_FOLDER}/{sheet_id}.md"

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


def with_sheet_pages(nav: list, sheet_ids: Iterable[str]) -> list:
    """``nav`` with a page for each worksheet appended to the section that
    holds the worksheet overview; a sheet already listed is left where it is."""
    ids = list(sheet_ids)
    listed = set(nav_pages(nav))
    extra = [sheet_page(sheet_id) for sheet_id in ids if sheet_page(sheet_id) not in listed]

    def walk(node):
        if isinstance(node, list):
            if SHEET_SECTION_INDEX in node:
                return node + extra
            return [walk(child) for child in node]
        if isinstance(node, dict):
            return {key: walk(value) for key, value in node.items()}
        return node

    result = walk(nav)
    if extra and extra[0] not in nav_pages(result):
        raise ValueError(f"the navigation has no section with {SHEET_SECTION_INDEX}")
    return result


# Material names a section's list in the navigation by the section's
# toggle (aria-labelledby). With ``navigation.indexes`` that toggle holds an
# icon only, so every section with a page of its own is a navigation
# landmark without a name, the same (no) name for all of them; the list's
# own title (shown on small screens) holds the section's title.
_NAMELESS_SECTION = re.compile(
    r'(<nav class="md-nav" data-md-level="\d+") aria-labelledby="(__nav_[\w]+_label)"'
    r'( aria-expanded="[^"]*">\s*<label class="md-nav__title" for="[^"]+">)(.*?)(</label>)',
    re.S,
)


def name_navigation_sections(html: str) -> str:
    """Every section's list in Material's navigation named by the section's
    title, where the toggle it is labelled by holds no words."""

    def named(match: re.Match) -> str:
        opening, label_id, rest, title_html, closing = match.groups()
        toggle = re.search(rf'<label [^>]*id="{label_id}"[^>]*>(.*?)</label>', html, re.S)
        if toggle and re.sub(r"<[^>]+>", "", toggle.group(1)).strip():
            return match.group(0)
        title = " ".join(re.sub(r"<[^>]+>", "", title_html).split()).replace('"', "&quot;")
        return f'{opening} aria-label="{title}"{rest}{title_html}{closing}'

    return _NAMELESS_SECTION.sub(named, html)
