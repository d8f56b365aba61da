"""Hosting: the documented headers and policy, every link under any path."""

import os
import re
import subprocess
import urllib.error
import urllib.request

import pytest

from browser_checks import PageWatch
from hosting import NGINX, HOSTING, SUB_PATH, crawl, csp_hash, documented_csp, documented_headers, fetch, nginx, page_policy, serve
from sitebuild import ROOT, page_url, page_urls

# Source expressions a policy may use that load nothing from outside the site.
LOCAL_SOURCES = re.compile(r"'self'|'none'|data:|'sha256-[A-Za-z0-9+/]+=*'")
# What a policy in a meta element cannot say: the response headers keep it.
HEADER_ONLY = {"frame-ancestors", "report-uri", "report-to", "sandbox"}


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


# --- The documented headers ------------------------------------------------------

def test_the_documented_headers_say_only_what_a_page_cannot_say_itself():
    header = directives(documented_csp())
    assert set(header) <= HEADER_ONLY, f"the pages carry their own policy; the header says only {sorted(HEADER_ONLY)}"
    assert header["frame-ancestors"] == ["'self'"]
    assert documented_headers()["X-Content-Type-Options"] == "nosniff"
    assert documented_headers()["Referrer-Policy"] == "same-origin"


# --- The policy in every page -------------------------------------------------------

def test_every_page_carries_a_policy_naming_exactly_its_inline_scripts_and_styles(site_dir):
    """Read from the built pages (hosting.page_policy): the policy stands
    before any script or style, allows nothing from outside the site and
    nothing unsafe, and names by hash exactly the inline scripts and styles
    of its page (and the one the iframe-worker shim writes from disk)."""
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 60
    problems = []
    for page in pages:
        found = page_policy(page)
        name = page.relative_to(site_dir).as_posix()
        if found.policy is None:
            problems.append(f"{name}: no policy")
            continue
        if found.before_policy:
            problems.append(f"{name}: {found.before_policy} before the policy")
        policy = directives(found.policy)
        foreign = [value for values in policy.values() for value in values if not LOCAL_SOURCES.fullmatch(value)]
        if policy.get("default-src") != ["'none'"] or foreign:
            problems.append(f"{name}: default-src {policy.get('default-src')}, sources not the site's own: {foreign}")
        for needed in ["script-src", "style-src", "img-src", "connect-src", "worker-src", "frame-src", "base-uri", "form-action", "object-src"]:
            if needed not in policy:
                problems.append(f"{name}: no {needed}")
        scripts = {csp_hash(script) for script in found.scripts} | ({csp_hash(found.shim_script)} if found.shim_script else set())
        if set(policy.get("script-src", [])) != {"'self'"} | scripts:
            problems.append(f"{name}: script-src {policy.get('script-src')} but the page runs {sorted(scripts)}")
        styles = {csp_hash(style) for style in found.styles}
        if set(policy.get("style-src", [])) != {"'self'"} | styles:
            problems.append(f"{name}: style-src {policy.get('style-src')} but the page holds {sorted(styles)}")
        if "/stylesheets/main." in page.read_text(encoding="utf-8") and len(found.styles) != 1:
            problems.append(f"{name}: {len(found.styles)} <style> elements, not the one of its stylesheet (main.html)")
    assert not problems, "\n".join(problems[:20])
    home = page_policy(site_dir / "index.html")
    assert len(home.scripts) >= 4 and len(home.styles) == 1 and home.shim_script, "has the check lost its way?"


def test_the_check_of_the_page_policy_finds_a_script_it_does_not_name(site_dir, tmp_path):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    (tmp_path / "index.html").write_text(html.replace("</body>", "<script>alert(1)</script></body>"), encoding="utf-8")
    found = page_policy(tmp_path / "index.html")
    assert csp_hash("alert(1)") not in found.policy and "alert(1)" in found.scripts


