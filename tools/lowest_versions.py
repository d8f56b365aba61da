"""Check the lowest dependency versions that pyproject.toml allows.

Installs, in a virtual environment of its own, every runtime dependency at
the floor of its range (`mkdocs>=1.6,<2` becomes `mkdocs==1.6`), the test
tools at their newest, and runs the part of the suite that tells whether an
old release breaks the site:

- tests/test_build.py: the strict build, the navigation, the search index;
- tests/test_hosting.py: each page's policy names its inline scripts and
  styles, every link answers, the 404 page;
- tests/test_pdf.py: the PDFs WeasyPrint draws (pages, tags, outline,
  table of contents);
- tests/test_browser_pages.py: every page in Chromium under its own
  Content-Security-Policy, with no console error (an old Material logged
  "__md_get is not defined" there) and axe-clean;
- tests/test_browser_offline.py: search from disk, and every page by its
  footer links;
- tests/test_print_css.py: the stylesheets and scripts as published
  (minified by rcssmin and rjsmin), one per page with every rule it needs.

The rest of the suite checks the content and the project's own scripts,
which do not depend on these versions.

    python tools/lowest_versions.py            # CI runs this after the suite
    python tools/lowest_versions.py --print    # only print the pins
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITE = [
    "tests/test_build.py",
    "tests/test_hosting.py",
    "tests/test_pdf.py",
    "tests/test_browser_pages.py",
    "tests/test_browser_offline.py",
    "tests/test_print_css.py",
]


def floors() -> list[str]:
    """``name==floor`` for every runtime dependency with a lower bound."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = []
    for requirement in project["dependencies"]:
        match = re.match(r"^([A-Za-z0-9_.-]+)\s*>=\s*([0-9][0-9.]*)", requirement)
        if not match:
            raise SystemExit(f"pyproject.toml: {requirement!r} has no lower bound (>=)")
        pins.append(f"{match.group(1)}=={match.group(2)}")
    return pins


def testing_tools() -> list[str]:
    """The test extra without the project's own extras: Zensical (the
    ``zensical`` extra) needs a newer pymdown-extensions than the floor, and
    none of the tests run here builds with it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [tool for tool in project["optional-dependencies"]["test"] if not tool.startswith(project["name"] + "[")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--print", action="store_true", help="print the pins and stop")
    args = parser.parse_args()
    pins = floors()
    print("Lowest allowed versions:", " ".join(pins), flush=True)
    if args.print:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        python = str(venv / "bin" / "python")
        constraints = Path(tmp) / "lowest.txt"
        constraints.write_text("\n".join(pins) + "\n", encoding="utf-8")
        subprocess.run([python, "-m", "pip", "install", "-q", "-c", str(constraints), "-e", str(ROOT), *testing_tools()], check=True)
        subprocess.run([python, "-m", "pip", "freeze"], check=True)
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        return subprocess.run([python, "-m", "pytest", "-p", "no:cacheprovider", *SUITE], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
