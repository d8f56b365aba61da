"""What the browser tests watch on every page: requests, console and axe."""

from __future__ import annotations

import io
import json
import time
from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_axe = Axe()

# Every page URL a PageWatch saw, for the summary at the end of the run.
VISITED: set[str] = set()

# Reports each Content-Security-Policy violation of the page (and its frames)
# as a console error that PageWatch collects.
CSP_REPORTER = """
addEventListener("securitypolicyviolation", (e) => console.error(
  `CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} in ${e.sourceFile || e.documentURI}:${e.lineNumber}`));
"""


@dataclass
class PageWatch:
    """Collects what a page does that it must not: leave the site or fail."""

    origin: str  # the site's root URL (with its sub-path, or its folder on disk)
    external: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, page, *, reporter: bool = True) -> "PageWatch":
        """Watch ``page``; ``reporter=False`` on a page that has the CSP
        reporter already (a page shared by several tests)."""
        if reporter:
            page.add_init_script(CSP_REPORTER)
        self._page = page
        self._handlers = [
            ("load", lambda: VISITED.add(page.url.split("#")[0].split("?")[0])),
            ("request", self._on_request),
            # A request the browser cancels itself when the page navigates away
            # (net::ERR_ABORTED, the favicon of a page just left) is no fault
            # of the site; a missing file fails with its own error.
            ("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and self.failed.append(f"{r.url} ({r.failure})")),
            ("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} (HTTP {r.status})")),
            ("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text} at {m.location}")),
            ("pageerror", lambda e: self.errors.append(f"uncaught: {e}")),
        ]
        for event, handler in self._handlers:
            page.on(event, handler)
        return self

    def detach(self) -> None:
        for event, handler in self._handlers:
            self._page.remove_listener(event, handler)

    def _on_request(self, request) -> None:
        url = request.url
        if not url.startswith(self.origin) and not url.startswith(("data:", "blob:", "about:")):
            self.external.append(url)

    def problems(self) -> list[str]:
        return (
            [f"request outside the site: {url}" for url in self.external]
            + [f"failed request: {item}" for item in self.failed]
            + self.errors
        )


# Material's navigation and table of contents are the same markup and
# styles on every page: test_browser_pages.py checks them with axe on a few
# pages (sidebars=True), and every other check leaves them out, which halves
# the time axe takes on a page.
SIDEBARS = [[".md-sidebar--primary"], [".md-sidebar--secondary"]]


def axe_violations(page, rules: list[str] | None = None, *, sidebars: bool = False, leave_out: list[str] = ()) -> list[str]:
    """Run axe-core with the WCAG 2.0/2.1 A and AA rules (or only ``rules``;
    without those of ``leave_out``); describe each violation. axe is injected
    once per document."""
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    options = {"runOnly": only, "resultTypes": ["violations"], "rules": {rule: {"enabled": False} for rule in leave_out}}
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(_axe.axe_script)
    context = {"include": [["html"]]} if sidebars else {"exclude": SIDEBARS}
    response = page.evaluate("([context, options]) => axe.run(context, options)", [context, options])
    found = []
    for violation in response["violations"]:
        for node in violation["nodes"]:
            found.append(f"{violation['id']} ({violation['help']}): {' '.join(map(str, node['target']))} :: {node.get('failureSummary', '').splitlines()[-1:]}")
    return found


def sideways_overflow(page) -> tuple[int, list[str]]:
    """(the page's scroll width, up to five elements wider than the window
    outside the parts that scroll on purpose)."""
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                          && !el.closest('.md-typeset__scrollwrap, .md-sidebar, .md-search, .md-nav'))
            .filter(el => getComputedStyle(el).visibility !== 'hidden')
            .map(el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''))
            .slice(0, 5)"""
    )
    return page.evaluate("document.documentElement.scrollWidth"), overflow


def wait_until(page, expression: str, timeout: float = 10.0) -> None:
    """Wait until ``expression`` is true in the page. Playwright's own
    ``wait_for_function`` polls with ``eval``, which the site's
    Content-Security-Policy refuses (an EvalError whenever the first check is
    false); ``page.evaluate`` goes through the DevTools protocol instead."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(50)