def test_no_page_has_a_style_attribute(site_dir):
    """The policy allows no style attribute (no 'unsafe-inline')."""
    inline = [
        f"{page.relative_to(site_dir)}: {match}"
        for page in site_dir.rglob("*.html")
        for match in re.findall(r'\sstyle="[^"]*"', page.read_text(encoding="utf-8"))
    ]
    assert not inline, "\n".join(inline[:10])


@pytest.mark.parametrize("snippet", ["nginx.conf", "apache.conf", "web.config"])
def test_every_server_snippet_sends_the_documented_headers(snippet):
    text = (HOSTING / snippet).read_text(encoding="utf-8")
    for name, value in documented_headers().items():
        sent = re.findall(rf'{re.escape(name)}"?\s+(?:value=)?"([^"]*)"', text)
        assert sent == [value], f"{snippet}: {name} differs from hosting/headers.http"


# --- Building for hosting --------------------------------------------------------

FAKE_MKDOCS = """#!/bin/sh
# Stands in for mkdocs: writes $EDITION into --site-dir, or half of it and fails.
while [ $# -gt 0 ]; do case "$1" in --site-dir|-d) dir="$2"; shift;; esac; shift; done
dir="${dir:-site}"
rm -rf "$dir" && mkdir -p "$dir"
if [ "$FAIL" = 1 ]; then echo "ERROR - Page error" >&2; exit 1; fi
echo "$EDITION" > "$dir/index.html"
"""


