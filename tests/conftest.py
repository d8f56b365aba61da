"""Shared fixtures: one strict build of the site per test run.

Under pytest-xdist every worker is a process of its own; the first one to
need the site builds it, the others wait for it and read the same folder.
The browser fixtures live in ``browser_fixtures.py`` (a plugin, below).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

import pytest
from filelock import FileLock

from sitebuild import ROOT, BuildResult, build_site, load_conversations, load_library

pytest_plugins = ["browser_fixtures"]


def _build_once(shared: Path) -> BuildResult:
    record = shared / "site-build.json"
    with FileLock(str(shared / "site-build.lock")):
        if not record.is_file():
            result = build_site(ROOT, shared / "site")
            record.write_text(json.dumps({**asdict(result), "site_dir": str(result.site_dir)}), encoding="utf-8")
    data = json.loads(record.read_text(encoding="utf-8"))
    return BuildResult(data["returncode"], data["output"], Path(data["site_dir"]))


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> BuildResult:
    """The site, built once with ``mkdocs build --strict``."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):  # not under xdist
        return build_site(ROOT, tmp_path_factory.mktemp("site"))
    return _build_once(tmp_path_factory.getbasetemp().parent)


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
