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
    assert card and f'<a href="hefbomen.html">{shown}</a></h2>' in card.group(1)
    assert card.group(1).count("<dt>") == 4  # the card keeps its facts (kind, part, who, size; the book names no needs)
    reading = (site / "deel-1" / "hefbomen.html").read_text(encoding="utf-8")
    assert "[Werkblad" not in reading
    assert f'class="md-button pig-ws-link" href="../werkbladen/hefbomen.html">Werkblad om af te drukken: {shown}</a>' in reading
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
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
def test_serve_survives_a_page_error_and_serves_the_page_again(tmp_path):
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
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
    output = (tmp_path / "serve.log").read_text(encoding="utf-8")
    errors = [line for line in output.splitlines() if "Page error in docs/deel-1/mindset.md" in line]
    assert len(errors) >= 1 and "Traceback" not in output, output
