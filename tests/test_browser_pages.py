"""Every page in Chromium: offline, no errors, accessible in light and dark."""

import pytest

from browser_checks import PageWatch, axe_violations
from sitebuild import page_url, page_urls

PAGES = page_urls() + ["404.html", page_url("print_page.md")]  # the last: mkdocs-print-site-plugin
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("url", PAGES)
def test_page_is_offline_clean_and_accessible(browser, site_url, url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    try:
        page.goto(site_url + url, wait_until="networkidle")
        assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme], "palette not applied"
        problems = watch.problems() + [f"axe {v}" for v in axe_violations(page)]
    finally:
        context.close()
    assert not problems, f"/{url} ({scheme}):\n" + "\n".join(problems)
