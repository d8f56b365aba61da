"""The site's own stylesheets: each page holds one, with what it shows.

The parts (``PARTS``, one file per concern in ``docs/assets/css/``), the
stylesheets made of them (``BUNDLES``) and which one a page needs
(``parts_needed``, ``bundle_for``). The design is explained once, in
guides/editing.md ("The site's stylesheets and scripts").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import rcssmin

from macros.render.html_attributes import attribute_values

# Each part, with the classes whose presence in a page calls for it (a class
# itself, or an element of its block: "pig-ws" covers "pig-ws__text").
PARTS: dict[str, tuple[str, ...]] = {
    "base": (),  # colours, links, figures, the web edition's marking, print
    "sheets": ("pig-ws",),  # worksheets, on their pages and in the guides
    "answers": ("pig-answer-bar", "pig-mine", "pig-privacy"),  # answer fields and the store's notes
    "conversations": ("pig-person", "pig-compare", "pig-conv-actions", "pig-planner-link"),  # Deel 4
    "mindset-test": ("pig-mt",),  # the self-test and its result
    "werkmap": ("pig-pack",),  # the werkmap: sheets chosen for print
    "library": ("pig-ml",),  # the overview of werkvormen
    "planner": ("pig-planner",),  # the conversation planner
    "book": ("pig-print-intro",),  # the whole book on one page
}

# The stylesheets the build publishes (name: parts, in the order of PARTS).
# "site" is every page's unless it shows more; "complete" holds every part.
BUNDLES: dict[str, tuple[str, ...]] = {
    "site": ("base",),
    "sheet": ("base", "sheets", "answers"),
    "conversation": ("base", "sheets", "conversations"),
    "mindset-test": ("base", "answers", "mindset-test"),
    "library": ("base", "library"),
    "planner": ("base", "answers", "conversations", "planner"),
    "werkmap": ("base", "sheets", "answers", "werkmap"),
    "complete": tuple(PARTS),
}

COMPLETE = "complete"



def parts_needed(html: str) -> set[str]:
    """The parts the classes of the elements of ``html`` call for (the base always)."""
    blocks = {re.split(r"__|--", name, maxsplit=1)[0] for name in attribute_values(html, "class", split=True)}
    return {"base"} | {part for part, markers in PARTS.items() if blocks & set(markers)}


def bundle_for(parts: set[str]) -> str:
    """The smallest stylesheet that holds ``parts`` (the first of equals)."""
    holding = [name for name, held in BUNDLES.items() if parts <= set(held)]
    return min(holding, key=lambda name: len(BUNDLES[name]))


def print_rules_path(bundle: str) -> str:
    """Where the generated print rules of a stylesheet are published (the
    one file of it: a page holds its hand-written rules itself):
    ``assets/site.print.css`` for the base, ``assets/site-sheet.print.css``
    for the sheets' and so on."""
    return "assets/site.print.css" if bundle == "site" else f"assets/site-{bundle}.print.css"


def handwritten_css(name: str, static: Mapping[str, str]) -> str:
    """The rules written by hand of the stylesheet ``name``, minified: what a
    page holds in its <style> element. They change only with an edit of
    ``docs/assets/css/``, never with the data."""
    return rcssmin.cssmin("\n".join(static[part] for part in BUNDLES[name])) + "\n"


def print_rules_css(name: str, generated: Mapping[str, str]) -> str | None:
    """The print rules generated from the data for the stylesheet ``name``,
    minified (None if it has none): a page links them for print only, so a
    new worksheet changes no hash in the Content-Security-Policy."""
    rules = [generated[part] for part in BUNDLES[name] if part in generated]
    return rcssmin.cssmin("\n".join(rules)) + "\n" if rules else None


def bundle_css(name: str, static: Mapping[str, str], generated: Mapping[str, str]) -> str:
    """The stylesheet ``name`` as one file (the PDFs read the complete one):
    what a page holds, then what it links for print (``static`` and
    ``generated`` map a part to its text)."""
    return handwritten_css(name, static) + (print_rules_css(name, generated) or "")
