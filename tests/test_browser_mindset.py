"""The mindset test of Bijlage 1 in Chromium, taken as a reader would: by
mouse and by keyboard, kept per area in this browser, printed on paper."""

import json
import re
from statistics import mean

import pytest
from playwright.sync_api import expect

from browser_checks import PageWatch, assert_a4, axe_violations, flat, print_to_pdf
from sitebuild import DOCS, ROOT, page_url

from macros.content.mindset import load_mindset_test
from macros.render.notice import PRIVACY_TEXT

pytestmark = pytest.mark.browser

TEST = load_mindset_test(DOCS / "data" / "mindset-test.yaml", ROOT)
ITEMS = [item.id for item in TEST.items]
SCRIPT = DOCS / "assets" / "mindset-test.js"
STORE = "pig/positief-in-gesprek/v2"
PREFIX = "@mindset/"

# Known answer sets, position 1 (left) to 5 (right) for items 1-10.
ANSWER_SETS = {
    "all left": [1] * 10,
    "all right": [5] * 10,
    "a mix": [2, 4, 5, 3, 1, 5, 4, 4, 2, 5],
    "another mix": [1, 1, 2, 1, 3, 1, 2, 1, 1, 2],
}


def expected_average(values) -> str:
    """The average as the page must write it, computed independently."""
    return f"{mean(values):.1f}".replace(".", ",")


@pytest.fixture
def page(context, site_url):
    page = context.new_page()
    page.watch = PageWatch(site_url).attach(page)
    page.goto(site_url + page_url("bijlagen/mindset-test.md"))
    yield page
    assert not page.watch.problems(), page.watch.problems()


def group(page, number):
    return page.get_by_role("group", name=re.compile(rf"^Stelling {number} Links: "))


def answer(page, values, only=None):
    """Click the answers by their accessible names ("4 van 5, naar rechts: …")."""
    for number, value in enumerate(values, start=1):
        if only is None or number in only:
            group(page, number).get_by_role("radio", name=re.compile(rf"^{value} van 5,")).check()


def choose(page, area):
    if area in TEST.areas:
        page.get_by_role("radio", name=area, exact=True).check()
    else:
        page.get_by_role("textbox", name="Gebied in je eigen woorden").fill(area)


def form_answers(page):
    """The position checked in each item's group (None when none is)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('fieldset[data-item]')].map(
               g => { const c = g.querySelector('input:checked'); return c ? Number(c.value) : null; })"""
    )


def status(page):
    return page.get_by_role("status").inner_text()


def cards(page):
    """Each result shown: area name -> (average text, answers drawn per statement)."""
    shown = {}
    for number, card in enumerate(page.locator(".pig-mt__card").all()):
        name = card.get_by_role("heading").inner_text()
        average = card.locator(".pig-mt__average strong").inner_text()
        dots = page.evaluate(
            """(n) => [...document.querySelectorAll('.pig-mt__row')].map(
                   row => row.querySelectorAll('.pig-mt__row-area .pig-mt__dots')[n].getAttribute('aria-label'))""",
            number,
        )
        shown[name] = (average, dots)
    return shown


def stored_items(page):
    return json.loads(page.evaluate(f"() => localStorage.getItem({STORE!r}) || '{{\"items\": {{}}}}'"))["items"]


def stored(page):
    return sorted(key for key in stored_items(page) if key.startswith(PREFIX))


# --- Scoring, on its own ----------------------------------------------------------

def test_the_scoring_function_on_its_own(context):
    page = context.new_page()
    page.set_content("<!doctype html><title>score</title>")
    page.add_script_tag(path=str(SCRIPT.parent / "answers-store.js"))  # its small helpers
    page.add_script_tag(path=str(SCRIPT))  # no page around it: no document$, no form
    ids = ["a", "b", "c", "d"]

    def score(answers, points=5):
        return page.evaluate("([a, i, p]) => window.pig.mindsetTest.score(a, i, p)", [answers, ids, points])

    assert score({"a": 1, "b": 1, "c": 1, "d": 1}) == {"average": 1, "missing": []}
    assert score({"a": 5, "b": 5, "c": 5, "d": 5}) == {"average": 5, "missing": []}
    assert score({"a": 1, "b": 2, "c": 4, "d": 4}) == {"average": 2.75, "missing": []}
    assert score({"a": 3, "c": 3}) == {"average": None, "missing": ["b", "d"]}
    # Anything but a whole position on the scale counts as not answered.
    assert score({"a": 0, "b": 6, "c": 2.5, "d": "3"}) == {"average": None, "missing": ids}
    assert score({"a": 7, "b": 7, "c": 7, "d": 7}, points=7)["average"] == 7
    assert score(None)["missing"] == ids
    assert page.evaluate("[1, 3.5, 2.75].map(window.pig.mindsetTest.formatAverage)") == ["1,0", "3,5", "2,8"]

    assert page.evaluate("window.pig.mindsetTest.ownArea('  Mijn   Hobby ')") == "eigen:mijn hobby"
    assert page.evaluate("window.pig.mindsetTest.ownArea('   ')") is None


