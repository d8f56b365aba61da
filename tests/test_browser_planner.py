"""The conversation planner in Chromium, as a leader uses it: the three
situations lead to the werkvormen of the book's examples; a plan survives a
reload, prints on at most two A4 pages with the answers in place, is in the
backup of Mijn antwoorden and comes back from it; two plans stay apart, a
copy starts the next, a deletion can be undone; by keyboard only; axe-clean
in light and dark; 360 px without sideways scroll; a hostile name stays text."""

import json
import re
import zipfile

import pytest
from playwright.sync_api import expect

from browser_checks import CHROME_WORDS, PageWatch, assert_a4, axe_violations, flat, print_to_pdf, sideways_overflow, tab_until
from sitebuild import load_content, page_url

pytestmark = pytest.mark.browser

CONTENT = load_content()
PLANNER = CONTENT.planner
PREP = PLANNER.preparation.questions
STORE = "pig/positief-in-gesprek/v2"
EXAMPLE = {c.expectation: {w.id for w in CONTENT.conversations.used(c)} for c in CONTENT.conversations}


def open_planner(context, site_url):
    page = context.new_page()
    page.watch = PageWatch(site_url).attach(page)
    page.goto(site_url + page_url("gespreksplanner.md"))
    expect(page.locator("[data-pig-planner-app]")).to_be_visible()
    return page


def plans(page):
    items = json.loads(page.evaluate(f"() => localStorage.getItem({STORE!r}) || '{{\"items\": {{}}}}'"))["items"]
    found = {}
    for key, entry in items.items():
        if key.startswith("@plan/"):
            _, plan, field = key.split("/")
            found.setdefault(plan, {})[field] = entry["text"]
    return found


def visible_werkvormen(page, selector):
    return set(page.locator(f"{selector} input[data-pig-plan-werkvorm]").evaluate_all(
        "boxes => boxes.filter(b => b.offsetParent !== null).map(b => b.value)"))


def fill_plan(page, name, situation, werkvormen, answers=True):
    page.get_by_label("Met wie?").fill(name)
    if answers:
        for number, question in enumerate(PREP, start=1):
            page.get_by_label(question.text, exact=True).fill(f"{name}: antwoord {number}")
    page.locator(f"input[name=pig-plan-situatie][value={situation}]").check()
    page.locator("input[name=pig-plan-richting][value=beide]").check()
    for werkvorm in werkvormen:
        page.locator(f"[data-pig-situation={situation}] input[value={werkvorm}]").first.check()
    page.get_by_label("Met wie?").focus()  # the last field saved on blur


def test_each_situation_leads_to_the_werkvormen_of_its_example(context, site_url):
    page = open_planner(context, site_url)
    expect(page.locator("[data-pig-plan-choose]")).to_be_visible()
    assert EXAMPLE["onder"] >= {"schaalvraag", "feedback"} and EXAMPLE["boven"] >= {"eindejaarsvraag"}
    for expectation, werkvormen in EXAMPLE.items():
        page.locator(f"input[name=pig-plan-situatie][value={expectation}]").check()
        assert visible_werkvormen(page, "[data-pig-situation]") == werkvormen, expectation
        name = next(c.person.name for c in CONTENT.conversations if c.expectation == expectation)
        expect(page.locator(f"[data-pig-situation={expectation}] h3")).to_contain_text(name)
    # The example's own questions, per step, from the conversation's data.
    jeffrey = next(c for c in CONTENT.conversations if c.expectation == "naar")
    page.locator("input[name=pig-plan-situatie][value=naar]").check()
    asked = page.locator("[data-pig-situation=naar] details.pig-planner__asked").first
    asked.locator("summary").click()
    assert flat(jeffrey.steps[0].questions[0]) in flat(asked.inner_text())
    page.locator("input[name=pig-plan-situatie][value=anders]").check()
    assert visible_werkvormen(page, "[data-pig-situation]") == set()
    # Looking back and ahead: the werkvormen of Deel 2 and Deel 3; stuck: Deel 5.
    page.locator("input[name=pig-plan-richting][value=terugkijken]").check()
    back = {s.werkvorm.id for s in PLANNER.directions[0].suggestions}
    assert visible_werkvormen(page, "[data-pig-direction]") == back
    page.locator("input[name=pig-plan-richting][value=beide]").check()
    ahead = {s.werkvorm.id for s in PLANNER.directions[1].suggestions}
    assert visible_werkvormen(page, "[data-pig-direction]") == back | ahead
    expect(page.locator("[data-pig-stuck]")).to_be_hidden()
    page.get_by_label("Het gesprek loopt vast, of liep de vorige keer vast").check()
    expect(page.locator("[data-pig-stuck] a").first).to_have_attribute("href", "deel-5/index.html")
    # A chosen werkvorm lists its questions, from the worksheet's data.
    page.locator("[data-pig-direction=terugkijken] input[value=historielijn]").check()
    questions = page.locator("[data-pig-werkvorm=historielijn]")
    expect(questions).to_be_visible()
    sheet = CONTENT.worksheets.get("historielijn")
    assert flat(questions.inner_text()).count("?") >= 1 and flat(sheet.questions[0].text) in flat(questions.inner_text())
    assert not page.watch.problems()


