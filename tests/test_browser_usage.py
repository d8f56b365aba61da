"""What a reader does in Chromium: phone, keyboard, Dutch search, print."""

import re

import pytest

from browser_checks import CHROME_WORDS, PageWatch, assert_a4, print_to_pdf, read_search_results, wait_until
from sitebuild import page_url

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    yield context
    context.close()


# --- Phone ---------------------------------------------------------------------



def test_navigation_is_reachable_on_a_phone(phone, site_url):
    page = phone.new_page()
    page.goto(site_url)
    menu = page.locator('label.md-header__button[for="__drawer"]')
    assert menu.is_visible()
    menu.click()
    # On a phone each section is a panel of its own: open "Bijlagen" first.
    section = page.locator(".md-nav--primary label.md-nav__link", has_text="Bijlagen")
    section.scroll_into_view_if_needed()
    section.click()
    link = page.locator(".md-nav--primary a.md-nav__link", has_text="Bijlage 3: Reflected Best Self")
    link.click()
    page.wait_for_url(re.compile("/" + re.escape(page_url("bijlagen/reflected-best-self.md")) + "$"))
    assert page.title().startswith("Bijlage 3: Reflected Best Self")


# --- Keyboard ------------------------------------------------------------------

FOCUS_INFO = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
                  || style.boxShadow !== 'none';
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.innerText || el.getAttribute('aria-label') || el.placeholder || '').trim().slice(0, 60),
    cls: typeof el.className === 'string' ? el.className : '',
    inNav: !!el.closest('.md-nav--primary'),
    inContent: !!el.closest('article.md-content__inner'),
    visible,
  };
}"""


def test_keyboard_reaches_search_navigation_and_content_with_visible_focus(context, site_url):
    page = context.new_page()
    page.goto(site_url + page_url("deel-1/talenten.md"))
    reached = {"skip": None, "search": None, "nav": None, "content": None}
    for _ in range(80):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUS_INFO)
        if info["text"] == "Ga naar inhoud":
            reached["skip"] = reached["skip"] or info
        elif "md-search__input" in info["cls"]:
            reached["search"] = reached["search"] or info
        elif info["inNav"] and info["tag"] == "a":
            reached["nav"] = reached["nav"] or info
        elif info["inContent"] and info["tag"] == "a":
            reached["content"] = reached["content"] or info
        if all(reached.values()):
            break
    missing = [name for name, info in reached.items() if info is None]
    assert not missing, f"not reachable by Tab: {missing}"
    invisible = {name: info for name, info in reached.items() if not info["visible"]}
    assert not invisible, f"focus not visible on: {invisible}"


def test_skip_link_moves_focus_to_the_content(context, site_url):
    page = context.new_page()
    page.goto(site_url + page_url("deel-2/feedback.md"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.innerText.trim()") == "Ga naar inhoud"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('article.md-content__inner')")


def test_a_navigation_link_opens_by_keyboard(context, site_url):
    page = context.new_page()
    page.goto(site_url)
    page.locator(".md-nav--primary a.md-nav__link", has_text="Job craften").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/" + re.escape(page_url("deel-3/job-craften.md")) + "$"))


# --- Search --------------------------------------------------------------------

def type_query(page, site_url, query):
    """Open the home page and type ``query`` into the search field, key by key."""
    page.goto(site_url)
    page.keyboard.press("/")  # Material's shortcut focuses the search field
    page.locator("input.md-search__input").press_sequentially(query, delay=10)


def search(page, site_url, query):
    type_query(page, site_url, query)
    return read_search_results(page)


@pytest.mark.parametrize(
    "query, expected, within",
    [
        ("complimenteuze vraag", page_url("deel-2/feedback.md"), 1),
        ("groeimindset", page_url("deel-1/mindset.md"), 2),
        ("historielijn", page_url("deel-2/historielijn.md"), 3),
        ("historielijn", page_url("bijlagen/historielijn.md"), 3),
        ("Jeffrey", page_url("deel-4/jeffrey.md"), 1),
        ("job craften", page_url("deel-3/job-craften.md"), 1),
        ("progressiecirkel", page_url("progressiecirkel.md"), 1),
        ("droomvraag", page_url("deel-3/droomvraag.md"), 2),
    ],
)
def test_dutch_search_finds_the_right_page(reading_page, site_url, query, expected, within):
    page = reading_page
    watch = PageWatch(site_url).attach(page, reporter=False)
    results = [address.removeprefix(site_url) for address in search(page, site_url, query)]
    watch.detach()
    assert expected in results[:within], f"{query!r}: first results {results[:5]}"
    assert not watch.problems()


def test_search_says_so_when_nothing_is_found(context, site_url):
    page = context.new_page()
    type_query(page, site_url, "xyzzyqwerty")
    meta = page.locator(".md-search-result__meta")
    meta.wait_for()
    wait_until(page, "document.querySelector('.md-search-result__meta').innerText.includes('Geen')")
    assert meta.inner_text() == "Geen overeenkomende documenten"


# --- Print ---------------------------------------------------------------------

def print_pdf(context, url):
    page = context.new_page()
    page.goto(url)
    page.emulate_media(media="print")
    headings = page.locator("article h2, article h3").all_inner_texts()
    pdf = print_to_pdf(page)
    return pdf, [h.strip().rstrip("#").strip() for h in headings]


@pytest.mark.parametrize("url", [page_url("deel-4/hans.md"), page_url("deel-3/job-craften.md"), page_url("bijlagen/reflected-best-self.md")])
def test_a_reading_page_prints_like_a_page_of_a_book(context, site_url, url):
    pdf, headings = print_pdf(context, site_url + url)
    assert len(pdf.pages) >= 1
    assert_a4(pdf)
    texts = [sheet.extract_text() for sheet in pdf.pages]
    whole = "\n".join(texts)
    chrome = [word for word in CHROME_WORDS if word in whole]
    assert not chrome, f"web chrome in print: {chrome}"
    # A heading is never the last line of a page, alone without its text.
    for number, text in enumerate(texts[:-1], start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines and lines[-1] not in headings, f"heading {lines[-1]!r} alone at the bottom of page {number}"


def test_printed_links_stay_readable(context, site_url):
    pdf, _ = print_pdf(context, site_url + page_url("bijlagen/reflected-best-self.md"))
    whole = " ".join(sheet.extract_text() for sheet in pdf.pages)
    assert "hbr.org/2005/01/how-to-play-to-your-strengths" in whole.replace("\n", "")


# --- Language ------------------------------------------------------------------

ENGLISH = {"Header", "Footer", "Tabs", "Search", "Share", "Clear", "Skip to content", "Back to top",
           "Navigation", "Table of contents", "Previous", "Next", "Type to start searching",
           "Permanent link", "Jump back to footnote"}


@pytest.mark.parametrize("url", ["", page_url("deel-1/talenten.md"), "404.html"])
def test_the_interface_speaks_dutch(context, site_url, url):
    page = context.new_page()
    page.goto(site_url + url)
    assert page.evaluate("document.documentElement.lang") == "nl"
    labels = page.evaluate(
        """() => [...document.querySelectorAll('[aria-label], [title], [placeholder]')]
            .flatMap(el => [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('placeholder')])
            .filter(Boolean)"""
    )
    english = sorted({label for label in labels if any(label.startswith(word) for word in ENGLISH)})
    assert not english, f"English words in the interface: {english}"
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label") == "Zoeken"
    visible = page.locator("body").inner_text()
    for english_text in ["Made with", "Material for MkDocs", "Not found"]:
        assert english_text not in visible


def test_print_is_light_even_from_the_dark_palette(browser, site_url):
    context = browser.new_context(color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(site_url + page_url("deel-3/doelen-stellen.md"))
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        page.emulate_media(media="print")
        colours = page.evaluate(
            """() => ({
                body: getComputedStyle(document.body).backgroundColor,
                text: getComputedStyle(document.querySelector('article p')).color,
                figure: getComputedStyle(document.querySelector('.pig-node rect')).fill,
            })"""
        )
    finally:
        context.close()
    assert colours == {"body": "rgb(255, 255, 255)", "text": "rgb(0, 0, 0)", "figure": "rgb(178, 223, 219)"}