# --- Taking the test ----------------------------------------------------------------

def test_the_items_wait_for_an_area(page):
    assert "Kies eerst het gebied" in status(page)
    assert group(page, 1).get_by_role("radio").first.is_disabled()
    assert page.get_by_text(PRIVACY_TEXT).is_visible()
    choose(page, "werk")
    assert group(page, 1).get_by_role("radio").first.is_enabled()
    assert "Nog niet beantwoord: stelling 1, 2, 3, 4, 5, 6, 7, 8, 9 en 10." in status(page)


@pytest.mark.parametrize("name", ANSWER_SETS)
def test_a_complete_set_shows_the_right_average(page, name):
    values = ANSWER_SETS[name]
    average = expected_average(values)
    choose(page, "werk")
    answer(page, values)
    assert status(page) == f"Gebied: werk. Alle 10 stellingen beantwoord; je gemiddelde is {average}."
    result = page.locator(".pig-mt__result")
    assert result.is_visible()
    assert cards(page) == {"werk": (average, [f"Stelling {n}: {v} van 5" for n, v in enumerate(values, start=1)])}
    bar = page.get_by_role("img", name=f"Gemiddeld {average} op de schaal van 1 (links, fixed mindset) tot 5 (rechts, groeimindset)")
    assert bar.is_visible()
    # The marker sits at the average, from the bar's left end (1) to its right end (5).
    box, marker = bar.bounding_box(), bar.locator(".pig-mt__marker").bounding_box()
    centre = marker["x"] + marker["width"] / 2
    assert abs(centre - (box["x"] + box["width"] * (mean(values) - 1) / 4)) < 1.5
    # Each answer is drawn: the filled dot is the one at the answer's position.
    filled = page.evaluate("""() => [...document.querySelectorAll('.pig-mt__row .pig-mt__dots')].map(
        d => [...d.children].findIndex(c => c.classList.contains('pig-mt__dot--on')) + 1)""")
    assert filled == values
    # The book's explanation is with the result.
    assert page.get_by_text("Hoe meer naar links je scoort").is_visible()


def test_a_partial_set_names_the_missing_items_and_shows_no_result(page):
    choose(page, "sport")
    answer(page, ANSWER_SETS["a mix"], only={1, 2, 4, 5, 6, 8, 9})
    assert status(page) == "Gebied: sport. Nog niet beantwoord: stelling 3, 7 en 10."
    assert not page.locator(".pig-mt__result").is_visible()
    assert not page.locator(".pig-mt__card").count()
    answer(page, ANSWER_SETS["a mix"], only={3, 7})
    assert status(page).endswith("Nog niet beantwoord: stelling 10.")
    assert not page.locator(".pig-mt__result").is_visible()


def test_a_reload_keeps_the_answers(page):
    values = ANSWER_SETS["a mix"]
    choose(page, "relaties")
    answer(page, values)
    page.reload()
    assert page.get_by_role("radio", name="relaties", exact=True).is_checked()
    assert form_answers(page) == values
    assert cards(page)["relaties"][0] == expected_average(values)
    assert stored(page) == [PREFIX + "relaties"]