def tab_until(page, expression: str, presses: int, what: str) -> None:
    """Press Tab until ``expression`` is true of the focused element (at most
    ``presses`` times); fail naming ``what`` the keyboard never reached."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(expression):
            return
    raise AssertionError(f"Tab never reaches {what}")


def search_each(page, queries: list[str], timeout: float = 10.0) -> list[dict]:
    """Each query typed into Material's search box of the open page at once,
    one after the other in the page itself, and what Material shows for it:
    ``hrefs``, the addresses (without ?query or #section) of its result
    links in order (a page and its sections each have a link); ``texts``,
    the text of each result on show (title, preview, tags; the highlights
    are <mark> elements); ``missing``, the words it says a result lacks
    ("Ontbreekt: ...").

    Typed at once, a query is one message to the search worker and one
    answer: Material writes the count ("N overeenkomende documenten") and
    the first results in the same step. So the count is blanked before each
    query is typed (and read by Material on the keyup, as from a keyboard),
    and the results are read as soon as a count is back."""
    field = page.locator("input.md-search__input")
    if not field.is_visible():
        page.keyboard.press("/")  # Material's shortcut opens and focuses the search
    field.focus()  # where Material's script came after the key (a page from disk)
    found = page.evaluate(_SEARCH_EACH, [queries, timeout * 1000])
    for query, result in zip(queries, found):
        if result is None:
            raise AssertionError(f"no search results for {query!r} after {timeout} s")
        result["hrefs"] = [href.split("#")[0].split("?")[0] for href in result["hrefs"]]
    return found


_SEARCH_EACH = """async ([queries, timeout]) => {
    const field = document.querySelector('input.md-search__input');
    const meta = document.querySelector('.md-search-result__meta');
    const found = [];
    for (const query of queries) {
        meta.textContent = '';
        field.value = query;
        field.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
        const start = performance.now();
        // Not while it says "Zoeken initialiseren" or "Typ om te beginnen met zoeken".
        while (!/overeenkomend/.test(meta.innerText)) {
            if (performance.now() - start > timeout) return found.concat([null]);
            await new Promise(resolve => setTimeout(resolve, 5));
        }
        found.push({
            hrefs: [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')].map(a => a.href),
            texts: [...document.querySelectorAll('.md-search-result__item')].map(item =>
                [...item.querySelectorAll('h1, h2, p, .md-tag')].map(part => part.textContent).join(' | ')),
            missing: [...document.querySelectorAll('.md-search-result__terms del')].map(term => term.innerText).join(' '),
        });
    }
    return found;
}"""


# The result links once Material's count says how many pages it found (not
# while it still says "Zoeken initialiseren" or "Typ om te beginnen met
# zoeken"), else null.
_READ_RESULTS = """() => {
    const meta = document.querySelector('.md-search-result__meta')?.innerText || '';
    if (!/overeenkomend/.test(meta)) return null;
    return [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')].map(a => a.href);
}"""


def read_search_results(page, timeout: float = 10.0) -> list[str]:
    """The addresses (without ?query or #section) of Material's result links,
    in order, as soon as the list has stopped changing (Material redraws it
    per keystroke): a page and its sections each have a link."""
    # Ready once Material's count says how many pages it found (not while it
    # still says "Zoeken initialiseren" or "Typ om te beginnen met zoeken").
    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        page.wait_for_timeout(120)
        hrefs = page.evaluate(_READ_RESULTS)
        if hrefs is not None and hrefs == last:
            break
        last = hrefs
    return [href.split("#")[0].split("?")[0] for href in last or []]


# --- Print -----------------------------------------------------------------------

A4_POINTS = (595, 842)
# Words of Material's interface that must never be on paper.
CHROME_WORDS = ["Zoeken", "Inhoudsopgave", "Vorige", "Volgende", "Donkere weergave", "Ga naar inhoud", "Terug naar boven"]


def print_to_pdf(page, *, background: bool = True) -> PdfReader:
    """The page printed by Chromium with its own @page size, once its fonts
    are loaded."""
    wait_until(page, "document.fonts.status === 'loaded' && document.readyState === 'complete'")
    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=background)))


def assert_a4(pdf: PdfReader) -> None:
    for number, sheet in enumerate(pdf.pages, start=1):
        box = sheet.mediabox
        assert (round(float(box.width)), round(float(box.height))) == A4_POINTS, f"page {number} is not A4"


def flat(text: str) -> str:
    """Text with its line breaks undone, for comparing sentences."""
    return " ".join(text.split())


def stub_print(page) -> None:
    """Replace window.print by a counter, read back with ``printed(page)``."""
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")


def printed(page) -> int:
    return page.evaluate("window.__printed")


# --- The reader's answers in the browser (docs/assets/answers.js) ---------------

STORE = "pig/positief-in-gesprek/v2"  # the store's key (extra.answers_site_id, version 2)


def answer_field(page, sheet_id: str, question_id: str):
    """The answer field of a worksheet's question, by its accessible name."""
    from sitebuild import load_library

    text = next(q for q in load_library().get(sheet_id).questions if q.id == question_id).text
    return page.get_by_role("textbox", name=f"Jouw antwoord {text}", exact=True)


def stored_items(page) -> dict:
    """The items of the store as this page's browser keeps them."""
    return json.loads(page.evaluate(f"() => localStorage.getItem({STORE!r}) || '{{\"items\": {{}}}}'"))["items"]

