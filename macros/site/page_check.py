"""A page of the content is checked like data: what its HTML may not hold.

The build writes each page's Content-Security-Policy with the hashes of the
inline scripts and styles the page holds (policy.py), so whatever a page
brings in would be allowed by its own policy. So the HTML of every page's
content (its Markdown and what its macros wrote, before the site's
templates put it in a page) may hold no script or style element, no frame
or embedded object, no ``on…`` handler, no style attribute, no
``javascript:`` (or other script) address, and load nothing from outside
the site; and a page's front matter ``scripts:`` names files of the site
only. Each problem is one line naming the page's source file.

Pure functions over HTML: nothing here knows MkDocs.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from macros.content.base import bidi_problem

# Elements that run code, style the page or bring in another document.
FORBIDDEN_ELEMENTS = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "portal"}
# Attributes whose address the browser loads by itself (a link's href is
# followed only when the reader chooses to).
RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "xlink:href", "imagesrcset"}
LINK_ATTRIBUTES = {"href", "action", "formaction", "cite", "ping"}
SCRIPT_SCHEMES = re.compile(r"^(?:javascript|vbscript|data):", re.I)
OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
LINKS = ("a", "area")


def _address(value: str) -> str:
    """An address as the browser reads it: without spaces and control characters."""
    return re.sub(r"[\x00-\x20]+", "", value)


class _Problems(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_ELEMENTS:
            self.problems.append(f"a <{tag}> element")
        for name, value in attrs:
            address = _address(value or "")
            if name.startswith("on"):
                self.problems.append(f"an event handler ({name}= on <{tag}>)")
            elif name == "style":
                self.problems.append(f"a style attribute (on <{tag}>)")
            elif name in LINK_ATTRIBUTES | RESOURCE_ATTRIBUTES and SCRIPT_SCHEMES.match(address):
                if not (name == "src" and tag in ("img", "source") and address.lower().startswith("data:image/")):
                    self.problems.append(f"a script address ({name}=\"{value}\" on <{tag}>)")
            elif name in RESOURCE_ATTRIBUTES or (name == "href" and tag not in LINKS):
                parts = [_address(part.split()[0]) for part in (value or "").split(",") if part.strip()] if "srcset" in name else [address]
                outside = [part for part in parts if OUTSIDE.match(part) and not part.lower().startswith("data:image/")]
                if outside:
                    self.problems.append(f"a resource from outside the site ({name}=\"{outside[0]}\" on <{tag}>)")

    handle_startendtag = handle_starttag


def content_problems(html: str) -> list[str]:
    """What the HTML of a page's content holds that a page may not."""
    parser = _Problems()
    parser.feed(html)
    parser.close()
    return parser.problems


def script_problems(scripts) -> list[str]:
    """Front matter ``scripts:`` that are not files of the site (a path
    relative to the site's root, like ``assets/x.js``)."""
    problems = []
    for script in scripts or []:
        if not isinstance(script, str) or OUTSIDE.match(script.strip()) or script.startswith("/") or ".." in script.split("/"):
            problems.append(f"front matter 'scripts': {script!r} is not a file of the site (write a path like assets/x.js)")
    return problems


def page_problem(src: str, html: str, title: str | None, scripts) -> str | None:
    """The one-line error for the page from ``docs/<src>``, or None."""
    problems = script_problems(scripts) + content_problems(html)
    if title and bidi_problem(title):
        problems.insert(0, f"its title {bidi_problem(title)}")
    if not problems:
        return None
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return (
        f"Page error in docs/{src}: {problems[0]}{more}: a page may not bring scripts, handlers, "
        "styles or resources from outside the site (guides/editing.md)"
    )
