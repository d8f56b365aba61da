"""Errors in a page's macros as one line naming the page and the line.

On an error in a page (an undefined variable, a Jinja syntax error, a macro
that raises), mkdocs-macros logs a report with a traceback. With
``on_error_fail: true`` (mkdocs.yml) it then ends the process: right for
``mkdocs build``, but it would end ``mkdocs serve`` too. So:

- the report is logged as one line naming the page and the line
  (``OneLineReports``, a filter on mkdocs-macros' logger);
- under ``mkdocs serve`` the workbook plugin switches ``on_error_fail``
  off: the page's Markdown becomes the report, which the plugin replaces by
  a short notice, and the server goes on; once the page is fixed it is
  served again.

A mistake that stops the whole build under ``mkdocs serve`` (a data file
that does not validate, a page that brings a script) would leave MkDocs'
server waiting for a good build before it answers any request: every page
would hang until the mistake is fixed. ``answer_with_errors`` wraps the
server's builder so that a failed build writes the one-line error as every
page of the preview instead; the next good build replaces them.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

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


def build_error_page(message: str) -> str:
    """The whole page ``mkdocs serve`` shows while the build fails."""
    return (
        '<!doctype html>\n<html lang="nl">\n<head><meta charset="utf-8"><title>Fout: de preview kan niet bouwen</title></head>\n'
        "<body>\n<h1>De preview kan niet bouwen</h1>\n"
        f"<p><code>{html.escape(message)}</code></p>\n"
        "<p>Herstel het bestand en sla het op: de preview laadt dan opnieuw.</p>\n</body>\n</html>\n"
    )


class _Errors(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def answer_with_errors(server, site_dir: Path) -> None:
    """Make ``server`` (MkDocs' LiveReloadServer) show a failed rebuild's
    error, in one line, as every HTML page of ``site_dir`` (the preview's
    own temporary folder), so it answers at once instead of waiting for a
    good build."""
    builder = server.builder
    if getattr(builder, "answers_with_errors", False):
        return

    def build() -> None:
        errors = _Errors()
        logging.getLogger("mkdocs").addHandler(errors)
        try:
            builder()
        except Exception as error:  # noqa: BLE001 - any failed build is shown, the preview goes on
            message = next((m for m in reversed(errors.messages) if not m.startswith("[")), "") or str(error)
            page = build_error_page(message.splitlines()[0] if message else "the build failed")
            pages = list(site_dir.rglob("*.html")) or [site_dir / "index.html"]
            site_dir.mkdir(parents=True, exist_ok=True)
            for path in pages:
                path.write_text(page, encoding="utf-8")
        finally:
            logging.getLogger("mkdocs").removeHandler(errors)

    build.answers_with_errors = True
    server.builder = build


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
