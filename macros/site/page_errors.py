"""Errors in a page's macros as one line naming the page and the line.

On an error in a page (an undefined variable, a Jinja syntax error, a macro
that raises), mkdocs-macros logs a report with a traceback. With
``on_error_fail: true`` (mkdocs.yml) it then ends the process: right for
``mkdocs build``, but it would end ``mkdocs serve`` too. So:

- the report is logged as one line naming the page and the line
  (``OneLineReports``, a filter on mkdocs-macros' logger);
- under ``mkdocs serve`` the hooks switch ``on_error_fail`` off: the page's
  Markdown becomes the report, which the hooks replace by a short notice,
  and the server goes on; once the page is fixed it is served again.
"""

from __future__ import annotations

import html
import logging
import re

_REPORT = re.compile(r"\A\s*# _Macro (?:Rendering|Syntax) Error_")
_SYNTAX_LINE = re.compile(r"_Line (\d+) in Markdown file:_ \*\*(.*?)\*\*")
_ERROR = re.compile(r"^_(?!File_)(\w+)_: (.*)$", re.M)
_TEMPLATE_LINE = re.compile(r'File "<(?:template|unknown)>", line (\d+)')

_FILE = re.compile(r"^_File_: `([^`]+)`", re.M)

MACROS_LOGGER = "mkdocs.plugins.mkdocs_macros.util"


def page_error(markdown: str, page: str | None = None) -> str | None:
    """The one-line message for a macros error report, or None for a page.

    ``page`` is the page's path under docs/; by default the report's own.
    """
    if not _REPORT.match(markdown):
        return None
    if page is None:
        named = _FILE.search(markdown)
        page = named.group(1) if named else "?"
    syntax = _SYNTAX_LINE.search(markdown)
    if syntax:
        return f"Page error in docs/{page}, line {syntax.group(1)}: {syntax.group(2)}"
    error = _ERROR.search(markdown)
    kind, message = (error.group(1), error.group(2).strip()) if error else ("Error", "the page's macros failed")
    lines = _TEMPLATE_LINE.findall(markdown)
    where = f", line {lines[-1]}" if lines else ""
    return f"Page error in docs/{page}{where}: {kind}: {message}"


def error_page(message: str) -> str:
    """What ``mkdocs serve`` shows instead of a broken page."""
    return f'!!! failure "Fout in deze pagina"\n\n    `{message.replace("`", "")}`\n\n    Herstel de pagina en sla haar op: de preview laadt dan opnieuw.\n'


def page_error_notice(message: str) -> str:
    """The HTML ``mkdocs serve`` shows instead of a page's content that
    failed its check after the Markdown (page_check.py)."""
    return (
        '<div class="admonition failure"><p class="admonition-title">Fout in deze pagina</p>'
        f"<p><code>{html.escape(message)}</code></p>"
        "<p>Herstel de pagina en sla haar op: de preview laadt dan opnieuw.</p></div>"
    )


class OneLineReports(logging.Filter):
    """Turns mkdocs-macros' multi-line error report into one error line."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        start = text.find("# _Macro ")
        message = page_error(text[start:]) if start >= 0 else None
        if message:
            record.msg, record.args = message, ()
            record.levelno, record.levelname = logging.ERROR, "ERROR"
        return True


def one_line_reports() -> None:
    logger = logging.getLogger(MACROS_LOGGER)
    if not any(isinstance(f, OneLineReports) for f in logger.filters):
        logger.addFilter(OneLineReports())
