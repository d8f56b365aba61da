"""The print rules generated from the data, the site's stylesheets that hold
them (one per page, made of parts: macros/render/stylesheets.py), and the
site's own scripts as published."""

import os
from pathlib import Path
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from macros.render.print_css import css_string, generated_rules, named_page, pack_counter_style
from macros.render.scripts import is_own_script, minified_script
from macros.render.stylesheets import (
    BUNDLES,
    COMPLETE,
    PARTS,
    bundle_css,
    bundle_for,
    handwritten_css,
    parts_needed,
    print_rules_css,
    print_rules_path,
)
from sitebuild import DOCS, build_site, copy_project

PARTS_DIR = DOCS / "assets" / "css"
STATIC = {part: (PARTS_DIR / f"{part}.css").read_text(encoding="utf-8") for part in PARTS}


def test_a_named_page_has_a_footer_that_cannot_escape_its_string():
    css = named_page("pig-ws-proef", 'Positief in Gesprek · Proef & "test" </style>', [".a", "body:has(.b)"])
    assert css.startswith("@page pig-ws-proef {") and 'counter(page)' in css
    assert "Positief in Gesprek · Proef" in css
    assert "<" not in css and '"test"' not in css
    # One rule per selector: a browser that does not know one drops only that one.
    assert css.splitlines()[1:] == [".a { page: pig-ws-proef; }", "body:has(.b) { page: pig-ws-proef; }"]
    assert css_string('a"b\\c</style>') == '"a\\22 b\\5c c\\3c \\2f style\\3e "'


def test_a_printed_sheet_leads_back_to_its_page_only_where_the_site_has_an_address(worksheets, conversations):
    import segno

    address = "https://intranet.example.org/werkboek/werkbladen/hefbomen.html"
    parts = generated_rules(worksheets, conversations, {"hefbomen": address})
    code = segno.make(address, error="m").svg_data_uri(scale=1, border=0)
    for part in ("sheets", "werkmap"):  # on its own page (and its PDF) and in the werkmap
        rule = next(line for line in parts[part].splitlines() if "@page pig-own-hefbomen " in line or "@page pig-pack-hefbomen " in line)
        assert css_string("Online: intranet.example.org/werkboek/werkbladen/hefbomen.html") in rule
        assert f'content: url("{code}")' in rule and code.startswith("data:image/svg+xml")
        assert parts[part].count("Online: ") == 1  # no address where none is given
    assert "Online" not in parts["book"] and "Online" not in parts["conversations"]
    # Without the site's address (no site_url): nothing.
    assert not [part for part, css in generated_rules(worksheets, conversations).items() if "Online" in css or "data:image" in css]


def test_every_sheet_and_every_guide_has_its_named_page(worksheets, conversations):
    parts = generated_rules(worksheets, conversations)
    css = "\n".join(parts.values())
    # Each part gets its own: a page that shows no werkmap loads none of its rules.
    assert "pig-pack" not in parts["sheets"] and "pig-conv" not in parts["sheets"]
    assert "@page pig-ws-" not in parts["sheets"] and "@page pig-own-" in parts["sheets"]
    assert "@page pig-ws-" not in parts["werkmap"] and "@page pig-pack-" in parts["werkmap"]
    # A guide prints its preparation sheet with that sheet's named page of the book.
    assert "@page pig-ws-reflectie-voorbereiden " in parts["conversations"]
    assert parts["book"].count("@page pig-ws-") == len(list(worksheets))
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


def test_a_page_gets_the_smallest_stylesheet_that_holds_what_it_shows():
    assert parts_needed('<p class="x">tekst</p>') == {"base"}
    assert parts_needed('<section class="pig-ws" data-worksheet="a"><p class="pig-ws__text">') == {"base", "sheets"}
    assert parts_needed('<div class="pig-answer-bar pig-ui"></div><section class="pig-ws">') == {"base", "sheets", "answers"}
    # A class that only starts like a marker is not it.
    assert parts_needed('<a class="pig-ws-link">') == {"base"}
    assert bundle_for({"base"}) == "site"
    assert bundle_for({"base", "sheets", "answers"}) == "sheet"
    assert bundle_for({"base", "sheets"}) == "sheet"  # the first of the smallest that hold it
    assert bundle_for({"base", "mindset-test", "planner"}) == COMPLETE
    assert set(BUNDLES[COMPLETE]) == set(PARTS)
    assert print_rules_path("site") == "assets/site.print.css" and print_rules_path("sheet") == "assets/site-sheet.print.css"


def site_pages(site_dir):
    """The built site's pages (not its assets), in order."""
    return [path for path in sorted(site_dir.rglob("*.html")) if "assets" not in path.relative_to(site_dir).parts]


def own_stylesheets(html: str) -> list[str]:
    """The site's own stylesheets a page holds (in <style> elements) or links
    for every medium (its print rules, linked for print, aside)."""
    linked = [href for href in re.findall(r'<link rel="stylesheet" href="([^"]+)">', html) if "/stylesheets/" not in href]
    return re.findall(r"<style>(.*?)</style>", html, re.S) + linked


