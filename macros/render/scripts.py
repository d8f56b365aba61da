"""The site's own scripts as published: minified, like Material's.

The sources in ``docs/`` stay readable (comments, names); the build
publishes them without comments and spaces (``rjsmin`` keeps every token,
so a script behaves the same). Vendored files (``assets/vendor/``) are
published as they came.
"""

from __future__ import annotations

import rjsmin

VENDORED = "assets/vendor/"


def is_own_script(path: str) -> bool:
    """True for a script of the site's own (a path in ``docs/``)."""
    return path.endswith(".js") and not path.startswith(VENDORED)


def minified_script(source: str) -> str:
    """``source`` without comments and needless white space (rjsmin keeps
    ``/*! ... */`` comments: licences)."""
    return rjsmin.jsmin(source, keep_bang_comments=True) + "\n"
