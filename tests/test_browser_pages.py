"""Every page in Chromium: offline, no errors, accessible in light and dark,
nothing sideways at 360 px, not even a table."""

import pytest

from browser_checks import PageWatch, axe_violations, sideways_overflow, wait_until
from sitebuild import page_url, page_urls

PHONE_PAGES = set(page_urls())  # the print page is for paper
PRINT_PAGE = page_url("print_page.md")  # the whole book on one page (macros/site/book.py)
PAGES = page_urls() + ["404.html", PRINT_PAGE]
SCHEMES = {"light": "default", "dark": "slate"}
# Pages whose tables still scroll sideways at 360 px (inside their own
# scroll area, reachable by keyboard): the Verantwoording's lists of
# corrections, to be stacked like the Deel 4 comparison.
SCROLLING_TABLES: set[str] = set()

# The axe rules that depend on the colours: checked again after switching
# the page to the dark palette (every other rule reads the same document).
# The print page holds every other page's content under the same stylesheet,
# so its colours are checked there; on the print page itself (a third of the
# time axe takes on the whole site) axe checks its structure: ids, headings,
# landmarks, links.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def choose_dark(page) -> None:
    """The reader's toggle, clicked round (device, light, dark) until the
    dark palette shows."""
    for _ in range(3):
        if page.evaluate("document.body.dataset.mdColorScheme") == "slate":
            break
        page.locator('form[data-md-component="palette"] label:not([hidden])').click()
    wait_until(page, "document.body.dataset.mdColorScheme === 'slate'")


@pytest.mark.browser
@pytest.mark.parametrize("url", PAGES)
def test_page_is_offline_clean_accessible_and_fits_a_phone(reading_page, site_url, url):
    """One load per page: axe in the light palette, then the reader's switch
    to the dark one (Material's palette toggle) and axe's colour rules, then
    the window narrowed to a 360 px phone: nothing scrolls sideways."""
    page = reading_page
    watch = PageWatch(site_url).attach(page, reporter=False)
    try:
        page.goto(site_url + url)
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default", "palette not applied"
        if url == PRINT_PAGE:
            problems = [f"axe {v}" for v in axe_violations(page, leave_out=COLOUR_RULES)]
        else:
            problems = [f"axe (light) {v}" for v in axe_violations(page)]
            choose_dark(page)
            # Links and buttons fade to their dark colours (base.css): axe reads the end.
            wait_until(page, "document.getAnimations().every(a => a.playState !== 'running')")
            problems += [f"axe (dark) {v}" for v in axe_violations(page, rules=COLOUR_RULES)]
        if url in PHONE_PAGES:
            page.set_viewport_size({"width": 360, "height": 740})
            wait_until(page, "document.documentElement.clientWidth === 360")
            width, overflow = sideways_overflow(page)
            if width > 360 or overflow:
                problems.append(f"{width}px wide at 360px; too wide: {overflow}")
            # Nor a table that scrolls sideways inside the page (issue 18:
            # the overview's cards, the Deel 4 comparison stacked).
            scrolling = page.evaluate(
                "[...document.querySelectorAll('article .md-typeset__scrollwrap, article table')]"
                ".filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.tagName.toLowerCase() + ' ' + el.scrollWidth)"
            )
            if scrolling and url not in SCROLLING_TABLES:
                problems.append(f"scrolls sideways at 360px: {scrolling}")
        problems = watch.problems() + problems
    finally:
        watch.detach()
    assert not problems, f"/{url}:\n" + "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("src", ["index.md", "deel-3/job-craften.md", "werkbladen/hefbomen.md"])
def test_the_readers_scheme_chooses_the_palette_and_the_sidebars_are_accessible(browser, site_url, scheme, src):
    """The navigation and the table of contents, which the other checks leave
    out (the same on every page), on a page at the root, one in a part (the
    current section open) and a generated one."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + page_url(src))
        assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
        assert not axe_violations(page, sidebars=True)
    finally:
        context.close()


@pytest.mark.browser
def test_the_palette_follows_the_device_until_the_reader_chooses(browser, site_url):
    """After a visit in a light device, a device switched to dark gets the
    dark palette (Material's automatic mode); a reader who chose light keeps
    it, whatever the device says."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    try:
        page.goto(site_url + page_url("deel-1/mindset.md"))
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
        page.emulate_media(color_scheme="dark")
        page.goto(site_url + page_url("deel-1/talenten.md"))
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        # The reader's own choice: light (device → light in the toggle's round).
        page.emulate_media(color_scheme="light")
        page.reload()
        page.locator('form[data-md-component="palette"] label:not([hidden])').click()
        wait_until(page, "document.body.dataset.mdColorMedia === '(prefers-color-scheme: light)'")
        page.emulate_media(color_scheme="dark")
        page.reload()
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("src", ["index.md", "deel-1/mindset.md", "deel-4/index.md", "werkbladen/hefbomen.md", "verantwoording.md", "print_page.md"])
def test_every_landmark_has_a_name_of_its_own(reading_page, site_url, src):
    """axe's landmark-unique (a best practice, not among the WCAG rules the
    other checks run): Material's sections in the navigation and the tables'
    scrolling boxes each have a name of their own."""
    reading_page.goto(site_url + page_url(src))
    wait_until(reading_page, "document.querySelectorAll('.md-typeset__scrollwrap:not([aria-label])').length === 0")
    assert not axe_violations(reading_page, ["landmark-unique", "landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo"], sidebars=True)
