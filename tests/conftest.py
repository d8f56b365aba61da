"""Shared fixtures: one strict build of the site per test session."""

from __future__ import annotations

import pytest

from sitebuild import ROOT, BuildResult, build_site, load_conversations, load_library

from browser_fixtures import *  # noqa: E402,F401,F403  (browser, server and page fixtures)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> BuildResult:
    """The site, built once with ``mkdocs build --strict``."""
    return build_site(ROOT, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_dir(site_build):
    """The built site's folder; fails every dependent test if the build failed."""
    if site_build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{site_build.output}")
    return site_build.site_dir


@pytest.fixture(scope="session")
def worksheets():
    """The worksheet library, loaded from docs/data/ like the build does."""
    return load_library()


@pytest.fixture(scope="session")
def conversations():
    """The example conversations, loaded from docs/data/ like the build does."""
    return load_conversations()


def pytest_terminal_summary(terminalreporter):
    from browser_checks import VISITED

    if VISITED:
        terminalreporter.write_line(f"Chromium visited {len(VISITED)} distinct pages of the built site.")
