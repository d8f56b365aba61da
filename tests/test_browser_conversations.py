"""The example conversations in Chromium: printed as an A4 guide followed by
the sheet to prepare the meeting, on a phone, and by keyboard."""


import pytest

from browser_checks import CHROME_WORDS, PageWatch, assert_a4, axe_violations, flat, print_to_pdf, printed, stub_print
from sitebuild import load_conversations, load_library, page_url

pytestmark = pytest.mark.browser

CHROME_WORDS = CHROME_WORDS + ["Gespreksgids afdrukken", "Op papier krijg je", "Werkblad om af te drukken"]
CONVERSATIONS = list(load_conversations())
PREPARATION = load_library().get("reflectie-voorbereiden")


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=[c.id for c in CONVERSATIONS])
def test_a_conversation_prints_as_a_guide_with_the_preparation_sheet(context, site_url, conversation):
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    page.goto(site_url + page_url(conversation.page))
    pdf = print_to_pdf(page)
    texts = [flat(p.extract_text()) for p in pdf.pages]
    assert_a4(pdf)
    guide_footer = f"Positief in Gesprek · Gespreksgids: {conversation.person.name}"
    sheet_footer = f"Positief in Gesprek · {flat(PREPARATION.title)}"
    observer_footer = f"Positief in Gesprek · Observatieblad: {conversation.person.name}"
    kinds = [
        "guide" if guide_footer in t else "sheet" if sheet_footer in t else "observer" if observer_footer in t else "?"
        for t in texts
    ]
    guide_pages, observer_pages = kinds.count("guide"), kinds.count("observer")
    # The guide first, then the sheet on its own pages, as many as its data
    # says, then the observer's sheet for a role-play.
    assert guide_pages >= 1 and observer_pages >= 1, kinds
    assert kinds == ["guide"] * guide_pages + ["sheet"] * PREPARATION.pages + ["observer"] * observer_pages, kinds
    observer = " ".join(texts[-observer_pages:])
    assert f"Observatieblad: gesprek met {conversation.person.name}" in observer
    for number, step in enumerate(conversation.steps, start=1):
        assert flat(f"Stap {number}. {step.title}") in observer, step.id
    for number, text in enumerate(texts, start=1):
        assert f"pagina {number}" in text, f"page {number} is not numbered"
    guide = " ".join(texts[:guide_pages])
    assert flat(conversation.title) in texts[0]
    assert f"{conversation.person.age} jaar" in texts[0]
    for number, step in enumerate(conversation.steps, start=1):
        assert flat(f"{number}. {step.title}") in guide, step.id
        for question in step.questions:
            assert flat(question) in guide, question
    says = [block.say for step in conversation.steps for block in step.blocks if block.say]
    assert says and all(flat(say.text)[:30] in guide for say in says)  # the example phrasing, without a box title
    sheet = " ".join(texts[guide_pages:-observer_pages])
    assert flat(PREPARATION.title) in texts[guide_pages].replace(sheet_footer, ""), "the sheet does not start its page"
    assert "Naam:" in sheet and "Datum:" in sheet
    for question in PREPARATION.questions:
        assert flat(question.text) in sheet, question.id
        assert flat(question.text) not in guide
    chrome = [word for word in CHROME_WORDS if word in " ".join(texts)]
    assert not chrome, f"web chrome in print: {chrome}"
    assert not watch.problems()


def test_the_print_button_prints_by_keyboard(context, site_url):
    page = context.new_page()
    page.goto(site_url + page_url("deel-4/jeffrey.md"))
    stub_print(page)
    button = page.get_by_role("button", name="Gespreksgids afdrukken")
    assert button.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert printed(page) == 1
    # On screen the sheet to print is not shown, nor read out.
    assert page.locator(".pig-conv-print:visible").count() == 0
    assert page.get_by_role("heading", name=PREPARATION.title).count() == 0


@pytest.mark.parametrize("src", ["deel-4/index.md"] + [c.page for c in CONVERSATIONS])
def test_deel_4_works_on_a_phone(browser, site_url, src):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        watch = PageWatch(site_url).attach(page)
        page.goto(site_url + page_url(src))
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page scrolls sideways"
        if src == "deel-4/index.md":
            table = page.locator(".md-typeset__scrollwrap").filter(has=page.locator("table"))
            assert table.get_attribute("tabindex") == "0"  # a wide table scrolls by keyboard
        else:
            card = page.locator(".pig-person")
            assert card.is_visible() and card.bounding_box()["width"] <= 360
        problems = watch.problems() + [f"axe {v}" for v in axe_violations(page)]
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_the_werkvorm_links_lead_to_their_pages(context, site_url):
    """Followed in Chromium: every link of the werkvormen boxes answers with a page."""
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    seen = set()
    for conversation in CONVERSATIONS:
        page.goto(site_url + page_url(conversation.page))
        hrefs = page.eval_on_selector_all(".pig-werkvormen a", "links => links.map(a => a.href)")
        assert hrefs
        seen.update(hrefs)
    for href in sorted(seen):
        page.goto("about:blank")  # so that a link to another section of the same page loads it anew
        response = page.goto(href)
        assert response.ok, href
        fragment = href.partition("#")[2]
        if fragment:
            assert page.locator(f"#{fragment}").count() == 1, href
        else:
            assert page.locator("article h1").count() == 1, href
    assert not watch.problems()
