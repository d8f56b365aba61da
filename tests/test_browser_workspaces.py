"""One workspace per conversation, played in Chromium: two people, the same
worksheet filled in for each, the reader's own answers beside them, moving
the reader's answers into a conversation, and a store written by the site
before conversations were workspaces (tests/fixtures/store-2026-12-07.json,
captured from it) opening with nothing lost."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser_checks import STORE, PageWatch, answer_field, flat, print_to_pdf, stored_items
from sitebuild import load_library, page_url

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).parent / "fixtures" / "store-2026-12-07.json"
NAME = "Met wie?"
PREP_FIRST = load_library().get("reflectie-voorbereiden").questions[0].text


def open_page(context, site_url, src, query=""):
    page = context.new_page()
    page.watch = PageWatch(site_url).attach(page)
    page.goto(site_url + page_url(src) + query)
    return page


def name_field(page):
    return page.get_by_role("textbox", name="Naam", exact=True)


def plan_id(page) -> str:
    return re.search(r"gesprek=([a-z0-9]+)", page.locator("[data-pig-werkvorm=schaalvraag] a[data-pig-plan-sheet]").get_attribute("href")).group(1)


def new_conversation(page, name):
    page.get_by_label(NAME).fill(name)
    page.locator("input[data-pig-plan-field=situatie][value=onder]").check()
    page.locator("input[data-pig-plan-werkvorm][value=schaalvraag]:visible").first.check()
    page.get_by_label(NAME).blur()
    page.wait_for_timeout(400)


def test_two_conversations_keep_their_own_answers_and_the_readers_own_stay_apart(context, site_url, browser, tmp_path):
    planner = open_page(context, site_url, "gespreksplanner.md")
    new_conversation(planner, "Sanne")
    sanne = plan_id(planner)
    planner.locator("[data-pig-werkvorm=schaalvraag] a[data-pig-plan-sheet]").click()
    planner.wait_for_load_state()
    assert planner.url.endswith(page_url("werkbladen/schaalvraag.md") + f"?gesprek={sanne}")
    sheet = planner
    expect(sheet.locator("[data-pig-conversation]")).to_contain_text("Je vult dit werkblad in voor het gesprek ‘Sanne’")
    expect(name_field(sheet)).to_have_value("Sanne")
    answer_field(sheet, "schaalvraag", "stapje-verder").fill("Voor Sanne: een team dat zelf plant")
    answer_field(sheet, "schaalvraag", "stapje-verder").blur()

    planner = open_page(context, site_url, "gespreksplanner.md")
    planner.get_by_role("button", name="Nieuw gesprek", exact=True).click()
    planner.wait_for_load_state()
    new_conversation(planner, "Ahmed")
    ahmed = plan_id(planner)
    assert ahmed != sanne
    sheet = open_page(context, site_url, "werkbladen/schaalvraag.md", f"?gesprek={ahmed}")
    expect(answer_field(sheet, "schaalvraag", "stapje-verder")).to_have_value("")
    expect(name_field(sheet)).to_have_value("Ahmed")
    answer_field(sheet, "schaalvraag", "stapje-verder").fill("Voor Ahmed: rust in het rooster")
    answer_field(sheet, "schaalvraag", "stapje-verder").blur()
    # The name typed on the sheet is the conversation's, not every sheet's.
    name_field(sheet).fill("Ahmed B.")
    name_field(sheet).blur()

    # The reader's own sheet: empty, says so, offers the conversations.
    own = open_page(context, site_url, "werkbladen/schaalvraag.md")
    expect(own.locator("[data-pig-conversation]")).to_contain_text("Dit zijn je eigen antwoorden.")
    expect(answer_field(own, "schaalvraag", "stapje-verder")).to_have_value("")
    expect(name_field(own)).to_have_value("")
    expect(own.get_by_label("Gesprek", exact=True).locator("option")).to_have_text(["Ahmed B.", "Sanne"])
    own.get_by_label("Gesprek", exact=True).select_option(label="Sanne")
    own.get_by_role("button", name="Openen voor dit gesprek").click()
    expect(answer_field(own, "schaalvraag", "stapje-verder")).to_have_value("Voor Sanne: een team dat zelf plant")
    expect(name_field(own)).to_have_value("Sanne")
    # The reflections are the reader's own: no conversation, no employee's name.
    reflection = open_page(context, site_url, "reflectie/belangrijk.md", f"?gesprek={sanne}")
    expect(reflection.locator("[data-pig-conversation]")).to_have_count(0)
    assert "Sanne" not in reflection.locator(".md-content").inner_text()

    # The planner opens a conversation by the query form too.
    planner = open_page(context, site_url, "gespreksplanner.md", f"?gesprek={sanne}")
    expect(planner.get_by_label(NAME)).to_have_value("Sanne")
    mine = open_page(context, site_url, "mijn-antwoorden.md")
    plans = mine.locator(".pig-mine__plan")
    expect(plans.filter(has_text="Sanne")).to_contain_text("Voor Sanne: een team dat zelf plant")
    expect(plans.filter(has_text="Ahmed B.")).to_contain_text("Voor Ahmed: rust in het rooster")
    assert "Voor Ahmed" not in plans.filter(has_text="Sanne").inner_text()
    with mine.expect_download() as caught:
        mine.get_by_role("button", name="Reservekopie downloaden (.json)").click()
    backup = tmp_path / "kopie.json"
    caught.value.save_as(backup)

    # A fresh profile with the backup: both still there.
    fresh = browser.new_context()
    try:
        page = fresh.new_page()
        watch = PageWatch(site_url).attach(page)
        page.goto(site_url + page_url("mijn-antwoorden.md"))
        page.locator(".pig-mine__tools [data-pig-import]").set_input_files(str(backup))
        page.get_by_role("button", name="Samenvoegen").click()
        page.goto(site_url + page_url("werkbladen/schaalvraag.md") + f"?gesprek={ahmed}")
        expect(answer_field(page, "schaalvraag", "stapje-verder")).to_have_value("Voor Ahmed: rust in het rooster")
        expect(name_field(page)).to_have_value("Ahmed B.")
        assert not watch.problems()
    finally:
        fresh.close()
    for page in [sheet, own, reflection, planner, mine]:
        assert not page.watch.problems()


def test_the_readers_own_answers_on_a_sheet_move_into_a_conversation(context, site_url):
    planner = open_page(context, site_url, "gespreksplanner.md")
    new_conversation(planner, "Sanne")
    sanne = plan_id(planner)
    own = open_page(context, site_url, "werkbladen/schaalvraag.md")
    answer_field(own, "schaalvraag", "stapje-verder").fill("Eerst zonder gesprek getypt")
    answer_field(own, "schaalvraag", "stapje-verder").blur()
    own.reload()
    own.get_by_role("button", name="Mijn antwoorden hier naar dat gesprek verplaatsen").click()
    own.wait_for_url(re.compile(f"gesprek={sanne}$"))
    expect(answer_field(own, "schaalvraag", "stapje-verder")).to_have_value("Eerst zonder gesprek getypt")
    expect(own.locator("[data-pig-answer-bar] [data-pig-message]")).to_have_text("1 antwoord verplaatst naar het gesprek ‘Sanne’.")
    stored = stored_items(own)
    assert "schaalvraag/stapje-verder" not in stored
    assert stored[f"@plan/{sanne}/schaalvraag/stapje-verder"]["text"] == "Eerst zonder gesprek getypt"
    assert not own.watch.problems() + planner.watch.problems()


def test_a_store_written_by_the_site_before_workspaces_opens_with_nothing_lost(context, site_url):
    """The fixture was written by the site as it was before this change
    (tests/fixtures/capture_store.py): every answer, name, date, plan and
    self-test result opens, as the reader's own."""
    stored = json.loads(FIXTURE.read_text(encoding="utf-8"))
    items = json.loads(stored[STORE])["items"]
    page = open_page(context, site_url, "werkbladen/hefbomen.md")
    page.evaluate("(record) => { for (const [key, text] of Object.entries(record)) localStorage.setItem(key, text); }", stored)
    page.reload()
    for key in ["hefbomen/talent", "hefbomen/doorschieten"]:
        expect(answer_field(page, *key.split("/"))).to_have_value(items[key]["text"])
    expect(name_field(page)).to_have_value(items["@naam"]["text"])
    expect(page.get_by_role("textbox", name="Datum", exact=True)).to_have_value(items["hefbomen/@datum"]["text"])
    expect(page.locator("[data-pig-conversation]")).to_contain_text("Dit zijn je eigen antwoorden.")
    page.goto(site_url + page_url("werkbladen/droomvraag.md"))
    expect(answer_field(page, "droomvraag", "wat-doe-je")).to_have_value(items["droomvraag/wat-doe-je"]["text"])
    page.goto(site_url + page_url("reflectie/belangrijk.md"))
    expect(answer_field(page, "reflectie-belangrijk", "functie-en-belang")).to_have_value(items["reflectie-belangrijk/functie-en-belang"]["text"])
    plans = {key.split("/")[1] for key in items if key.startswith("@plan/")}
    assert plans, "the fixture holds no plan"
    for plan in plans:
        page.goto(site_url + page_url("gespreksplanner.md") + f"#gesprek={plan}")
        page.reload()
        expect(page.get_by_label(NAME)).to_have_value(items[f"@plan/{plan}/naam"]["text"])
        for key, value in items.items():
            if key.startswith(f"@plan/{plan}/vraag-"):
                expect(page.locator(f"[data-pig-plan-field={key.split('/')[2]}]")).to_have_value(value["text"])
            elif key.startswith(f"@plan/{plan}/") and key.split("/")[2] in ("situatie", "richting"):
                expect(page.locator(f"input[data-pig-plan-field={key.split('/')[2]}][value={value['text']}]")).to_be_checked()
    page.goto(site_url + page_url("mijn-antwoorden.md"))
    shown = page.locator(".md-content").inner_text()
    for key, value in items.items():
        if "text" in value and not key.endswith("@datum") and key != "@naam" and not key.endswith(("/situatie", "/richting", "/werkvormen")):
            assert value["text"].split("\n")[0] in shown, key
    expect(page.locator("[data-pig-mine-mindset] .pig-mt__card")).to_have_count(1)
    expect(page.locator("[data-pig-mine-mindset]")).to_contain_text("Gemiddeld: 4,0")
    # Nothing was rewritten on the way: the store holds every item as it was.
    after = stored_items(page)
    for key, value in items.items():
        assert after[key] == value, key
    assert not page.watch.problems()


