"""Hosting: the documented headers and policy, every link under any path."""

import base64
import hashlib
import re
import urllib.request

import pytest

from browser_checks import PageWatch
from hosting import HOSTING, SUB_PATH, crawl, documented_csp, documented_headers, serve
from sitebuild import ROOT, page_url, page_urls

# Source expressions a policy may use that load nothing from outside the site.
LOCAL_SOURCES = re.compile(r"'self'|'none'|data:|'sha256-[A-Za-z0-9+/]+=*'")


def csp_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


def inline_script_hashes(site_dir) -> set[str]:
    """The CSP hash source of every inline script the built pages run."""
    found = set()
    for page in site_dir.rglob("*.html"):
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", page.read_text(encoding="utf-8"), re.S):
            if re.search(r"(?<![\w-])src=", attrs) or re.search(r'type="(?!text/javascript|module)', attrs):
                continue  # a file, or data such as Material's JSON settings
            found.add(csp_hash(body))
    return found


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


# --- The documented policy -------------------------------------------------------

def test_the_documented_policy_loads_nothing_from_outside_and_nothing_unsafe():
    policy = directives(documented_csp())
    assert policy["default-src"] == ["'none'"]
    sources = [value for values in policy.values() for value in values]
    foreign = [value for value in sources if not LOCAL_SOURCES.fullmatch(value)]
    assert not foreign, f"sources that are not the site's own: {foreign}"
    for needed in ["script-src", "style-src", "img-src", "connect-src", "worker-src", "base-uri", "form-action", "frame-ancestors", "object-src"]:
        assert needed in policy, f"{needed} missing"


def test_the_documented_policy_allows_every_inline_script_of_the_site(site_dir):
    policy = documented_csp()
    script_src = directives(policy)["script-src"]
    needed = inline_script_hashes(site_dir)
    assert needed, "no inline script found: has the check lost its way?"
    if set(script_src) != {"'self'"} | needed:
        wanted = re.sub(r"script-src [^;]*", "script-src " + " ".join(["'self'", *sorted(needed)]), policy)
        pytest.fail(f"the README's policy no longer fits the built site; document this one:\n{wanted}")


def test_the_documented_policy_allows_the_stylesheet_of_every_page_and_nothing_else_inline(site_dir):
    """Each page holds the site's stylesheet for it in one <style> element
    (main.html; test_print_css.py checks which); the policy names each of
    those by its hash."""
    policy = documented_csp()
    style_src = directives(policy)["style-src"]
    pages = {page.relative_to(site_dir).as_posix(): page.read_text(encoding="utf-8") for page in site_dir.rglob("*.html")}
    by_page = {page: re.findall(r"<style[^>]*>(.*?)</style>", html, re.S) for page, html in pages.items()}
    themed = {page for page, html in pages.items() if "/stylesheets/main." in html}
    assert len(themed) > 60 and not [page for page in themed if len(by_page[page]) != 1], "a page without its stylesheet, or with two"
    needed = {csp_hash(body) for bodies in by_page.values() for body in bodies}
    if set(style_src) != {"'self'"} | needed:
        wanted = re.sub(r"style-src [^;]*", "style-src " + " ".join(["'self'", *sorted(needed)]), policy)
        pytest.fail(f"the README's policy no longer fits the built site; document this one:\n{wanted}")


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