def test_a_plan_survives_reload_and_prints_on_a4_with_the_answers(context, site_url):
    page = open_planner(context, site_url)
    # Every werkvorm of Hans's example, and every question answered.
    fill_plan(page, "Hans, 12 mei", "onder", sorted(EXAMPLE["onder"]))
    page.get_by_label("Het gesprek loopt vast, of liep de vorige keer vast").check()
    page.wait_for_timeout(400)
    page.reload()
    expect(page.get_by_label("Met wie?")).to_have_value("Hans, 12 mei")
    for number, question in enumerate(PREP, start=1):
        expect(page.get_by_label(question.text, exact=True)).to_have_value(f"Hans, 12 mei: antwoord {number}")
    expect(page.locator("input[name=pig-plan-situatie][value=onder]")).to_be_checked()
    assert visible_werkvormen(page, "[data-pig-situation=onder]") == EXAMPLE["onder"]
    assert set(page.locator("[data-pig-werkvorm]:visible").evaluate_all("s => s.map(x => x.dataset.pigWerkvorm)")) == EXAMPLE["onder"]
    pdf = print_to_pdf(page)
    # Every werkvorm of the example, the book's words for those without a
    # questionnaire, and the model of Deel 5: three pages, as the hint says.
    assert 1 <= len(pdf.pages) <= 3, f"{len(pdf.pages)} pages"
    expect(page.locator("#pig-plan-print-hint")).to_contain_text(f"de gesprekskaart {len(pdf.pages)} pagina")
    assert_a4(pdf)
    text = flat(" ".join(p.extract_text() for p in pdf.pages))
    assert "Hans, 12 mei" in text and "Gesprekskaart" in text
    hans = next(c for c in CONTENT.conversations if c.expectation == "onder")
    assert f"Voorbeeld om na te lezen: Deel 4, {hans.title}" in text and "Myra, waarmee" not in text
    for number in range(1, len(PREP) + 1):
        assert f"Hans, 12 mei: antwoord {number}" in text
    titles = [CONTENT.conversations.werkvormen[w].title for w in EXAMPLE["onder"]]
    for title in titles + ["progressiecirkel", "wat houd je vast"]:
        assert title in text, title
    assert "Historielijn" not in text  # not chosen, not printed
    assert "Als het gesprek vastloopt" in text and "Kritisch gesprek" in text  # stuck: the model of Deel 5
    for word in CHROME_WORDS + ["Nieuw gesprek", "Welke werkvormen bij welke situatie"]:
        assert word not in text, word
    assert not page.watch.problems()