def test_the_readmes_build_for_hosting_never_leaves_the_site_empty(tmp_path):
    """The README's steps, run with a stand-in for mkdocs: the first build,
    a failed one (the site stays as it was), a good one (swapped in)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Build for hosting"):]
    steps = [block for block in re.findall(r"```sh\n(.*?)```", section, re.S) if "site.new" in block][0]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "mkdocs").write_text(FAKE_MKDOCS, encoding="utf-8")
    (bin_dir / "mkdocs").chmod(0o755)
    host = tmp_path / "host"
    host.mkdir()

    def build(edition: str, fail: bool = False) -> int:
        env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "EDITION": edition, "FAIL": "1" if fail else "0"}
        return subprocess.run(["sh", "-c", steps], cwd=host, env=env, capture_output=True).returncode

    def served() -> str:
        return (host / "site" / "index.html").read_text(encoding="utf-8").strip()

    assert build("1") == 0 and served() == "1"
    assert build("2", fail=True) != 0 and served() == "1"
    assert build("3") == 0 and served() == "3"
    assert (host / "site.old" / "index.html").read_text(encoding="utf-8").strip() == "1"
    assert not (host / "site.new").exists()


# --- Served from a web server ------------------------------------------------------

def test_the_test_server_sends_the_documented_headers(site_url):
    assert site_url.endswith(SUB_PATH)
    with urllib.request.urlopen(site_url + page_url("deel-1/mindset.md")) as response:
        for name, value in documented_headers().items():
            assert response.headers[name] == value


@pytest.mark.parametrize("prefix", ["/", SUB_PATH], ids=["root", "sub-path"])
def test_every_link_and_asset_of_every_page_answers_200(hosted_copy, prefix):
    with serve(hosted_copy, prefix, documented_headers()) as base:
        result = crawl(base)
    assert not result.problems, "\n".join(result.problems)
    missing = sorted(set(page_urls()) - result.pages)
    assert not missing, f"pages no link leads to: {missing}"
    kinds = {url.rsplit(".", 1)[-1] for url in result.checked}
    assert {"html", "css", "js", "svg", "json", "zip", "pdf"} <= kinds, f"the crawl checked only {sorted(kinds)}"
    assert result.outside_links, "no link to another site found: are links followed at all?"


def test_the_crawl_finds_a_broken_link_and_an_outside_asset(tmp_path, site_dir):
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://cdn.example/x.css"><a href="weg.html">weg</a><a href="/elders.html">elders</a>',
        encoding="utf-8",
    )
    with serve(tmp_path, SUB_PATH) as base:
        problems = "\n".join(crawl(base).problems)
    assert "weg.html: 404" in problems
    assert "'https://cdn.example/x.css' from outside the site" in problems
    assert "'/elders.html' leaves the site's folder" in problems


def test_a_missing_address_gets_the_dutch_404_page(site_url):
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(site_url + "bestaat-niet.html")
    assert answer.value.code == 404
    assert "Pagina niet gevonden" in answer.value.read().decode("utf-8")


@pytest.mark.skipif(NGINX is None and not os.environ.get("CI"), reason="nginx is not installed (apt-get install nginx-light)")
def test_nginx_with_the_snippet_serves_the_site_as_documented(site_dir, tmp_path):
    """The project's nginx.conf in a real nginx: the folder without its
    slash is redirected, every page and asset answers with the documented
    headers, a missing page gets the 404 page, _root/ goes to the root."""
    with nginx(site_dir, tmp_path) as server:
        base = server + SUB_PATH
        answer = fetch(base.rstrip("/"))
        assert answer.status == 301
        with urllib.request.urlopen(base.rstrip("/")) as followed:  # follows the redirect
            assert followed.url == base and "Positief in Gesprek" in followed.read().decode("utf-8")
        with urllib.request.urlopen(base + page_url("deel-1/mindset.md")) as response:
            for name, value in documented_headers().items():
                assert response.headers[name] == value, name
        missing = fetch(base + "deel-1/bestaat-niet.html")
        assert missing.status == 404
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(base + "deel-1/bestaat-niet.html")
        assert "Pagina niet gevonden" in error.value.read().decode("utf-8")
        assert fetch(base + "deel-1/_root/assets/favicon.svg").status == 302
        result = crawl(base)
    assert not result.problems, "\n".join(result.problems[:20])
    assert len(result.pages) > 60


@pytest.mark.parametrize("snippet", ["nginx.conf", "apache.conf", "web.config"])
def test_every_server_snippet_redirects_the_folder_without_its_slash(snippet):
    """Checked in a real nginx above; Apache and IIS (not installed here) by their text."""
    text = (HOSTING / snippet).read_text(encoding="utf-8")
    folder = SUB_PATH.rstrip("/")
    assert {
        "nginx.conf": f"location = {folder} {{\n    return 301 {SUB_PATH};",
        "apache.conf": f"RedirectMatch 301 ^{folder}$ {SUB_PATH}",
        "web.config": f'<action type="Redirect" url="{SUB_PATH}" redirectType="Permanent" />',
    }[snippet] in text


@pytest.mark.parametrize("snippet", ["nginx.conf", "apache.conf", "web.config"])
def test_every_server_snippet_sends_the_404_pages_links_to_the_root(snippet):
    text = (HOSTING / snippet).read_text(encoding="utf-8")
    assert "404.html" in text and "_root/(.*)$" in text


@pytest.mark.browser
@pytest.mark.parametrize("missing", ["bestaat-niet.html", "deel-1/bestaat-niet.html", "deel-2/oud/weg.html"])
def test_the_404_page_is_styled_in_every_folder(browser, site_url, missing):
    page = browser.new_page()
    watch = PageWatch(site_url).attach(page)
    try:
        response = page.goto(site_url + missing)
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Pagina niet gevonden"
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        page.get_by_role("link", name="Dit werkboek").first.click()
        page.wait_for_url(site_url + page_url("index.md"))
    finally:
        page.close()
    assert [p for p in watch.problems() if missing not in p] == []  # only the missing page itself is 404


@pytest.mark.browser
def test_a_csp_violation_is_reported(browser, site_url):
    """The watch sees what the policy blocks: here an inline script added later."""
    page = browser.new_page()
    watch = PageWatch(site_url).attach(page)
    try:
        page.goto(site_url)
        page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.body.append(s); }""")
        page.wait_for_timeout(200)
        ran = page.evaluate("window.ran")
    finally:
        page.close()
    assert ran is None, "the inline script ran: no policy?"
    assert any("CSP violation: script-src-elem" in problem for problem in watch.problems()), watch.problems()