def test_a_second_area_keeps_the_first_and_shows_them_side_by_side(page):
    first, second, third = ANSWER_SETS["a mix"], ANSWER_SETS["another mix"], ANSWER_SETS["all right"]
    choose(page, "werk")
    answer(page, first)
    choose(page, "sport")
    assert form_answers(page) == [None] * 10, "a new area starts empty"
    assert list(cards(page)) == ["werk"]
    answer(page, second)
    choose(page, "Mijn hobby")  # in the reader's own words
    assert page.get_by_role("radio", name="anders, namelijk:").is_checked()
    answer(page, third)
    shown = cards(page)
    assert {name: avg for name, (avg, _) in shown.items()} == {
        "werk": expected_average(first), "sport": expected_average(second), "Mijn hobby": expected_average(third),
    }
    boxes = [card.bounding_box() for card in page.locator(".pig-mt__card").all()]
    assert boxes[0]["y"] == boxes[1]["y"] and boxes[0]["x"] < boxes[1]["x"], "not side by side"
    choose(page, "werk")
    assert form_answers(page) == first
    page.reload()
    assert len(cards(page)) == 3
    # Back at the area answered last, in the reader's own words.
    assert page.get_by_role("radio", name="anders, namelijk:").is_checked()
    assert page.get_by_role("textbox", name="Gebied in je eigen woorden").input_value() == "Mijn hobby"
    assert form_answers(page) == third
    assert sorted(stored(page)) == [PREFIX + "eigen:mijn hobby", PREFIX + "sport", PREFIX + "werk"]


def test_clearing_asks_first_then_empties_every_area(page):
    choose(page, "werk")
    answer(page, ANSWER_SETS["a mix"])
    choose(page, "sport")
    answer(page, ANSWER_SETS["all left"], only={1, 2})
    asked = []

    def reply(accept):
        def handle(dialog):
            asked.append((dialog.type, dialog.message))
            dialog.accept() if accept else dialog.dismiss()
        return handle

    page.once("dialog", reply(False))
    page.get_by_role("button", name="Alle antwoorden wissen").click()
    assert asked and asked[0][0] == "confirm" and "wissen" in asked[0][1]
    assert len(stored(page)) == 2 and len(cards(page)) == 1, "cancelled, yet cleared"
    page.once("dialog", reply(True))
    page.get_by_role("button", name="Alle antwoorden wissen").click()
    assert len(asked) == 2
    assert stored(page) == []
    assert form_answers(page) == [None] * 10
    assert not page.get_by_role("radio", checked=True).count()
    assert not page.locator(".pig-mt__result").is_visible()
    page.reload()
    assert form_answers(page) == [None] * 10 and not cards(page)


def test_untrustworthy_stored_answers_are_ignored(page):
    good = {"name": "relaties", "updated": "2026-01-01T00:00:00.000Z", "answers": {**dict(zip(ITEMS, [3] * 10)), "fouten": 8, "oud-item": 2}}
    page.evaluate(
        """([key, good]) => localStorage.setItem(key, JSON.stringify({version: 2, items: {
            '@mindset/relaties': good, '@mindset/onbekend': {...good, name: 'onbekend'}}}))""",
        [STORE, good],
    )
    page.reload()
    # Only the valid answers of the valid record are back: "fouten" (8) was not a position.
    assert page.get_by_role("radio", name="relaties", exact=True).is_checked()
    assert form_answers(page) == [3 if item != "fouten" else None for item in ITEMS]
    assert status(page) == "Gebied: relaties. Nog niet beantwoord: stelling 8."
    answer(page, [2] * 10, only={8})
    assert list(cards(page)) == ["relaties"]


@pytest.mark.parametrize("broken", ["full", "blocked"])
def test_the_test_works_and_tells_when_storage_fails(context, site_url, broken):
    """A full storage (writing fails) or a blocked one (localStorage itself
    throws): the reader is told at once, the result is drawn, and the backup
    on offer holds the answers."""
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    page.add_init_script(FULL if broken == "full" else BLOCKED)
    page.goto(site_url + page_url("bijlagen/mindset-test.md"))
    choose(page, "werk")
    answer(page, ANSWER_SETS["a mix"])
    assert cards(page)["werk"][0] == expected_average(ANSWER_SETS["a mix"])
    alert = page.get_by_role("alert").filter(has_text="reservekopie")
    assert alert.is_visible()
    assert status(page).endswith("Niet opgeslagen.")
    backup = json.loads(page.evaluate("window.pig.store.serialise(window.pig.store.all())"))
    assert backup["items"]["@mindset/werk"]["answers"] == dict(zip(ITEMS, ANSWER_SETS["a mix"]))
    assert page.get_by_role("button", name="Reservekopie downloaden (.json)").is_visible()
    assert watch.problems() == material_errors(page, site_url, broken)