def test_two_plans_stay_apart_a_copy_starts_the_next_and_a_deletion_can_be_undone(context, site_url):
    page = open_planner(context, site_url)
    fill_plan(page, "Myra", "boven", ["eindejaarsvraag"])
    page.wait_for_timeout(400)
    page.get_by_role("button", name="Nieuw gesprek", exact=True).click()
    expect(page.get_by_label("Met wie?")).to_have_value("")
    expect(page.get_by_label(PREP[0].text, exact=True)).to_have_value("")
    fill_plan(page, "Hans", "onder", ["schaalvraag"])
    page.wait_for_timeout(400)
    stored = plans(page)
    assert sorted(p["naam"] for p in stored.values()) == ["Hans", "Myra"]
    assert {p["situatie"] for p in stored.values()} == {"boven", "onder"}
    # Reopen the first: its own answers and choices.
    page.locator("[data-pig-plan-list]").get_by_role("link", name="Myra").click()
    expect(page.get_by_label("Met wie?")).to_have_value("Myra")
    expect(page.get_by_label(PREP[0].text, exact=True)).to_have_value("Myra: antwoord 1")
    expect(page.locator("input[name=pig-plan-situatie][value=boven]")).to_be_checked()
    # Copy as the start of the next conversation.
    page.get_by_role("button", name="Nieuw gesprek met dit gesprek als begin").click()
    expect(page.get_by_label("Met wie?")).to_have_value("Myra (vervolg)")
    expect(page.get_by_label(PREP[0].text, exact=True)).to_have_value("Myra: antwoord 1")
    assert len(plans(page)) == 3
    # Delete: asked first; cancel keeps it, undo brings it back.
    page.get_by_role("button", name="Dit gesprek verwijderen").click()
    page.get_by_role("button", name="Annuleren").click()
    assert len(plans(page)) == 3
    page.get_by_role("button", name="Dit gesprek verwijderen").click()
    page.get_by_role("button", name="Verwijderen", exact=True).click()
    assert len(plans(page)) == 2
    expect(page.locator("[data-pig-plan-message]")).to_contain_text("Myra (vervolg)")
    page.get_by_role("button", name="Ongedaan maken").click()
    expect(page.get_by_label("Met wie?")).to_have_value("Myra (vervolg)")
    assert len(plans(page)) == 3
    page.get_by_role("button", name="Dit gesprek verwijderen").click()
    page.get_by_role("button", name="Verwijderen", exact=True).click()
    assert sorted(p["naam"] for p in plans(page).values()) == ["Hans", "Myra"]
    assert not page.watch.problems()


def test_plans_are_in_mijn_antwoorden_its_backup_and_come_back_on_import(context, site_url, tmp_path):
    page = open_planner(context, site_url)
    fill_plan(page, "Jeffrey <img src=x onerror=alert(1)>", "naar", ["historielijn", "droomvraag"])
    page.wait_for_timeout(400)
    expect(page.locator("[data-pig-card-name]")).to_have_text("Jeffrey <img src=x onerror=alert(1)>")
    assert page.locator("[data-pig-card] img, [data-pig-plan-list] img").count() == 0
    mine = context.new_page()
    mine.goto(site_url + page_url("mijn-antwoorden.md"))
    section = mine.locator("[data-pig-mine-plans]")
    expect(section).to_be_visible()
    expect(section.locator("h3")).to_have_text("Jeffrey <img src=x onerror=alert(1)>")
    assert "Historielijn van afgelopen jaar, De droomvraag" in flat(section.inner_text())
    assert "Jeffrey <img src=x onerror=alert(1)>: antwoord 1" in section.inner_text()
    with mine.expect_download() as caught:
        mine.get_by_role("button", name="Reservekopie downloaden (.json)").click()
    backup = caught.value.path().read_text(encoding="utf-8")
    exported = json.loads(backup)["items"]
    assert any(k.startswith("@plan/") and k.endswith("/naam") for k in exported)
    with mine.expect_download() as caught:
        mine.get_by_role("button", name="Leesbare versie downloaden (.html)").click()
    readable = caught.value.path().read_text(encoding="utf-8")
    assert "Jeffrey &lt;img src=x onerror=alert(1)&gt;: antwoord 2" in readable and "<img" not in readable
    mine.get_by_role("button", name="Alles wissen").click()
    mine.get_by_role("button", name="Alles wissen").last.click()
    expect(section).to_be_hidden()
    path = tmp_path / "reservekopie.json"
    path.write_text(backup, encoding="utf-8")
    mine.locator(".pig-mine__tools [data-pig-import]").set_input_files(str(path))
    mine.get_by_role("button", name="Samenvoegen").click()
    expect(section).to_be_visible()
    assert "niet overgenomen" not in mine.locator(".pig-mine__tools [data-pig-message]").inner_text()
    page.reload()
    expect(page.get_by_label("Met wie?")).to_have_value("Jeffrey <img src=x onerror=alert(1)>")
    expect(page.get_by_label(PREP[2].text, exact=True)).to_have_value("Jeffrey <img src=x onerror=alert(1)>: antwoord 3")
    expect(page.locator("input[name=pig-plan-situatie][value=naar]")).to_be_checked()
    assert not page.watch.problems()


