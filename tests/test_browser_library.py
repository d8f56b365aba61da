"""The home page's ways in and the worksheet overview as a method library,
as a trainer and a leader use them in Chromium: on a phone and a desktop,
by keyboard, from disk, with a link that carries a selection."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest

from browser_checks import PageWatch, axe_violations, tab_until, wait_until
from sitebuild import load_library, page_url

pytestmark = pytest.mark.browser

SHEETS = list(load_library())
# The filter values the overview must give, written down (not computed by
# the renderer that gives them): the sheets each example conversation of
# Deel 4 uses (Myra above, Jeffrey at, Hans below expectations), and the
# "Deel of fase" of the sheets outside the book's parts.
SITUATIONS = {
    "boven": ["historielijn", "waarderend-interview", "doelen-drie-niveaus", "eindejaarsvraag", "wat-nog-niet-lukt", "droomvraag", "experiment"],
    "naar": ["historielijn", "waarderend-interview", "wat-nog-niet-lukt", "droomvraag", "experiment"],
    "onder": ["waarderend-interview", "doelen-drie-niveaus", "schaalvraag"],
}
PHASE_OUTSIDE_PARTS = {
    "reflectie-belangrijk": "reflectie", "reflectie-voorbereiden": "reflectie", "reflectie-vasthouden": "reflectie",
    "progressiecirkel": "na-deel-5",
}
OVERVIEW = page_url("werkbladen/index.md")
WERKMAP = page_url("werkbladen/werkmap.md")

# Each way in on the home page, and the pages its links lead to.
ENTRIES = {
    "Lezen": ["deel-1/index.md", "index.md#leeswijzer"],
    "Een gesprek voorbereiden": ["gespreksplanner.md", "reflectie/voorbereiden.md", "deel-4/myra.md", "deel-4/jeffrey.md", "deel-4/hans.md"],
    "Je mindset checken": ["bijlagen/mindset-test.md"],
    "Een workshop geven": ["werkbladen/index.md", "werkbladen/werkmap.md"],
}


def expected(**chosen: list[str]) -> list[str]:
    """The ids of the sheets a choice of filters shows, from the data."""
    def values(sheet, name):
        if name == "deel":
            return {sheet.part or PHASE_OUTSIDE_PARTS[sheet.id]}
        if name == "wie":
            return {p.who for p in sheet.for_whom} or {"niet-aangegeven"}
        if name == "situatie":
            return {situation for situation, ids in SITUATIONS.items() if sheet.id in ids}
        return {str(sheet.pages)}
    return [s.id for s in SHEETS if all(not v or values(s, name) & set(v) for name, v in chosen.items())]


def shown(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('.pig-ml__card')].filter(c => !c.hidden && c.offsetParent).map(c => c.dataset.worksheet)")


def count(page) -> str:
    return page.locator("[data-pig-library-count]").inner_text()


def absolute(base: str, src: str) -> str:
    path, _, anchor = src.partition("#")
    return base + page_url(path) + (f"#{anchor}" if anchor else "")


# --- The home page -----------------------------------------------------------------

@pytest.mark.parametrize("width,height", [(360, 740), (390, 844), (1366, 768)])
def test_the_ways_in_are_on_the_first_screen_and_lead_to_their_pages(browser, site_url, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=width < 500)
    try:
        page = context.new_page()
        watch = PageWatch(site_url).attach(page)
        home = site_url + page_url("index.md")
        page.goto(home)
        entries = page.locator(".pig-entries .pig-entry")
        assert entries.count() == len(ENTRIES)
        for number, (title, targets) in enumerate(ENTRIES.items()):
            entry = entries.nth(number)
            box = entry.bounding_box()
            assert entry.locator("strong").first.inner_text() == title
            assert box["y"] >= 0 and box["y"] + box["height"] <= height, f"{title!r} ends at {box['y'] + box['height']} px of {height}"
            links = entry.locator("a")
            hrefs = [links.nth(i).evaluate("a => a.href") for i in range(links.count())]
            assert hrefs == [absolute(site_url, target) for target in targets], title
        # Mijn antwoorden and Offline lezen are a tap away, on the first screen too.
        for name, src in [("Mijn antwoorden", "mijn-antwoorden.md"), ("Offline lezen", "offline-lezen.md")]:
            link = page.locator(".pig-entries__more a", has_text=name)
            assert link.evaluate("a => a.href") == absolute(site_url, src)
            assert link.bounding_box()["y"] + link.bounding_box()["height"] <= height, name
        # The book's introduction follows, unchanged, right after them.
        first = page.locator("article p", has_text="Als leidinggevende voer je continu gesprekken").first
        assert first.bounding_box()["y"] > entries.last.bounding_box()["y"]
        # One link per way in, followed (on the phone only: the same links): it opens its page.
        for title, targets in ENTRIES.items() if width == 390 else ():
            page.goto(home)
            page.locator(".pig-entry", has_text=title).locator("a").first.click()
            page.wait_for_load_state()
            assert page.url == absolute(site_url, targets[0])
        assert not watch.problems()
    finally:
        context.close()


def test_every_page_links_to_my_answers_and_the_worksheets(reading_page, site_url):
    page = reading_page
    for src in ["index.md", "deel-3/droomvraag.md", "werkbladen/hefbomen.md", "bronnen.md"]:
        page.goto(site_url + page_url(src))
        quick = page.get_by_role("navigation", name="Snel naar")
        assert quick.get_by_role("link", name="Mijn antwoorden").evaluate("a => a.href") == site_url + page_url("mijn-antwoorden.md")
        assert quick.get_by_role("link", name="Werkbladen").evaluate("a => a.href") == site_url + OVERVIEW
    page.goto(site_url + "nergens/niets.html")  # the 404 page, in another folder
    href = page.get_by_role("navigation", name="Snel naar").get_by_role("link", name="Mijn antwoorden").evaluate("a => a.href")
    assert href.endswith("/_root/mijn-antwoorden.html")


# No page scrolls sideways at 360 px, nor any table in it: the check of
# every page in test_browser_pages.py (one load per page does both).


# --- The method library --------------------------------------------------------------

def test_without_filters_every_card_is_shown_and_each_filter_narrows_it(reading_page, site_url):
    page = reading_page
    watch = PageWatch(site_url).attach(page, reporter=False)
    page.goto(site_url + OVERVIEW)
    assert shown(page) == [s.id for s in SHEETS]
    assert count(page) == f"Alle {len(SHEETS)} werkbladen."
    status = page.locator("[data-pig-library-count]")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    for name, value in [
        ("deel", "deel-2"), ("deel", "reflectie"), ("wie", "collegas"), ("wie", "medewerker"),
        ("situatie", "boven"), ("situatie", "onder"), ("paginas", "2"),
    ]:
        box = page.locator(f'input[name="{name}"][value="{value}"]')
        box.check()
        want = expected(**{name: [value]})
        assert 0 < len(want) < len(SHEETS), (name, value)
        assert shown(page) == want, (name, value)
        assert count(page) == f"{len(want)} van de {len(SHEETS)} werkbladen {'past' if len(want) == 1 else 'passen'} bij je keuze."
        assert page.evaluate("location.search") == "?" + urlencode({name: value})
        box.uncheck()
        assert shown(page) == [s.id for s in SHEETS]
    watch.detach()
    assert not watch.problems()


def test_filters_combine_and_the_address_reopens_the_selection(reading_page, site_url):
    page = reading_page
    page.goto(site_url + OVERVIEW)
    page.locator('input[name="deel"][value="deel-2"]').check()
    page.locator('input[name="deel"][value="deel-3"]').check()
    page.locator('input[name="wie"][value="samen"]').check()
    want = expected(deel=["deel-2", "deel-3"], wie=["samen"])
    assert shown(page) == want and 0 < len(want) < len(expected(deel=["deel-2", "deel-3"]))
    page.locator('input[name="paginas"][value="1"]').check()
    want = expected(deel=["deel-2", "deel-3"], wie=["samen"], paginas=["1"])
    assert shown(page) == want
    link = page.url
    assert "deel=deel-2&deel=deel-3&wie=samen&paginas=1" in link
    # A trainer sends the link: it opens the same selection.
    page.goto("about:blank")
    page.goto(link)
    assert shown(page) == want
    assert page.locator(".pig-ml__filters input:checked").evaluate_all("els => els.map(e => e.name + '=' + e.value)") == [
        "deel=deel-2", "deel=deel-3", "wie=samen", "paginas=1"
    ]
    # None fits: said so, and no link to an empty werkmap.
    page.locator('input[name="deel"][value="bijlagen"]').check()
    page.locator('input[name="deel"][value="deel-2"]').uncheck()
    page.locator('input[name="deel"][value="deel-3"]').uncheck()
    assert shown(page) == [] and count(page).startswith("Geen werkblad past")
    assert not page.locator("[data-pig-library-pack]").is_visible()
    page.get_by_role("button", name="Alle filters wissen").click()
    assert shown(page) == [s.id for s in SHEETS] and page.evaluate("location.search") == ""


def test_the_shown_sheets_go_to_the_werkmap_ticked(reading_page, site_url):
    page = reading_page
    page.goto(site_url + OVERVIEW + "?wie=collegas&paginas=1")
    want = expected(wie=["collegas"], paginas=["1"])
    assert shown(page) == want
    page.get_by_role("link", name=f"De {len(want)} getoonde werkbladen in de werkmap").click()
    page.wait_for_url(re.compile(re.escape(WERKMAP) + r"\?werkblad="))
    assert page.get_by_role("checkbox", checked=True).evaluate_all("els => els.map(e => e.value)") == want
    pages = sum(s.pages for s in SHEETS if s.id in want)
    assert page.locator("[data-pig-pack-status]").inner_text() == f"{len(want)} van de {len(SHEETS)} werkbladen gekozen, in jouw volgorde: {pages} pagina’s."


def test_the_filters_work_by_keyboard_alone(reading_page, site_url):
    page = reading_page
    page.goto(site_url + OVERVIEW)
    page.locator("article h1").click()  # start reading from the title, as a reader tabbing on
    tab_until(page, "document.activeElement.name === 'wie' && document.activeElement.value === 'samen'", 40, "the filter 'samen'")
    page.keyboard.press("Space")
    want = expected(wie=["samen"])
    assert shown(page) == want
    assert count(page) == f"{len(want)} van de {len(SHEETS)} werkbladen passen bij je keuze."
    # On to the werkmap link by Tab, and open it with Enter.
    tab_until(page, "document.activeElement.matches('[data-pig-library-pack]')", 20, "the werkmap link")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(WERKMAP)))
    assert page.get_by_role("checkbox", checked=True).count() == len(want)


def test_the_filters_work_from_disk(browser, site_dir):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        watch = PageWatch(site_dir.as_uri() + "/").attach(page)
        page.goto(site_dir.as_uri() + "/" + OVERVIEW + "?deel=deel-3")
        assert shown(page) == expected(deel=["deel-3"])
        page.locator('input[name="paginas"][value="2"]').check()
        want = expected(deel=["deel-3"], paginas=["2"])
        assert shown(page) == want
        assert page.url.endswith(OVERVIEW + "?deel=deel-3&paginas=2")
        page.reload()
        assert shown(page) == want
        assert not watch.problems()
    finally:
        context.close()


def test_without_javascript_every_card_is_there_and_no_filter(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + OVERVIEW + "?deel=deel-2")
        assert page.locator(".pig-ml__card").count() == len(SHEETS)
        assert all(page.locator(".pig-ml__card").nth(i).is_visible() for i in range(len(SHEETS)))
        assert not page.get_by_role("checkbox").first.is_visible()
        assert not page.get_by_role("button", name="Alle filters wissen").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("scheme,width", [("light", 1280), ("dark", 360)])
def test_the_filtered_overview_is_accessible_in_light_and_dark(browser, site_url, scheme, width):
    """axe with the filters applied: light on a desktop, dark on a phone."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site_url + OVERVIEW + "?deel=deel-2&deel=reflectie&wie=samen")
        assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
        wait_until(page, "document.querySelectorAll('.pig-ml__card[hidden]').length > 0")
        page.locator('input[name="wie"][value="samen"]').focus()  # the focus ring is checked too
        assert not axe_violations(page), f"{scheme}, {width} px"
    finally:
        context.close()