def material_errors(page, site_url, broken):
    """What Material's own inline scripts throw on a page without ours when
    storage is blocked (its __md_get reads localStorage outside a try: not
    ours to change, and the same on every page)."""
    watch = PageWatch(site_url).attach(page, reporter=False)
    page.goto(site_url + page_url("index.md"))
    page.wait_for_timeout(200)
    errors = watch.problems()
    assert broken == "blocked" or not errors
    return errors


FULL = """Storage.prototype.setItem = function (key) {
    if (String(key).startsWith('pig/')) throw new DOMException('storage is full', 'QuotaExceededError');
};"""
BLOCKED = """Object.defineProperty(window, 'localStorage', {
    configurable: true, get() { throw new DOMException('blocked', 'SecurityError'); }});"""


def test_the_whole_test_can_be_done_by_keyboard(page):
    values = ANSWER_SETS["a mix"]
    for _ in range(200):  # from the top of the page, Tab to the choice of area
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "pig-mt-gebied":
            break
    else:
        pytest.fail("Tab never reached the choice of area")
    page.keyboard.press("ArrowRight")  # werk -> sport
    assert page.get_by_role("radio", name="sport", exact=True).is_checked()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "no visible focus"
    page.keyboard.press("Tab")  # the field for one's own words
    page.keyboard.press("Tab")  # the first item's first point
    for number, value in enumerate(values, start=1):
        assert page.evaluate("document.activeElement.name") == f"pig-mt-{ITEMS[number - 1]}"
        page.keyboard.press("Space")  # point 1
        for _ in range(value - 1):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Tab")
    assert form_answers(page) == values
    assert "je gemiddelde is " + expected_average(values) in status(page)
    # On to the result: its links to read on come first.
    assert page.evaluate("document.activeElement.closest('[data-pig-mt-result]') !== null")


