"""The Content-Security-Policy each built page carries in itself.

``with_policy`` writes, as the first element after ``<meta charset>``, a
``<meta http-equiv="Content-Security-Policy">`` that allows the site's own
files and exactly the inline scripts and styles the page holds, by their
SHA-256 hashes (the design: hosting/README.md, "The Content-Security-Policy").
Publish (publish.py) runs it over every page once they are final.

On a page opened from disk, the iframe-worker shim (docs/assets/vendor/,
loaded by an inline script of the page that names it in ``data-src``) runs
Material's search worker in a hidden frame, whose document it writes with
one inline script naming the worker's address: that script's hash is in the
policy of every page that loads the shim and starts the search worker
(``shim_script``).

Nothing here knows the engine: any output folder will do.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser

# The policy without its hashes: nothing from outside the site, no
# 'unsafe-inline'. img-src data: for Material's icons (SVG data URLs in its
# CSS); connect-src for the search index; worker-src for the search worker;
# frame-src for the page that tells, from disk, whether the browser keeps
# one storage for all pages (docs/assets/answers-disk.js, storage-probe.html).
BASE_POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'none'",),
    "script-src": ("'self'",),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),
    "connect-src": ("'self'",),
    "worker-src": ("'self'",),
    "frame-src": ("'self'",),
    "base-uri": ("'none'",),
    "form-action": ("'self'",),
    "object-src": ("'none'",),
}

META = re.compile(r'<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*', re.I)

# Types of <script> the browser runs (a JSON island such as Material's
# settings is data, not a script).
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}

def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


class _Inline(HTMLParser):
    """The inline scripts and styles of a page, Material's settings, the
    shim's address, and where the policy goes: after <meta charset>, else
    right after <head> (``insert_at``: the position of that tag and its length)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.settings = ""
        self.shim = ""  # the address of the iframe-worker shim the page loads from disk
        self.sources: list[str] = []  # the addresses of the script files it loads
        self.insert_at: tuple[tuple[int, int], int] | None = None
        self._open = ""  # "script", "style" or "settings" while in one
        self._parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if (tag == "head" and self.insert_at is None) or (tag == "meta" and "charset" in attrs and not self.scripts + self.styles):
            self.insert_at = (self.getpos(), len(self.get_starttag_text()))
        elif tag == "script" and attrs.get("src"):
            self.sources.append(attrs["src"])
        elif tag == "script" and "src" not in attrs:
            if attrs.get("data-src"):
                self.shim = attrs["data-src"]
            kind = (attrs.get("type") or "").strip().lower()
            self._open = "script" if kind in SCRIPT_TYPES else ("settings" if attrs.get("id") == "__config" else "")
        elif tag == "style":
            self._open = "style"
        self._parts = []

    def handle_data(self, data):
        if self._open:
            self._parts.append(data)

    def handle_endtag(self, tag):
        if self._open and tag in ("script", "style"):
            text = "".join(self._parts)
            if self._open == "settings":
                self.settings = text
            else:
                (self.scripts if self._open == "script" else self.styles).append(text)
            self._open = ""


def _offset(html: str, position: tuple[int, int]) -> int:
    """The index in ``html`` of a parser's (line, column)."""
    line, column = position
    starts = [0] + [match.end() for match in re.finditer("\n", html)]
    return starts[line - 1] + column


def _function_source(script: str, name: str) -> str:
    """The source text of ``function name(…){…}`` in a script, as the
    browser's Function.prototype.toString gives it (the braces are counted:
    the shim's functions hold none in a string)."""
    start = script.index(f"function {name}(")
    depth, index = 0, script.index("{", start)
    for index in range(index, len(script)):
        depth += {"{": 1, "}": -1}.get(script[index], 0)
        if depth == 0:
            return script[start : index + 1]
    raise ValueError(f"function {name} has no end")


def shim_script(worker: str, shim: str) -> str:
    """The inline script the iframe-worker shim (its code: ``shim``) writes
    into its frame to run the worker at ``worker`` (the address Material
    gives it)."""
    template = re.search(r"<script>(postMessage=\$\{\w+\};.*?)<\\/script>", shim)
    if not template:
        raise ValueError("the iframe-worker shim's frame script was not found (a new version of the shim?)")
    return re.sub(
        r"\$\{(\w+)\}",
        lambda match: worker if match.group(1) == "e" else _function_source(shim, match.group(1)),
        template.group(1),
    )


# Zensical's search dialog (the theme's bundle.<hash>.min.js) lives in a
# shadow root and writes its rules there as a <style> made from a string of
# the script: a policy names that style by its hash, or the dialog shows
# unstyled (Material for MkDocs' bundle has no such style).
_THEME_BUNDLE = re.compile(r"(^|/)assets/javascripts/bundle\.\w+\.min\.js$")
_SHADOW_STYLE = re.compile(r'attachShadow\(\{mode:"open"\}\);\w+\.appendChild\(\w+\("style",\{\},(\w+)\.toString\(\)\)\)')
_JS_ESCAPES = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "t": "\t"}


def shadow_styles(script: str) -> list[str]:
    """The text of each <style> the theme's ``script`` puts into a shadow root."""
    found = []
    for match in _SHADOW_STYLE.finditer(script):
        name = match.group(1)
        literal = re.search(rf"\b(?:var|let|const) {name}='((?:[^'\\]|\\.)*)'", script)
        if literal is None:
            raise ValueError(f"the theme's script styles a shadow root with {name}, whose text was not found (a new version of the theme?)")
        try:
            found.append(re.sub(r"\\(.)", lambda escape: _JS_ESCAPES[escape.group(1)], literal.group(1)))
        except KeyError as error:
            raise ValueError(f"the theme's shadow root style {name} has an escape not read here: \\{error.args[0]}") from None
    return found


def page_policy(html: str, read: Callable[[str], str | None]) -> tuple[str, int | None]:
    """The policy for a page's ``html``, and where in it the policy goes;
    ``read`` gives the text of a file of the site by its address from the
    page (None where there is none)."""
    found = _Inline()
    found.feed(html)
    found.close()
    scripts = {csp_hash(script) for script in found.scripts}
    worker = json.loads(found.settings).get("search") if found.settings else None
    shim = read(found.shim) if found.shim and worker else None
    if shim is not None:
        scripts.add(csp_hash(shim_script(worker, shim)))
    policy = dict(BASE_POLICY)
    policy["script-src"] = (*policy["script-src"], *sorted(scripts))
    styles = {csp_hash(style) for style in found.styles}
    for source in filter(_THEME_BUNDLE.search, found.sources):
        styles |= {csp_hash(style) for style in shadow_styles(read(source) or "")}
    policy["style-src"] = (*policy["style-src"], *sorted(styles))
    at = _offset(html, found.insert_at[0]) + found.insert_at[1] if found.insert_at else None
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items()), at


def with_policy(html: str, read: Callable[[str], str | None]) -> str:
    """``html`` with its own policy as the first element of its head (an
    earlier policy of the page replaced)."""
    html = META.sub("", html)
    policy, at = page_policy(html, read)
    if at is None:
        raise ValueError("the page has no <head>")
    return html[:at] + f'\n    <meta http-equiv="Content-Security-Policy" content="{policy}">' + html[at:]
