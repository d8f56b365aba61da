"""Careless or hostile content: it never reaches a page as markup, and a
mistake in a page is one line that names it, under build and under serve."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from macros.content.base import ContentError
from macros.content.library import load_content
from macros.site.navigation import nav_pages
from macros.site.page_check import page_problem
import sitebuild
from hostile import KEPT, every_text_field, hostile_copy, page_problems
from sitebuild import build_site, copy_project, edit_yaml, mkdocs_config

HOSTILE = "Hefbomen | ] [x](javascript:y) {: #z } * & _a_ `b`"


def step(data, step_id):
    return next(s for s in data["steps"] if s["id"] == step_id)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The site built from data with markup and Markdown characters in every
    field that lands in generated Markdown."""
    tmp = tmp_path_factory.mktemp("hostile")
    project = copy_project(tmp)
    data = project / "docs" / "data"
    edit_yaml(data / "worksheets" / "hefbomen.yaml", lambda d: d.update(title=HOSTILE))
    edit_yaml(data / "conversations" / "myra.yaml", lambda d: d["person"].update(name="My|ra *x* [y](z)"))
    edit_yaml(data / "conversations" / "hans.yaml", lambda d: step(d, "verbeterdoelen").update(title="Verbeterdoelen {x} | _i_"))
    result = build_site(project, tmp / "site")
    return result


@pytest.mark.slow
def test_hostile_titles_build_cleanly_and_never_become_markup(hostile_site):
    assert hostile_site.returncode == 0, hostile_site.output
    assert not [line for line in hostile_site.output.splitlines() if line.startswith("WARNING")]
    site = hostile_site.site_dir
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'href="javascript:' not in html and 'href="z"' not in html, page
        assert "<em>x</em>" not in html and "<em>i</em>" not in html and "<code>b</code>" not in html, page


@pytest.mark.slow
def test_hostile_titles_keep_every_page_whole(hostile_site):
    site = hostile_site.site_dir
    shown = "Hefbomen | ] [x](javascript:y) {: #z } * &amp; _a_ `b`"
    sheet = (site / "werkbladen" / "hefbomen.html").read_text(encoding="utf-8")
    assert f">{shown}<a class=\"headerlink\"" in sheet
    overview = (site / "werkbladen" / "index.html").read_text(encoding="utf-8")
    card = re.search(r'<li class="pig-ml__card" data-worksheet="hefbomen"[^>]*>(.*?)</li>', overview, re.S)
    # A template's escaping (templating.inert): HTML's and Markdown's characters as references.
    escaped = "Hefbomen | &#93; &#91;x&#93;(javascript:y) &#123;: #z &#125; &#42; &amp; &#95;a&#95; &#96;b&#96;"
    assert card and f'<a href="hefbomen.html">{escaped}</a></h2>' in card.group(1)
    assert card.group(1).count("<dt>") == 4  # the card keeps its facts (kind, part, who, size; the book names no needs)
    reading = (site / "deel-1" / "hefbomen.html").read_text(encoding="utf-8")
    assert "[Werkblad" not in reading
    assert f'class="md-button pig-ws-link pig-ui" href="../werkbladen/hefbomen.html">Werkblad om af te drukken: {shown}</a>' in reading
    compare = (site / "deel-4" / "index.html").read_text(encoding="utf-8")
    table = compare[compare.index("<table>"):compare.index("</table>")]
    for tr in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        assert len(re.findall(r"<t[dh]", tr)) == 4, tr
    assert "My|ra *x* [y](z)" in table
    assert '<span class="pig-compare__who">My|ra *x* [y](z):</span>' in table
    hans = (site / "deel-4" / "hans.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 class="pig-step" id="stap-(\d)">\1\. Verbeterdoelen \{x\} \| _i_', hans)


def test_a_title_with_markup_is_refused_naming_file_and_field(tmp_path):
    project = copy_project(tmp_path)
    edit_yaml(project / "docs" / "data" / "worksheets" / "hefbomen.yaml", lambda d: d.update(title="Hefbomen <script>alert(1)</script>"))
    with pytest.raises(ContentError) as caught:
        load_content(project / "docs", nav_pages(mkdocs_config()["nav"]), project)
    message = str(caught.value)
    assert "docs/data/worksheets/hefbomen.yaml: worksheet 'hefbomen': field 'title': may not hold '<' or '>'" in message


@pytest.mark.parametrize(
    "file, change, control, expected",
    [
        ("worksheets/hefbomen.yaml", lambda d, c: d.update(title=f"Hef{c}bomen"), "\u202e", "worksheets/hefbomen.yaml: worksheet 'hefbomen': field 'title'"),
        (
            "conversations/hans.yaml",
            lambda d, c: d["steps"][1].update(title=f"Onder{c}zoeken"),
            "\u2066",
            "conversations/hans.yaml: conversation 'hans', 'onderzoeken': field 'steps['onderzoeken'].title'",
        ),
        ("technieken.yaml", lambda d, c: d["technieken"][0].update(title=f"{c}x"), "\u200f", "technieken.yaml: technique"),
        ("planner.yaml", lambda d, c: d["stuck"]["pages"][0].update(title=f"Deel 5{c}"), "\u061c", "planner.yaml: planner: field 'stuck.pages[1].title'"),
    ],
    ids=["worksheet-RLO", "step-LRI", "technique-RLM", "planner-link-ALM"],
)
def test_a_title_with_a_bidirectional_control_is_refused_naming_file_item_and_field(tmp_path, file, change, expected, control):
    project = copy_project(tmp_path)
    edit_yaml(project / "docs" / "data" / file, lambda d: change(d, control))
    with pytest.raises(ContentError) as caught:
        load_content(project / "docs", nav_pages(mkdocs_config()["nav"]), project)
    message = str(caught.value)
    assert "\n" not in message and expected in message, message
    assert f"bidirectional control character (U+{ord(control):04X})" in message, message


@pytest.mark.parametrize(
    "file, change, expected",
    [
        (
            "conversations/hans.yaml",
            lambda d: d["situation"].__setitem__(0, 'Hans *werkt*{: onclick="alert(1)" } hard.'),
            "conversations/hans.yaml: conversation 'hans': field 'situation[1]': holds '{' or '}'",
        ),
        (
            "corrections.yaml",
            lambda d: d["corrections"][0].update(corrected="zorgen <script>alert(1)</script>"),
            "corrections.yaml: corrections, '",
        ),
    ],
    ids=["prose-attribute-list", "correction-with-a-tag"],
)
def test_markup_that_would_reach_a_page_unescaped_is_refused(tmp_path, file, change, expected):
    """Prose is Markdown (an attribute list gives it attributes) and a
    correction is put into the text as it stands: both refuse markup."""
    project = copy_project(tmp_path)
    edit_yaml(project / "docs" / "data" / file, change)
    with pytest.raises(ContentError) as caught:
        load_content(project / "docs", nav_pages(mkdocs_config()["nav"]), project)
    assert "\n" not in str(caught.value) and expected in str(caught.value), str(caught.value)


# --- A mistake in a page ----------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize(
    "added, message",
    [
        ("{{ onbekend }}", "UndefinedError: 'onbekend' is undefined"),
        ("{% if %}", "Expected an expression"),
        ('{{ questions("hefbomen", bogus=1) }}', "TypeError"),
        ('{{ figure("bestaat-niet") }}', "unknown figure 'bestaat-niet'"),
    ],
)
def test_a_page_error_is_one_line_naming_page_and_line(tmp_path, added, message):
    project = copy_project(tmp_path)
    page = project / "docs" / "deel-1" / "mindset.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    page.write_text("\n".join(lines + ["", added, ""]), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    errors = [line for line in result.output.splitlines() if "Page error" in line]
    assert len(errors) == 1, result.output
    assert f"Page error in docs/deel-1/mindset.md, line {len(lines) + 2}: " in errors[0]
    assert message in errors[0]
    assert "Traceback" not in result.output and "Macro Rendering Error" not in result.output
    assert not (tmp_path / "site" / "deel-1" / "mindset.html").exists()


