"""The print rules generated from the data, and the one stylesheet that holds them."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from macros.render.print_css import css_string, generated_rules, named_page, pack_counter_style, stylesheet
from sitebuild import DOCS, build_site, copy_project

STATIC = (DOCS / "assets" / "site.css").read_text(encoding="utf-8")


def test_a_named_page_has_a_footer_that_cannot_escape_its_string():
    css = named_page("pig-ws-proef", 'Positief in Gesprek · Proef & "test" </style>', [".a", "body:has(.b)"])
    assert css.startswith("@page pig-ws-proef {") and 'counter(page)' in css
    assert "Positief in Gesprek · Proef" in css
    assert "<" not in css and '"test"' not in css
    # One rule per selector: a browser that does not know one drops only that one.
    assert css.splitlines()[1:] == [".a { page: pig-ws-proef; }", "body:has(.b) { page: pig-ws-proef; }"]
    assert css_string('a"b\\c</style>') == '"a\\22 b\\5c c\\3c \\2f style\\3e "'


def test_every_sheet_and_every_guide_has_its_named_page(worksheets, conversations):
    css = generated_rules(worksheets, conversations)
    for sheet in worksheets:
        assert f"@page pig-ws-{sheet.id} {{" in css
        assert f'.pig-ws[data-worksheet="{sheet.id}"] {{ page: pig-ws-{sheet.id}; }}' in css
        # On its own page a sheet says how many pages it has: "pagina 1 van 2".
        assert f'body:has(.md-content__inner > .pig-ws[data-worksheet="{sheet.id}"]) {{ page: pig-own-{sheet.id}; }}' in css
        # The werkmap starts on the page of its first printed sheet: CSS, not a script.
        assert f'body:has(.pig-pack__sheets > .pig-ws[data-worksheet="{sheet.id}"]:not(.pig-ws--skipped)' in css
    # In the werkmap each sheet counts its own pages from 1 ("pagina 1 van 2"),
    # with the counter style that starts where the sheet starts when every
    # sheet is printed (a script writes the starts for a choice).
    start = 1
    for sheet in worksheets:
        assert f'.pig-pack__sheets > .pig-ws[data-worksheet="{sheet.id}"] {{ page: pig-pack-{sheet.id}; }}' in css
        assert f'"pagina " counter(page, pig-pack-{sheet.id}) " van {sheet.pages}"' in css
        assert f"@counter-style pig-pack-{sheet.id} {{ system: fixed {start}; " in css
        start += sheet.pages
    for conversation in conversations:
        assert f"@page pig-conv-{conversation.id} {{" in css
        assert f"Gespreksgids: {conversation.person.name}" in css
    assert ".pig-conv-print { page: pig-ws-reflectie-voorbereiden; }" in css
    assert css.count("{") == css.count("}")


def test_a_sheets_counter_style_numbers_its_declared_pages_from_one():
    assert pack_counter_style("job-craften", 7, 2) == '@counter-style pig-pack-job-craften { system: fixed 7; symbols: "1" "2"; }'
    assert pack_counter_style("hefbomen", 1, 1).endswith('symbols: "1"; }')


def test_the_site_links_one_stylesheet_of_its_own_that_holds_every_rule(site_dir, worksheets, conversations):
    css = (site_dir / "assets" / "site.css").read_text(encoding="utf-8")
    assert css == stylesheet(STATIC, worksheets, conversations)
    assert css.count("@page pig-ws-hefbomen ") == 1 and css.count("@page pig-own-hefbomen ") == 1
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    own = [href for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', home) if "assets/stylesheets/" not in href]
    assert own == ["assets/site.css"]


def test_no_print_rule_is_set_from_a_script():
    for script in (DOCS / "assets").rglob("*.js"):
        if "vendor" in script.parts:
            continue
        text = script.read_text(encoding="utf-8")
        assert not re.search(r"""style\.(setProperty\(\s*["']page|page\s*=)""", text), script


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_the_stylesheet_is_the_same_after_build_dirty_build_and_under_serve(tmp_path, site_dir):
    built = (site_dir / "assets" / "site.css").read_bytes()
    project = copy_project(tmp_path)
    out = tmp_path / "site"
    assert build_site(project, out).returncode == 0
    first = (out / "assets" / "site.css").read_bytes()
    dirty = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--dirty", "--site-dir", str(out)],
        # Without PDFs, like the first build of the copy (its PDF cache is
        # empty: drawing them all would take half a minute).
        cwd=project, capture_output=True, text=True, timeout=300, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PIG_NO_PDF="1"),
    )
    assert dirty.returncode == 0, dirty.stderr
    assert (out / "assets" / "site.css").read_bytes() == first == built

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/assets/site.css", timeout=5) as response:
                    served = response.read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert served == built


def test_the_stylesheet_has_no_rule_left_open():
    """A rule cut in two (a merge, an edit) leaves a brace open, and a browser
    then reads every later rule as part of it: the print rules vanish."""
    from sitebuild import DOCS

    css = re.sub(r"/\*.*?\*/", "", (DOCS / "assets" / "site.css").read_text(encoding="utf-8"), flags=re.S)
    depth = 0
    for number, line in enumerate(css.splitlines(), start=1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"a brace closes nothing at line {number}"
    assert depth == 0, "a rule is left open"