def test_instant_navigation_sets_up_a_new_form(page):
    """Material's instant navigation swaps the content and emits document$
    again: the new form must come alive with the stored answers."""
    choose(page, "werk")
    answer(page, ANSWER_SETS["a mix"])
    page.evaluate(
        """async () => {
            const html = await (await fetch(location.href)).text();
            const fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('article');
            document.querySelector('article').replaceWith(fresh);
            document$.next(document);
        }"""
    )
    assert page.locator("form[data-pig-mindset]").get_attribute("data-pig-mt-ready") == "1"
    assert form_answers(page) == ANSWER_SETS["a mix"]
    assert list(cards(page)) == ["werk"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_with_results_nothing_leaves_the_site_and_axe_is_clean(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    try:
        page.goto(site_url + page_url("bijlagen/mindset-test.md"))
        for area, values in [("werk", ANSWER_SETS["a mix"]), ("Mijn hobby", ANSWER_SETS["all left"])]:
            choose(page, area)
            answer(page, values)
        choose(page, "sport")
        answer(page, ANSWER_SETS["a mix"], only={1})  # a partial set with a status
        assert len(cards(page)) == 2
        problems = watch.problems() + [f"axe {v}" for v in axe_violations(page)]
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_at_360_px_the_test_and_its_results_fit(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(site_url + page_url("bijlagen/mindset-test.md"))
        choose(page, "Een heel lang gebied in mijn eigen woorden")
        answer(page, ANSWER_SETS["a mix"])
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        points = group(page, 9).locator(".pig-mt__point").all()
        assert all(p.bounding_box()["width"] >= 24 and p.bounding_box()["height"] >= 24 for p in points), "targets too small"
    finally:
        context.close()


# --- Without JavaScript, and on paper ---------------------------------------------------

def test_without_javascript_it_is_a_form_to_fill_in(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + page_url("bijlagen/mindset-test.md"))
        assert page.get_by_role("group", name=re.compile("^Stelling ")).count() == 10
        assert not page.get_by_role("button", name="Alle antwoorden wissen").is_visible()
        assert not page.get_by_text(PRIVACY_TEXT).is_visible()
        assert not page.get_by_role("status").is_visible()
        page.get_by_role("radio", name="werk", exact=True).check()
        answer(page, [2], only={1})
        answer(page, [4], only={1})  # a group holds one answer
        assert form_answers(page)[:2] == [4, None]
        page.get_by_role("textbox", name="Gebied in je eigen woorden").press("Enter")  # submits nowhere
        assert form_answers(page)[0] == 4
        assert len(print_to_pdf(page, background=False).pages) == 1
    finally:
        context.close()


def marks(page):
    """How each item's points print: True where the circle is filled."""
    page.emulate_media(media="print")
    filled = page.evaluate(
        """() => [...document.querySelectorAll('fieldset[data-item]')].map(g => [...g.querySelectorAll('input')].map(i => {
               const s = getComputedStyle(i);
               return parseFloat(s.borderTopWidth) * 2 >= i.getBoundingClientRect().width - 2
                      && s.opacity === '1' && s.display !== 'none' && s.visibility === 'visible';
           }))"""
    )
    page.emulate_media(media="screen")
    return filled


def test_printed_blank_it_is_one_a4_page_with_the_whole_test(page):
    pdf = print_to_pdf(page, background=False)
    assert len(pdf.pages) == 1
    assert_a4(pdf)
    text = flat(pdf.pages[0].extract_text())
    for item in TEST.items:
        assert item.left in text and item.right in text, item.id
    assert flat(TEST.explanation[0]) in text
    for online in ["Je antwoorden blijven", "Alle antwoorden wissen", "Uitkomst per gebied", "Kies eerst"]:
        assert online not in text
    assert marks(page) == [[False] * 5] * 10, "a blank form prints marks"
    # Name and date to fill in; "anders, namelijk:" with its line on a row of its own.
    lines = [" ".join(line.split()) for line in pdf.pages[0].extract_text().splitlines()]
    assert any(line.startswith("Naam:") and "Datum:" in line for line in lines), lines[:5]
    (own,) = [line for line in lines if "anders, namelijk:" in line]
    assert own == "anders, namelijk:", own


def test_printed_with_answers_it_is_one_a4_page_with_the_answers_marked(page):
    values = ANSWER_SETS["a mix"]
    choose(page, "Mijn hobby")
    answer(page, values)
    pdf = print_to_pdf(page, background=False)
    assert len(pdf.pages) == 1
    text = flat(pdf.pages[0].extract_text())
    assert "Mijn hobby" in text
    assert "Uitkomst per gebied" not in text and "Gemiddeld" not in text
    assert marks(page) == [[point == value for point in range(1, 6)] for value in values]
    assert stored_items(page)[PREFIX + "eigen:mijn hobby"]["answers"] == dict(zip(ITEMS, values))


def test_a_retake_adds_a_result_a_half_done_area_says_so_and_a_locked_statement_asks_for_the_area(page, site_url):
    # Tapping a statement before an area is chosen takes the reader to the choice.
    group(page, 1).locator(".pig-mt__value").nth(1).click(force=True)
    expect(page.get_by_role("radio", name="werk", exact=True)).to_be_focused()
    expect(page.get_by_role("status")).to_contain_text("Kies eerst het gebied")
    choose(page, "werk")
    answer(page, ANSWER_SETS["all left"])
    # The result is dated as if taken earlier; then the area is taken again.
    page.evaluate("""(key) => { const k = Object.keys(localStorage).find(x => x.startsWith('pig/'));
        const s = JSON.parse(localStorage.getItem(k)); s.items[key].updated = '2026-03-01T10:00:00.000Z';
        localStorage.setItem(k, JSON.stringify(s)); }""", PREFIX + "werk")
    page.reload()
    answer(page, ANSWER_SETS["all right"])
    card = page.locator(".pig-mt__card[data-area=werk]")
    expect(card.locator(".pig-mt__average strong")).to_have_text("5,0")
    expect(card.locator(".pig-mt__earlier")).to_have_text("Eerder: 1,0 (1 maart 2026).")
    # An area left half done shows as such once another is answered.
    choose(page, "sport")
    answer(page, ANSWER_SETS["a mix"], only={1, 2, 3})
    choose(page, "relaties")
    expect(page.locator(".pig-mt__card[data-area=sport]")).to_have_text(re.compile("Half ingevuld: 3 van de 10 stellingen beantwoord."))
    mine = page.context.new_page()
    mine.goto(site_url + page_url("mijn-antwoorden.md"))
    shown = mine.locator("[data-pig-mine-mindset]")
    expect(shown.locator(".pig-mt__earlier")).to_have_text("Eerder: 1,0 (1 maart 2026).")
    expect(shown.locator(".pig-mt__card[data-area=sport]")).to_contain_text("Half ingevuld: 3 van de 10")
