"""Browser fixtures: Chromium found on this machine, the site served locally.

The site is served as IT hosts it: a copy of the built folder, under the
sub-path ``/kennisbank/werkboek/``, with the response headers of
hosting/headers.http (each page carries its own Content-Security-Policy).

The browser is looked for in ``PIG_CHROMIUM`` (a path), then on the PATH
(Debian's chromium-headless-shell first: the same Chromium without the
desktop browser around it, which halves the suite's CPU time; then chromium,
chromium-browser, google-chrome), then as Playwright's own. Where
there is none, browser tests skip with one reason, except under ``CI=true``,
where a missing browser fails them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hosting import SUB_PATH, documented_headers, serve

SYSTEM_BROWSERS = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# No stray request can leave the machine: every host name except the test
# server's address resolves to nothing, and Chromium's own background
# traffic (updates, sync, safe browsing) is switched off.
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def find_browser() -> str | None:
    """Return the path of a Chromium to drive, or None."""
    explicit = os.environ.get("PIG_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    for name in SYSTEM_BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            path = playwright.chromium.executable_path
        return path if Path(path).is_file() else None
    except Exception:  # Playwright missing or without a browser of its own
        return None


@pytest.fixture(scope="session")
def browser_path() -> str:
    path = find_browser()
    if path is None:
        reason = "no Chromium found: set PIG_CHROMIUM or install it (apt-get install chromium-headless-shell)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, browser_path):
    """pytest-playwright's launch arguments, pointed at the browser found."""
    args = list(CHROMIUM_ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses its sandbox as root
    return {**browser_type_launch_args, "executable_path": browser_path, "args": args}


@pytest.fixture(scope="session")
def hosted_copy(site_dir, tmp_path_factory):
    """The built site copied to a fresh folder, as IT copies it to a server."""
    copy = tmp_path_factory.mktemp("intranet") / "werkboek"
    shutil.copytree(site_dir, copy)
    return copy


@pytest.fixture(scope="session")
def site_url(hosted_copy):
    """The site under a sub-path on 127.0.0.1, with the documented headers, for the whole session."""
    with serve(hosted_copy, SUB_PATH, documented_headers()) as url:
        yield url


@pytest.fixture
def context(browser):
    """A desktop browser context (1280 x 900) of its own for one test; it
    accepts downloads (backups, exports)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield context
    context.close()


@pytest.fixture(scope="module")
def _shared_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    from browser_checks import CSP_REPORTER

    page.add_init_script(CSP_REPORTER)
    yield page
    context.close()


@pytest.fixture
def reading_page(_shared_page):
    """A desktop page (1280 x 900, light) shared by the tests of a module that
    only read pages: a new browser context per test would cost more than the
    test. Each test starts on a blank page with empty storage, so nothing a
    test did (a palette chosen, a narrow window) carries over."""
    page = _shared_page
    page.goto("about:blank")
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    yield page
    page.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