def test_the_gesprekskaart_prints_the_answers_of_the_conversation_and_the_books_words(context, site_url):
    planner = open_page(context, site_url, "gespreksplanner.md")
    planner.get_by_label(NAME).fill("Hans, 3 december")
    planner.locator("input[data-pig-plan-field=situatie][value=onder]").check()
    for werkvorm in ["feedback", "schaalvraag", "positief-doel"]:
        planner.locator(f"input[data-pig-plan-werkvorm][value={werkvorm}]:visible").first.check()
    planner.get_by_label(NAME).blur()
    planner.wait_for_timeout(400)
    hans = plan_id(planner)
    sheet = open_page(context, site_url, "werkbladen/schaalvraag.md", f"?gesprek={hans}")
    answer_field(sheet, "schaalvraag", "wat-maakt-dat").fill("Hij zit nu op een 5: de adviezen zijn er.\nMaar ze worden niet gebruikt.")
    answer_field(sheet, "schaalvraag", "wat-maakt-dat").blur()
    # Another conversation's answer on the same sheet is not on Hans's card.
    other = open_page(context, site_url, "werkbladen/schaalvraag.md", "?gesprek=anderepersoon")
    answer_field(other, "schaalvraag", "stapje-verder").fill("Van iemand anders")
    answer_field(other, "schaalvraag", "stapje-verder").blur()
    planner.reload()
    pages = print_to_pdf(planner, background=False).pages
    text = " ".join(flat(page.extract_text()) for page in pages)
    assert "Hij zit nu op een 5: de adviezen zijn er. Maar ze worden niet gebruikt." in text
    assert "Van iemand anders" not in text
    # The questions stay where nothing was answered.
    assert "Wat zou je kunnen doen om één stapje verder te komen?" in text
    # Feedback has no questionnaire: the book's words for Hans's step, with their source.
    assert "Aan te kondigen dat je feedback gaat geven" in text
    assert "Uit het boek: Deel 4, Hans: zijn prestaties blijven achter bij de verwachting, stap ‘Duidelijke feedback’." in text
    # A werkvorm is not split over two pages.
    with_scale = [flat(page.extract_text()) for page in pages if "De schaalvraag" in flat(page.extract_text())]
    assert len(with_scale) == 1 and "stapje verder te komen" in with_scale[0]
    assert not planner.watch.problems() + sheet.watch.problems() + other.watch.problems()