def test_by_keyboard_only(context, site_url):
    page = open_planner(context, site_url)
    tab_until(page, "document.activeElement.id === 'pig-plan-naam'", 250, "the name field")
    page.keyboard.type("Hans")
    tab_until(page, "document.activeElement.name === 'pig-plan-situatie'", 40, "the situations")
    # Arrow keys move through a radio group and choose.
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    expect(page.locator("input[name=pig-plan-situatie][value=onder]")).to_be_checked()
    tab_until(page, "document.activeElement.matches('[data-pig-situation=onder] input[value=feedback]')", 30, "Hans's first werkvorm")
    page.keyboard.press("Space")
    expect(page.locator("[data-pig-werkvorm=feedback]")).to_be_visible()
    tab_until(page, "document.activeElement.matches('[data-pig-plan-print]')", 200, "the print button")
    page.wait_for_timeout(400)
    plan = next(iter(plans(page).values()))
    assert plan == {"naam": "Hans", "situatie": "onder", "werkvormen": "feedback"}
    focused = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focused != "none"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_is_clean_with_a_plan(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    try:
        page = open_planner(context, site_url)
        fill_plan(page, "Hans", "onder", ["schaalvraag"], answers=False)
        page.get_by_label("Het gesprek loopt vast, of liep de vorige keer vast").check()
        problems = page.watch.problems() + [f"axe {v}" for v in axe_violations(page)]
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_at_360_px_nothing_scrolls_sideways(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = open_planner(context, site_url)
        fill_plan(page, "Een heel lange naam van een medewerker, vrijdag 12 december", "boven", ["historielijn"], answers=False)
        page.locator("input[name=pig-plan-richting][value=beide]").check()
        page.get_by_label("Het gesprek loopt vast, of liep de vorige keer vast").check()
        expect(page.locator("[data-pig-stuck] figure")).to_be_visible()
        width, wide = sideways_overflow(page)
    finally:
        context.close()
    assert width <= 360 and not wide, wide


def test_without_javascript_the_questions_and_the_table_print(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url + page_url("gespreksplanner.md"))
        expect(page.locator("[data-pig-planner-app]")).to_be_hidden()
        text = flat(" ".join(p.extract_text() for p in print_to_pdf(page).pages))
    finally:
        context.close()
    for question in PREP:
        assert flat(question.text)[:50] in text, question.id
    assert "Welke werkvormen bij welke situatie" in text and "Hans" in text and "Gesprekskaart" not in text


def test_answers_typed_on_the_reflection_can_be_taken_over(context, site_url):
    page = context.new_page()
    page.goto(site_url + page_url("reflectie/voorbereiden.md"))
    page.get_by_role("textbox", name=f"Jouw antwoord {PREP[1].text}", exact=True).fill("Uit de reflectie")
    page.keyboard.press("Tab")
    page = open_planner(context, site_url)
    page.get_by_label(PREP[0].text, exact=True).fill("Al ingevuld")
    page.get_by_label(PREP[0].text, exact=True).blur()
    page.get_by_role("button", name="Neem je antwoorden op de reflectie over").click()
    expect(page.get_by_label(PREP[1].text, exact=True)).to_have_value("Uit de reflectie")
    expect(page.get_by_label(PREP[0].text, exact=True)).to_have_value("Al ingevuld")  # nothing typed is overwritten
    expect(page.locator("[data-pig-plan-take]")).to_be_hidden()
    page.reload()
    expect(page.get_by_label(PREP[1].text, exact=True)).to_have_value("Uit de reflectie")
    assert next(iter(plans(page).values()))[f"vraag-{PREP[1].id}"] == "Uit de reflectie"


def test_from_the_unpacked_zip_on_disk_a_plan_survives_reload(browser, site_dir, tmp_path):
    zipped = next(site_dir.glob("positief-in-gesprek-*.zip"))
    with zipfile.ZipFile(zipped) as archive:
        archive.extractall(tmp_path)
    base = (tmp_path / zipped.name.removesuffix(".zip")).as_uri() + "/"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = open_planner(context, base)
        fill_plan(page, "Van schijf", "naar", ["historielijn"], answers=False)
        page.wait_for_timeout(400)
        page.reload()
        expect(page.get_by_label("Met wie?")).to_have_value("Van schijf")
        expect(page.locator("[data-pig-werkvorm=historielijn]")).to_be_visible()
        problems = page.watch.problems()
    finally:
        context.close()
    assert not problems, problems


def test_two_tabs_on_one_plan_stay_in_step(context, site_url):
    first = open_planner(context, site_url)
    first.get_by_label("Met wie?").fill("Jeffrey")
    first.get_by_label("Met wie?").blur()
    first.wait_for_timeout(400)
    second = open_planner(context, site_url)
    expect(second.get_by_label("Met wie?")).to_have_value("Jeffrey")
    first.locator("input[name=pig-plan-situatie][value=naar]").check()
    first.locator("[data-pig-situation=naar] input[value=droomvraag]").check()
    expect(second.locator("input[name=pig-plan-situatie][value=naar]")).to_be_checked()
    expect(second.locator("[data-pig-werkvorm=droomvraag]")).to_be_visible()
    second.get_by_label(PREP[0].text, exact=True).fill("Uit het tweede venster")
    second.get_by_label(PREP[0].text, exact=True).blur()
    expect(first.get_by_label(PREP[0].text, exact=True)).to_have_value("Uit het tweede venster")
    assert len(plans(first)) == 1


LONG = " ".join(["Een lang antwoord, over wat goed ging en wat er nog beter kan in het team."] * 6)


def announced_pages(page):
    said = page.locator("[data-pig-plan-pages]")
    expect(said).to_contain_text("A4")
    return int(re.search(r"(\d+) pagina", said.inner_text())[1])


@pytest.mark.parametrize("count", [1, 5, "all"])
def test_the_announced_page_count_is_the_printed_one(context, site_url, count):
    page = open_planner(context, site_url)
    werkvormen = [w for w in PLANNER.werkvormen]
    chosen = werkvormen if count == "all" else werkvormen[:count]
    # Every question of every chosen werkvorm's sheet answered at length for
    # this conversation, and the plan's own answers long too.
    page.get_by_label("Met wie?").fill("Sanne")
    plan = page.evaluate("() => new URL(document.querySelector('a[data-pig-plan-sheet]').href).searchParams.get('gesprek')")
    entries = {}
    for w in chosen:
        if w.worksheet:
            for q in CONTENT.worksheets.get(w.worksheet).questions:
                entries[f"@plan/{plan}/{w.worksheet}/{q.id}"] = LONG
    entries[f"@plan/{plan}/werkvormen"] = " ".join(w.id for w in chosen)
    entries[f"@plan/{plan}/situatie"] = "onder"
    entries[f"@plan/{plan}/naam"] = "Sanne"
    if count == "all":
        entries[f"@plan/{plan}/vast"] = "ja"  # the model too
    for number, question in enumerate(PREP, start=1):
        entries[f"@plan/{plan}/vraag-{question.id}"] = LONG
    page.evaluate("""entries => {
        for (const [key, text] of Object.entries(entries)) window.pig.store.put(key, {text}, null, true);
    }""", entries)
    page.reload()
    expect(page.locator("input[name=pig-plan-situatie][value=onder]")).to_be_checked()
    announced = announced_pages(page)
    pdf = print_to_pdf(page)
    assert_a4(pdf)
    text = flat(" ".join(p.extract_text() for p in pdf.pages))
    assert text.count(flat(LONG)[:40]) >= len(PREP), "the long answers are printed"
    assert len(pdf.pages) == announced, f"{count}: announced {announced}, printed {len(pdf.pages)}"
    # Each werkvorm kept whole by the stylesheet, not by the script.
    page.emulate_media(media="print")
    assert set(page.locator("[data-pig-card-werkvorm]").evaluate_all("bs => bs.map(b => getComputedStyle(b).breakInside)")) == {"avoid"}
    page.emulate_media(media="screen")
    assert page.locator("[data-pig-card] [style]").count() == 0, "the card's look is in planner.css"
    assert not page.watch.problems()


def card_order(page):
    return page.locator("[data-pig-card-werkvorm]:not([hidden])").evaluate_all("bs => bs.map(b => b.dataset.pigCardWerkvorm)")


def test_the_werkvormen_come_in_the_example_order_or_the_readers_own(context, site_url):
    page = open_planner(context, site_url)
    example = next(s.conversation for s in PLANNER.situations if s.expectation == "onder")
    steps = list(dict.fromkeys(w for step in example.steps for w in step.werkvormen))
    assert len(steps) >= 3
    fill_plan(page, "Hans", "onder", list(reversed(steps[:3])), answers=False)
    assert card_order(page) == steps[:3]
    order = page.locator("[data-pig-plan-order] li")
    expect(order).to_have_count(3)
    # By keyboard: the first one down, then the focus stays on its buttons.
    first = page.locator(f"[data-pig-plan-order] [data-pig-plan-move={steps[0]}][data-pig-plan-step='1']")
    first.focus()
    page.keyboard.press("Enter")
    assert card_order(page) == [steps[1], steps[0], steps[2]]
    assert page.evaluate("document.activeElement.dataset.pigPlanMove") == steps[0]
    expect(page.locator("[data-pig-plan-message]")).to_contain_text("plaats 2 van 3")
    page.keyboard.press("Enter")
    assert card_order(page) == [steps[1], steps[2], steps[0]]
    # The last has no way down: the focus goes to its way up.
    assert page.evaluate("document.activeElement.dataset.pigPlanStep") == "-1"
    box = page.locator(f"[data-pig-plan-order] [data-pig-plan-move={steps[0]}][data-pig-plan-step='1']")
    expect(box).to_be_disabled()
    buttons = page.locator("[data-pig-plan-order] button:not([disabled])").all()
    assert len(buttons) >= 4  # up and down of the middle one, one way each at the ends
    for button in buttons:
        assert button.bounding_box()["height"] >= 24
    # Kept with the plan.
    page.reload()
    assert card_order(page) == [steps[1], steps[2], steps[0]]
    text = flat(" ".join(p.extract_text() for p in print_to_pdf(page).pages))
    titles = {w.id: flat(w.title) for w in PLANNER.werkvormen}
    places = [text.index(titles[w], text.index("Werkvormen en vragen")) for w in (steps[1], steps[2], steps[0])]
    assert places == sorted(places), "printed in the reader's order"
    page.get_by_role("button", name="Weer de volgorde van het voorbeeld").click()
    assert card_order(page) == steps[:3]
    expect(page.get_by_role("button", name="Weer de volgorde van het voorbeeld")).to_be_hidden()
    assert not page.watch.problems()


def test_choices_look_like_the_self_tests_and_every_target_is_24_px(context, site_url):
    page = open_planner(context, site_url)
    fill_plan(page, "Sanne", "onder", sorted(EXAMPLE["onder"])[:1], answers=False)
    look = "i => [getComputedStyle(i).appearance, getComputedStyle(i).width, getComputedStyle(i).borderTopWidth]"
    radio = page.locator("input[name=pig-plan-situatie][value=onder]")
    drawn = radio.evaluate(look)
    assert drawn[0] == "none" and float(drawn[1][:-2]) >= 24, drawn
    box = page.locator("[data-pig-situation=onder] input[data-pig-plan-werkvorm]:checked").first
    assert box.evaluate(look) == drawn, "a chosen checkbox is filled as a chosen radio is"
    test = context.new_page()
    test.goto(site_url + page_url("bijlagen/mindset-test.md"))
    mt_radio = test.locator(".pig-mt input[type=radio]").first
    expect(mt_radio).to_be_attached()
    mt = mt_radio.evaluate("i => [getComputedStyle(i).appearance, getComputedStyle(i).width, getComputedStyle(i).borderTopColor]")
    assert mt[:2] == drawn[:2] and radio.evaluate("i => getComputedStyle(i).borderTopColor") != mt[2], "checked here, not there"
    # Touch targets: the choices' labels, the boxes, the "lees" links.
    targets = page.locator(".pig-planner__choice label:visible, [data-pig-plan-werkvorm]:visible, .pig-planner__read:visible").all()
    assert len(targets) > 10, targets
    for target in targets:
        size = target.bounding_box()
        assert size["height"] >= 24 and size["width"] >= 24, (target.evaluate("t => t.outerHTML.slice(0, 80)"), size)
    # Nothing drawn by a script's inline style: the page's look is in its stylesheets.
    assert page.locator(".pig-planner__app [style], [data-pig-card] [style]").count() == 0
    sheet = context.new_page()
    sheet.goto(site_url + page_url("werkbladen/schaalvraag.md"))
    expect(sheet.locator("textarea.pig-answer__field").first).to_be_visible()
    assert sheet.locator("textarea.pig-answer__field[style], select[style]").count() == 0
    chooser = sheet.get_by_label("Gesprek", exact=True)
    expect(chooser).to_be_visible()
    assert chooser.bounding_box()["height"] >= 24
    assert not page.watch.problems()


def test_a_conversation_has_its_own_date_on_every_sheet_and_an_older_one_keeps_its_dates(context, site_url):
    page = open_planner(context, site_url)
    # A store as the site kept it before: the date typed in the name, and on a sheet.
    stamp = "2026-05-01T10:00:00.000Z"
    old = {
        "@plan/goud/naam": {"text": "Hans, 12 mei", "updated": stamp},
        "@plan/goud/situatie": {"text": "onder", "updated": stamp},
        "@plan/goud/schaalvraag/@datum": {"text": "12 mei 2026", "updated": stamp},
        "@plan/goud/schaalvraag/ideaal": {"text": "Zelf plannen", "updated": stamp},
    }
    page.evaluate(f"items => localStorage.setItem({STORE!r}, JSON.stringify({{version: 2, items}}))", old)
    page.goto(site_url + page_url("gespreksplanner.md") + "?gesprek=goud")
    expect(page.get_by_label("Met wie?")).to_have_value("Hans, 12 mei")
    expect(page.get_by_label("Wanneer?")).to_have_value("12 mei 2026")
    kept = json.loads(page.evaluate(f"() => localStorage.getItem({STORE!r})"))["items"]
    for key, entry in old.items():
        assert kept[key]["text"] == entry["text"], key
    # Another sheet of that conversation shows its name and date.
    sheet = context.new_page()
    sheet.goto(site_url + page_url("werkbladen/droomvraag.md") + "?gesprek=goud")
    expect(sheet.get_by_role("textbox", name="Naam", exact=True)).to_have_value("Hans, 12 mei")
    expect(sheet.get_by_role("textbox", name="Datum", exact=True)).to_have_value("12 mei 2026")
    # A new date, typed in the planner, is on the sheets; the reader's own sheet has none.
    page.get_by_label("Wanneer?").fill("19 mei 2026")
    page.get_by_label("Met wie?").focus()
    page.wait_for_timeout(400)
    sheet.reload()
    expect(sheet.get_by_role("textbox", name="Datum", exact=True)).to_have_value("19 mei 2026")
    own = context.new_page()
    own.goto(site_url + page_url("werkbladen/droomvraag.md"))
    expect(own.get_by_role("textbox", name="Datum", exact=True)).to_have_value("")
    page.reload()
    page.emulate_media(media="print")
    expect(page.locator("[data-pig-card-date]")).to_have_text("19 mei 2026")
    page.emulate_media(media="screen")
    assert not page.watch.problems()


def test_the_list_shows_per_person_the_last_date_and_what_is_open(context, site_url):
    page = open_planner(context, site_url)
    older, newer = "2026-03-01T10:00:00.000Z", "2026-06-01T10:00:00.000Z"
    kept = {
        "@plan/gsanne1/naam": {"text": "Sanne, 3 maart", "updated": older},
        "@plan/gsanne1/volgende-stap": {"text": "Rooster maken", "updated": older},
        "@plan/gahmed/naam": {"text": "Ahmed", "updated": older},
        "@plan/gahmed/datum": {"text": "4 april", "updated": older},
        "@plan/gsanne2/naam": {"text": "sanne", "updated": newer},
        "@plan/gsanne2/datum": {"text": "1 juni", "updated": newer},
        "@plan/gsanne2/volgende-stap": {"text": "Cursus kiezen\nen meer", "updated": newer},
        "@plan/gsanne2/vervolgdatum": {"text": "2026-07-01", "updated": newer},
    }
    page.evaluate(f"items => localStorage.setItem({STORE!r}, JSON.stringify({{version: 2, items}}))", kept)
    page.goto(site_url + page_url("gespreksplanner.md") + "?gesprek=gahmed")
    people = page.locator("[data-pig-plan-list] > li")
    expect(people).to_have_count(2)
    sanne = people.nth(0)
    assert flat(sanne.locator(".pig-planner__person").inner_text()) == "sanne"
    assert "laatste gesprek: 1 juni; verder op 1 juli 2026; open: Cursus kiezen" in flat(sanne.inner_text())
    expect(sanne.locator("li")).to_have_count(2)
    assert "Rooster maken" in sanne.locator("li").nth(1).inner_text()
    ahmed = people.nth(1)
    assert "laatste gesprek: 4 april" in flat(ahmed.inner_text()) and "open:" not in ahmed.inner_text()
    expect(ahmed.locator("li[aria-current]")).to_have_count(1)
    assert not page.watch.problems()


# Material's own globals: its bundle's streams (name$), its focus polyfill,
# its inline scripts' (__md_*, and the palette script's plain names).
MATERIAL_GLOBAL = re.compile(r".*\$|__md_.*|applyFocusVisiblePolyfill|palette|media|input|key|target|value")


def test_the_page_scripts_keep_to_one_namespace(context, site_url):
    page = context.new_page()
    page.goto(site_url + "404.html")  # Material's page, none of the site's scripts
    before = set(page.evaluate("Object.keys(window)"))
    for src in ["gespreksplanner.md", "mijn-antwoorden.md", "werkbladen/schaalvraag.md", "bijlagen/mindset-test.md", "reflectie/vasthouden.md", "werkbladen/werkmap.md"]:
        page.goto(site_url + page_url(src))
        page.wait_for_function("window.pig && window.pig.store && document.readyState === 'complete'")
        added = {k for k in set(page.evaluate("Object.keys(window)")) - before if not MATERIAL_GLOBAL.fullmatch(k)}
        assert added == {"pig"}, (src, added)
        assert set(page.evaluate("Object.keys(window.pig)")) <= {"store", "storeModel", "result", "mindsetTest"}, src