# --- A page is code: what it may not bring ------------------------------------------

@pytest.mark.parametrize(
    "html, expected",
    [
        ("<p>x</p><script>alert(1)</script>", "a <script> element"),
        ('<p onclick="alert(1)">x</p>', "an event handler (onclick= on <p>)"),
        ('<a href=" JaVa\tscript:alert(1)">x</a>', "a script address"),
        ('<img src="https://example.org/x.png" alt="">', 'a resource from outside the site (src="https://example.org/x.png" on <img>)'),
        ('<img srcset="x.png 1x, //example.org/y.png 2x" alt="">', "a resource from outside the site (srcset=\"//example.org/y.png\""),
        ('<iframe src="frame.html"></iframe>', "a <iframe> element"),
        ("<style>p{color:red}</style>", "a <style> element"),
        ('<svg><image href="http://example.org/x.svg"/></svg>', "a resource from outside the site"),
        ('<p style="color:red">x</p>', "a style attribute"),
    ],
)
def test_a_page_that_brings_code_or_outside_resources_is_named(html, expected):
    message = page_problem("deel-1/mindset.md", html, "Mindset", [])
    assert message and message.startswith("Page error in docs/deel-1/mindset.md: ") and expected in message, message
    assert "\n" not in message


def test_what_pages_rightly_hold_passes_the_check():
    html = (
        '<p><a href="https://example.org/">x</a> <a href="mailto:a@b.nl">m</a> <a href="../deel-2/x.html#y">z</a></p>'
        '<img src="../assets/x.svg" alt=""><img src="data:image/svg+xml;base64,AA" alt=""><svg><use href="#i"/></svg>'
    )
    assert page_problem("index.md", html, "Dit werkboek", ["assets/answers.js"]) is None
    assert "front matter 'scripts': 'https://cdn.example/x.js'" in page_problem("index.md", "", "x", ["https://cdn.example/x.js"])
    assert "front matter 'scripts': '../x.js'" in page_problem("index.md", "", "x", ["../x.js"])
    assert "bidirectional control character (U+202E)" in page_problem("index.md", "", "Dit \u202ewerkboek", [])