def test_one_conversation_moves_to_another_device_and_saves_as_a_readable_file(context, site_url, browser, tmp_path):
    planner = open_page(context, site_url, "gespreksplanner.md")
    new_conversation(planner, "Sanne <b>vet</b>")
    sanne = plan_id(planner)
    sheet = open_page(context, site_url, "werkbladen/schaalvraag.md", f"?gesprek={sanne}")
    answer_field(sheet, "schaalvraag", "stapje-verder").fill("Elke week een kwartier plannen")
    answer_field(sheet, "schaalvraag", "stapje-verder").blur()
    # A second conversation stays out of the first one's file.
    planner.get_by_role("button", name="Nieuw gesprek", exact=True).click()
    planner.wait_for_load_state()
    new_conversation(planner, "Ahmed")
    planner.goto(site_url + page_url("gespreksplanner.md") + f"?gesprek={sanne}")
    with planner.expect_download() as caught:
        planner.get_by_role("button", name="Dit gesprek downloaden (.json)").click()
    assert caught.value.suggested_filename.startswith("gesprek-sanne-b-vet-b-")
    path = tmp_path / "gesprek.json"
    caught.value.save_as(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["items"][f"@plan/{sanne}/schaalvraag/stapje-verder"]["text"] == "Elke week een kwartier plannen"
    assert all(key.startswith(f"@plan/{sanne}/") for key in saved["items"])
    with planner.expect_download() as caught:
        planner.get_by_role("button", name="Dit gesprek als leesbaar bestand (.html)").click()
    readable = caught.value.path().read_text(encoding="utf-8")
    assert "Elke week een kwartier plannen" in readable and "Sanne &lt;b&gt;vet&lt;/b&gt;" in readable
    assert "<script" not in readable and "Ahmed" not in readable

    fresh = browser.new_context()
    try:
        page = fresh.new_page()
        watch = PageWatch(site_url).attach(page)
        page.goto(site_url + page_url("gespreksplanner.md"))
        page.locator("[data-pig-plan-import]").set_input_files(str(path))
        expect(page.get_by_label(NAME)).to_have_value("Sanne <b>vet</b>")
        expect(page.locator("[data-pig-plan-message]")).to_contain_text("Samengevoegd:")
        assert f"gesprek={sanne}" in page.url
        page.goto(site_url + page_url("werkbladen/schaalvraag.md") + f"?gesprek={sanne}")
        expect(answer_field(page, "schaalvraag", "stapje-verder")).to_have_value("Elke week een kwartier plannen")
        assert not watch.problems()
    finally:
        fresh.close()
    assert not planner.watch.problems() + sheet.watch.problems()


def test_after_the_conversation_the_agreements_a_calendar_file_and_the_next_conversation(context, site_url):
    planner = open_page(context, site_url, "gespreksplanner.md")
    new_conversation(planner, "Sanne")
    planner.get_by_label("Wat hebben jullie afgesproken?").fill("Sanne plant zelf; wij kijken elke maand samen")
    planner.get_by_label("Wat is de volgende stap, en wat is nog open?").fill("Rooster voor januari")
    planner.get_by_label("Wanneer praten jullie verder?").fill("2027-01-15")
    planner.get_by_label("Wanneer praten jullie verder?").blur()
    planner.wait_for_timeout(700)
    with planner.expect_download() as caught:
        planner.get_by_role("button", name="Vervolgafspraak in je agenda (.ics)").click()
    calendar = caught.value.path().read_bytes().decode("utf-8")
    assert "BEGIN:VCALENDAR\r\n" in calendar and "DTSTART;VALUE=DATE:20270115\r\n" in calendar and "DTEND;VALUE=DATE:20270116\r\n" in calendar
    assert "SUMMARY:Vervolggesprek: Sanne\r\n" in calendar and "Afspraken: Sanne plant zelf\\; wij kijken" in calendar
    # The card prints what was agreed.
    text = " ".join(flat(page.extract_text()) for page in print_to_pdf(planner, background=False).pages)
    assert "Sanne plant zelf; wij kijken elke maand samen" in text and "15 januari 2027" in text
    planner.get_by_role("button", name="Vervolggesprek voorbereiden").click()
    planner.wait_for_load_state()
    expect(planner.get_by_label(NAME)).to_have_value("Sanne")
    expect(planner.get_by_label("Uit het vorige gesprek")).to_have_value(
        "Afgesproken: Sanne plant zelf; wij kijken elke maand samen\nNog open: Rooster voor januari")
    expect(planner.get_by_label("Wat hebben jullie afgesproken?")).to_have_value("")
    # The list says per conversation when it goes on and what is open.
    expect(planner.locator("[data-pig-plan-list] li li").filter(has_text="verder op 15 januari 2027; open: Rooster voor januari")).to_have_count(1)
    assert not planner.watch.problems()


def test_focus_goes_to_a_sensible_place_and_what_happened_is_announced(context, site_url, tmp_path):
    planner = open_page(context, site_url, "gespreksplanner.md")
    new_conversation(planner, "Sanne")
    planner.get_by_role("button", name="Nieuw gesprek", exact=True).click()
    planner.wait_for_load_state()
    expect(planner.get_by_label(NAME)).to_be_focused()
    expect(planner.locator("[data-pig-plan-message]")).to_have_text("Nieuw gesprek geopend: vul in met wie je het voert.")
    assert planner.locator("[data-pig-plan-message]").get_attribute("role") == "status"
    planner.get_by_label(NAME).fill("Ahmed")
    planner.get_by_label(NAME).blur()
    planner.wait_for_timeout(700)
    planner.locator("[data-pig-plan-list]").get_by_role("link", name="Sanne").click()
    planner.wait_for_load_state()
    expect(planner.get_by_label(NAME)).to_have_value("Sanne")
    expect(planner.get_by_label(NAME)).to_be_focused()
    expect(planner.locator("[data-pig-plan-message]")).to_have_text("Gesprek ‘Sanne’ geopend.")
    # Mijn antwoorden: after an import the focus is on the message that says what happened.
    mine = open_page(context, site_url, "mijn-antwoorden.md")
    path = tmp_path / "kopie.json"
    path.write_text(json.dumps({"version": 2, "items": {"hefbomen/talent": {"text": "Uit het bestand", "updated": "2026-03-01T00:00:00.000Z"}}}), encoding="utf-8")
    mine.locator(".pig-mine__tools [data-pig-import]").set_input_files(str(path))
    mine.get_by_role("button", name="Samenvoegen").click()
    message = mine.locator(".pig-mine__tools [data-pig-message]")
    expect(message).to_contain_text("Samengevoegd: 1 antwoord toegevoegd")
    expect(message).to_be_focused()
    assert not planner.watch.problems() + mine.watch.problems()


def test_the_employees_preparation_is_a_werkmap_link_with_the_sheets_and_a_first_name_only(context, site_url):
    planner = open_page(context, site_url, "gespreksplanner.md")
    new_conversation(planner, "Sanne de Vries, 12 mei")
    planner.locator("input[data-pig-plan-werkvorm][value=feedback]:visible").first.check()
    planner.get_by_label(PREP_FIRST).fill("Een antwoord dat nooit in een adres mag")
    planner.get_by_label(PREP_FIRST).blur()
    link = planner.get_by_label("Link om te sturen").input_value()
    assert link.endswith(page_url("werkbladen/werkmap.md") + "?werkblad=schaalvraag&voor=Sanne"), link
    assert "antwoord" not in link.lower()
    planner.get_by_role("link", name="De werkmap met deze werkbladen").click()
    planner.wait_for_load_state()
    expect(planner.locator("input[name=werkblad]:checked")).to_have_count(1)
    expect(planner.locator("input[name=werkblad][value=schaalvraag]")).to_be_checked()
    assert not planner.watch.problems()


def test_a_sheet_opened_from_disk_with_its_conversation_in_the_address_keeps_its_answers(browser, site_dir, tmp_path):
    """The address carries the conversation on a copy opened from disk as on
    a server: a bookmark of the sheet reopens it for that person."""
    import shutil

    root = tmp_path / "Werkboek van schijf"
    shutil.copytree(site_dir, root)
    base = root.as_uri() + "/"
    context = browser.new_context()
    try:
        planner = open_page(context, base, "gespreksplanner.md")
        new_conversation(planner, "Sanne")
        sanne = plan_id(planner)
        sheet = open_page(context, base, "werkbladen/schaalvraag.md", f"?gesprek={sanne}")
        expect(name_field(sheet)).to_have_value("Sanne")
        answer_field(sheet, "schaalvraag", "stapje-verder").fill("Van schijf, voor Sanne")
        answer_field(sheet, "schaalvraag", "stapje-verder").blur()
        again = open_page(context, base, "werkbladen/schaalvraag.md", f"?gesprek={sanne}")
        expect(answer_field(again, "schaalvraag", "stapje-verder")).to_have_value("Van schijf, voor Sanne")
        own = open_page(context, base, "werkbladen/schaalvraag.md")
        expect(own.locator("[data-pig-conversation]")).to_be_visible()
        expect(answer_field(own, "schaalvraag", "stapje-verder")).to_have_value("")
        for page in [planner, sheet, again, own]:
            assert not page.watch.problems()
    finally:
        context.close()