def selector_classes(css: str) -> list[set[str]]:
    """The classes each selector of ``css`` asks for (not those inside :not())."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = []
    for head in re.findall(r"([^{}]+)\{", css):
        if head.strip().startswith("@"):
            continue
        for selector in re.split(r",(?![^(]*\))", head):
            selector = re.sub(r":not\([^()]*(\([^()]*\)[^()]*)*\)", "", selector)
            classes = set(re.findall(r"\.(pig-[\w-]+)", selector))
            if classes:
                found.append(classes)
    return found


def test_every_page_holds_one_stylesheet_of_its_own_with_every_rule_that_applies_to_it(site_dir, worksheets, conversations):
    generated = generated_rules(worksheets, conversations)
    # No page links a stylesheet as a whole: none is published, only print rules.
    assert [path.name for path in (site_dir / "assets").glob("site*.css") if not path.name.endswith(".print.css")] == []
    # A page holds the hand-written rules and links the generated ones for print.
    held = {name: handwritten_css(name, STATIC) for name in BUNDLES}
    assert not [name for name in BUNDLES if "@page pig-" in held[name]]  # no named page of the data
    rules = {part: selector_classes(STATIC[part]) for part in PARTS}
    linked = {}
    for path in site_pages(site_dir):
        html = path.read_text(encoding="utf-8")
        own = own_stylesheets(html)
        assert len(own) == 1, (path, own)
        # Material's first, without its palette stylesheet (the site's schemes are in base.css).
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)
        material = links[0].rsplit("/", 1)[-1]
        assert re.fullmatch(r"main\.[0-9a-f]{8}\.min\.css", material) and (site_dir / "assets" / "stylesheets" / material).is_file(), (path, links)
        assert not [link for link in links if "palette" in link], path
        # In the page (main.html): no second stylesheet file to wait for.
        name = next((name for name in BUNDLES if own[0] == held[name]), None)
        assert name, f"{path}: its <style> is none of the site's stylesheets"
        # The data's print rules: linked, for print only, where there are some.
        print_links = re.findall(r'<link rel="stylesheet" href="([^"]+)" media="print">', html)
        expected = print_rules_css(name, generated)
        assert len(print_links) == (expected is not None), (path, print_links)
        if print_links:
            assert print_links[0].endswith(print_rules_path(name).removeprefix("assets"))
            assert (site_dir / print_rules_path(name)).read_text(encoding="utf-8") == expected
        linked[path.relative_to(site_dir).as_posix()] = name
        classes = {c for value in re.findall(r'\sclass="([^"]*)"', html) for c in value.split()}
        for part, selectors in rules.items():
            if any(selector <= classes for selector in selectors):
                assert part in BUNDLES[name], f"{path}: a rule of part {part!r} applies, but the stylesheet {name!r} does not hold it"
    assert linked["index.html"] == "site" and linked["deel-1/mindset.html"] == "site"
    assert linked["werkbladen/hefbomen.html"] == "sheet" and linked["deel-4/myra.html"] == "conversation"
    assert linked["bijlagen/mindset-test.html"] == "mindset-test" and linked["print_page.html"] == COMPLETE
    sheet = bundle_css("sheet", STATIC, generated)
    assert sheet.count("@page pig-own-hefbomen") == 1 and "@page pig-ws-" not in sheet
    assert "pig-pack" not in sheet and "pig-mt" not in sheet
    complete = bundle_css(COMPLETE, STATIC, generated)
    assert complete.count("@page pig-ws-hefbomen") == 1 and complete.count("@page pig-own-hefbomen") == 1
    assert "@page pig-" not in bundle_css("site", STATIC, generated)
    # Material marks a scheme switch on <body> at every page load: a rule keyed
    # on that mark would restyle the whole page twice (base.css).
    assert not [name for name in BUNDLES if "data-md-color-switching" in bundle_css(name, STATIC, generated)]


def test_the_site_publishes_its_own_scripts_minified_and_vendored_ones_as_they_came(site_dir):
    scripts = [path for path in DOCS.rglob("*.js") if is_own_script(path.relative_to(DOCS).as_posix())]
    assert len(scripts) >= 5
    for source in scripts:
        text = source.read_text(encoding="utf-8")
        built = (site_dir / source.relative_to(DOCS)).read_text(encoding="utf-8")
        assert built == minified_script(text) and len(built) < len(text), source
    vendored = DOCS / "assets" / "vendor" / "iframe-worker" / "shim.js"
    assert not is_own_script("assets/vendor/iframe-worker/shim.js")
    assert (site_dir / "assets" / "vendor" / "iframe-worker" / "shim.js").read_bytes() == vendored.read_bytes()


def test_every_page_that_holds_a_table_loads_the_tables_script_and_no_other_does(site_dir):
    """Material's scrolling table boxes are named and reachable by keyboard
    by tables.js: on every page with a table (the whole book's included)."""
    with_table = []
    for path in site_pages(site_dir):
        html = path.read_text(encoding="utf-8")
        loads = re.findall(r'<script src="[^"]*assets/tables\.js"', html)
        assert len(loads) == ("<table" in html), (path, loads)
        if loads:
            with_table.append(path.relative_to(site_dir).as_posix())
    assert "print_page.html" in with_table and "deel-4/index.html" in with_table and "index.html" not in with_table


def test_materials_script_is_deferred_and_every_script_of_the_site_runs_after_it(site_dir):
    """The first paint does not wait for Material's script (main.html), and
    the site's scripts, which use its document$, run after it: deferred too,
    and later in the page."""
    for path in site_pages(site_dir):
        html = path.read_text(encoding="utf-8")
        files = [(src, attrs) for src, attrs in re.findall(r'<script src="([^"\']+)"([^>]*)>', html)]
        bundle = [i for i, (src, _) in enumerate(files) if re.search(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js$", src)]
        assert len(bundle) == 1 and "defer" in files[bundle[0]][1], (path, files)
        own = [(i, src, attrs) for i, (src, attrs) in enumerate(files) if "/assets/" in "/" + src and "javascripts/" not in src and "vendor/" not in src]
        assert all(i > bundle[0] and "defer" in attrs for i, _, attrs in own), (path, own)


def test_a_stylesheet_that_would_end_its_style_element_stops_the_build_in_one_line():
    from macros.site.prepare import inline_css
    from macros.site.project import ProjectError

    assert inline_css("sheet", "a{color:red}") == "a{color:red}"
    with pytest.raises(ProjectError) as error:
        inline_css("sheet", 'a:after{content:"x"}</STYLE><script>alert(1)</script>')
    assert "\n" not in str(error.value) and "stylesheet sheet" in str(error.value) and "</style" in str(error.value)


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
def test_the_stylesheets_are_the_same_after_build_dirty_build_and_under_serve(tmp_path, site_dir):
    sheet_page = "werkbladen/hefbomen.html"
    print_rules = print_rules_path("sheet")

    def held(html: str) -> str:
        return "".join(re.findall(r"<style>(.*?)</style>", html, re.S))

    def stylesheets(folder: Path) -> str:
        return held((folder / sheet_page).read_text(encoding="utf-8")) + (folder / print_rules).read_text(encoding="utf-8")

    built = stylesheets(site_dir)
    project = copy_project(tmp_path)
    out = tmp_path / "site"
    assert build_site(project, out).returncode == 0
    first = stylesheets(out)
    dirty = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--dirty", "--site-dir", str(out)],
        # Without PDFs, like the first build of the copy (its PDF cache is
        # empty: drawing them all would take half a minute).
        cwd=project, capture_output=True, text=True, timeout=300, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", WORKBOOK_PDFS="false"),
    )
    assert dirty.returncode == 0, dirty.stderr
    assert stylesheets(out) == first == built

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/{sheet_page}", timeout=5) as response:
                    served = held(response.read().decode("utf-8"))
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/{print_rules}", timeout=5) as response:
                    served += response.read().decode("utf-8")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert served == built


@pytest.mark.parametrize("part", PARTS)
def test_no_part_of_the_stylesheets_leaves_a_rule_open(part):
    """A rule cut in two (a merge, an edit) leaves a brace open, and a browser
    then reads every later rule as part of it: the print rules vanish."""
    css = re.sub(r"/\*.*?\*/", "", STATIC[part], flags=re.S)
    depth = 0
    for number, line in enumerate(css.splitlines(), start=1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"a brace closes nothing at line {number} of {part}.css"
    assert depth == 0, f"a rule is left open in {part}.css"


@pytest.mark.slow
def test_a_missing_part_of_the_stylesheets_stops_the_build_in_one_line(tmp_path):
    project = copy_project(tmp_path)
    (project / "docs" / "assets" / "css" / "planner.css").unlink()
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "The stylesheet part docs/assets/css/planner.css is missing" in result.output
    assert not list((tmp_path / "site").rglob("*")), "files were written"  # nothing half-built


def test_materials_stylesheet_and_script_are_found_by_their_hashed_names_or_the_build_stops_in_one_line(tmp_path):
    from macros.site.prepare import material_assets
    from macros.site.project import ProjectError

    theme, overrides = tmp_path / "material", tmp_path / "overrides"
    (theme / "assets" / "stylesheets").mkdir(parents=True)
    (theme / "assets" / "javascripts").mkdir(parents=True)
    overrides.mkdir()
    (theme / "assets" / "javascripts" / "bundle.89abcdef.min.js").write_text("", encoding="utf-8")
    with pytest.raises(ProjectError) as error:
        material_assets([str(overrides), str(theme)])
    assert "\n" not in str(error.value) and "found none" in str(error.value)
    (theme / "assets" / "stylesheets" / "main.0123abcd.min.css").write_text("", encoding="utf-8")
    (theme / "assets" / "stylesheets" / "palette.0123abcd.min.css").write_text("", encoding="utf-8")
    assert material_assets([str(overrides), str(theme)]) == {
        "stylesheet": "assets/stylesheets/main.0123abcd.min.css",
        "script": "assets/javascripts/bundle.89abcdef.min.js",
    }
    (theme / "assets" / "stylesheets" / "main.4567cdef.min.css").write_text("", encoding="utf-8")
    with pytest.raises(ProjectError, match="expected one"):
        material_assets([str(overrides), str(theme)])