@pytest.mark.slow
@pytest.mark.parametrize(
    "added, expected",
    [
        ('Tekst\n{: onclick="alert(1)" }', "an event handler (onclick= on <p>)"),
        ("---\nscripts:\n  - https://cdn.example/x.js\n---\n", "front matter 'scripts': 'https://cdn.example/x.js'"),
    ],
    ids=["handler", "outside-script"],
)
def test_a_page_that_brings_code_stops_the_build_naming_its_file(tmp_path, added, expected):
    """The check is wired into the build (what it finds: the tests above)."""
    project = copy_project(tmp_path)
    page = project / "docs" / "deel-1" / "mindset.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(added + text if added.startswith("---") else text + "\n\n" + added + "\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    errors = [line for line in result.output.splitlines() if "Page error" in line]
    assert len(errors) == 1 and "Page error in docs/deel-1/mindset.md: " in errors[0] and expected in errors[0], result.output
    assert "Traceback" not in result.output


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, server, timeout: float = 90) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        assert server.poll() is None, "mkdocs serve has stopped"
        try:
            html = fetch(url)
            if text in html:
                return html
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{text!r} did not appear on {url}")


@pytest.mark.slow
def test_serve_survives_a_page_error_and_broken_data_and_serves_the_page_again(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "deel-1" / "mindset.md"
    good = page.read_text(encoding="utf-8")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    url = f"http://127.0.0.1:{port}/deel-1/mindset.html"
    try:
        wait_for(url, "Mindset", server)
        page.write_text(good + "\n{{ onbekend }}\n", encoding="utf-8")
        shown = wait_for(url, "Fout in deze pagina", server)
        assert "Page error in docs/deel-1/mindset.md, line" in shown and "Traceback" not in shown
        page.write_text(good, encoding="utf-8")
        wait_for(url, "fixed mindset kan omslaan", server)
        assert "Fout in deze pagina" not in fetch(url)
        # Broken data stops the whole build: every page answers at once
        # with the error, and the preview comes back once it is fixed.
        data = project / "docs" / "data" / "worksheets" / "hefbomen.yaml"
        sound = data.read_text(encoding="utf-8")
        # Written in one step: a file the watcher sees half-written would be another error.
        broken = data.with_suffix(".tmp")
        broken.write_text(sound + "\nid: [\n", encoding="utf-8")
        os.replace(broken, data)
        shown = wait_for(url, "Content error in docs/data/worksheets/hefbomen.yaml: is not valid YAML", server)
        assert "De preview kan niet bouwen" in shown
        started = time.monotonic()
        assert "De preview kan niet bouwen" in fetch(f"http://127.0.0.1:{port}/deel-2/feedback.html")
        assert time.monotonic() - started < 5, "a request waited for a good build"
        data.write_text(sound, encoding="utf-8")
        wait_for(url, "fixed mindset kan omslaan", server)
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
    output = (tmp_path / "serve.log").read_text(encoding="utf-8")
    errors = [line for line in output.splitlines() if "Page error in docs/deel-1/mindset.md" in line]
    assert len(errors) >= 1 and "Traceback" not in output, output


# --- Every data field, every attack ---------------------------------------------------

@pytest.fixture(scope="module")
def hostile_and_clean(tmp_path_factory):
    """The site built from the real data and from data with an attack in
    every free-text field that takes one (hostile.py), both without PDFs."""
    tmp = tmp_path_factory.mktemp("attacks")
    (tmp / "clean").mkdir(), (tmp / "hostile").mkdir()
    clean = build_site(copy_project(tmp / "clean"), tmp / "clean-site", pdfs=False)
    project = copy_project(tmp / "hostile")
    content = sitebuild.load_content()
    made = hostile_copy(project / "docs", content, [(c.file, c.printed) for c in content.corrections])
    return clean, build_site(project, tmp / "hostile-site", pdfs=False), made


@pytest.mark.slow
def test_every_data_field_with_an_attack_reaches_no_page_as_markup(hostile_and_clean):
    clean, hostile, made = hostile_and_clean
    assert clean.returncode == 0, clean.output
    assert hostile.returncode == 0, hostile.output
    uncovered = every_text_field() - made.fields - made.refused - set(KEPT)
    assert not uncovered, f"text fields no data file holds, so no attack reached them: {sorted(uncovered)}"
    assert len(made.fields) > 60 and made.values > 400, (len(made.fields), made.values)
    problems = []
    pages = sorted(hostile.site_dir.rglob("*.html"))
    for page in pages:
        relative = page.relative_to(hostile.site_dir)
        twin = clean.site_dir / relative
        for problem in page_problems(page.read_text(encoding="utf-8"), twin.read_text(encoding="utf-8") if twin.is_file() else None):
            problems.append(f"{relative}: {problem}")
    assert len(pages) > 60
    assert not problems, "\n".join(problems[:40])
