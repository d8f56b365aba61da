"""A reader's session with answers typed online, played in Chromium: typed,
kept, exported, imported into a fresh profile, printed; hostile answers,
bad files and broken storage; nothing leaves the site."""

import json
import re
import shutil

import pytest
from playwright.sync_api import expect

from browser_checks import PageWatch, axe_violations, flat, print_to_pdf
from sitebuild import load_library, page_url

from macros.render.notice import PRIVACY_TEXT

pytestmark = pytest.mark.browser

SHEETS = {sheet.id: sheet for sheet in load_library()}
HOSTILE = "<img src=x onerror=\"document.title='gehackt'\"> & <b>vet</b>"


def open_page(context, site_url, src):
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    page.goto(site_url + page_url(src))
    return page, watch


def field(page, question_text):
    return page.get_by_role("textbox", name=f"Jouw antwoord {question_text}", exact=True)


def type_answer(page, question_text, answer):
    box = field(page, question_text)
    box.fill(answer)
    box.blur()  # saved at once when the field is left


def question(sheet_id, question_id):
    return next(q for q in SHEETS[sheet_id].questions if q.id == question_id).text


def pdf_text(page):
    pdf = print_to_pdf(page, background=False)
    return pdf, " ".join(flat(p.extract_text()) for p in pdf.pages)


def test_every_question_of_a_worksheet_has_a_labelled_answer_field(context, site_url):
    page, watch = open_page(context, site_url, "werkbladen/job-craften.md")
    for q in SHEETS["job-craften"].questions:
        assert field(page, q.text).is_visible(), q.id
    assert page.get_by_text(PRIVACY_TEXT).is_visible()
    # The note comes before the first question.
    assert page.get_by_text(PRIVACY_TEXT).bounding_box()["y"] < field(page, SHEETS["job-craften"].questions[0].text).bounding_box()["y"]
    assert not watch.problems()


@pytest.mark.parametrize("sheet_id", [s.id for s in SHEETS.values() if any(q.web for q in s.questions)])
def test_a_question_of_the_web_edition_names_its_field_without_the_marking(context, site_url, sheet_id):
    # The question is marked on screen, but its field's name is the
    # question's words only: no "webeditie" read out with every answer.
    page, watch = open_page(context, site_url, f"werkbladen/{sheet_id}.md")
    for q in SHEETS[sheet_id].questions:
        if q.answer:
            expect(field(page, q.text).first).to_be_visible()
    names = page.locator("textarea, input[type=text]").evaluate_all(
        "fields => fields.map(f => [f.getAttribute('aria-label') || '', ...(f.getAttribute('aria-labelledby') || '')"
        ".split(' ').filter(Boolean).map(id => { const e = document.getElementById(id); "
        "return [getComputedStyle(e, '::before').content, e.textContent, getComputedStyle(e, '::after').content].join(' '); })].join(' '))"
    )
    assert names and not [name for name in names if "webeditie" in name.lower()]
    assert page.locator("li.pig-web").first.is_visible()
    assert not watch.problems()


def test_instructions_get_no_answer_field(context, site_url):
    page, _ = open_page(context, site_url, "werkbladen/reflected-best-self.md")
    assert field(page, question("reflected-best-self", "vraag-ieder")).count() == 0
    assert field(page, question("reflected-best-self", "lijst")).is_visible()


def test_an_answer_survives_a_reload_and_a_visit_elsewhere(context, site_url):
    page, watch = open_page(context, site_url, "werkbladen/hefbomen.md")
    text = question("hefbomen", "talent")
    type_answer(page, text, "Ideeënvorming\nen doorzetten")
    page.reload()
    assert field(page, text).input_value() == "Ideeënvorming\nen doorzetten"
    page.goto(site_url + page_url("deel-1/mindset.md"))
    page.go_back()
    assert field(page, text).input_value() == "Ideeënvorming\nen doorzetten"
    # The reflection's reading page and its worksheet share the answer.
    reflect, _ = open_page(context, site_url, "reflectie/voorbereiden.md")
    type_answer(reflect, question("reflectie-voorbereiden", "met-wie"), "Met Myra")
    sheet, _ = open_page(context, site_url, "werkbladen/reflectie-voorbereiden.md")
    assert field(sheet, question("reflectie-voorbereiden", "met-wie")).input_value() == "Met Myra"
    assert not watch.problems()


def test_a_markup_answer_stays_text(context, site_url):
    page, watch = open_page(context, site_url, "werkbladen/experiment.md")
    text = question("experiment", "leren")
    type_answer(page, text, HOSTILE)
    mine, _ = open_page(context, site_url, "mijn-antwoorden.md")
    answer = mine.locator(".pig-mine__answer", has_text="onerror")
    assert answer.inner_text() == HOSTILE
    assert mine.locator(".pig-mine img, .pig-mine b").count() == 0
    page.reload()
    assert page.locator("article img").count() == 0
    assert field(page, text).input_value() == HOSTILE
    assert "gehackt" not in page.title() + mine.title()
    assert not watch.problems()


def test_mijn_antwoorden_gathers_answers_in_book_order(context, site_url):
    first, _ = open_page(context, site_url, "werkbladen/droomvraag.md")
    type_answer(first, question("droomvraag", "met-wie"), "Met een klein team")
    second, _ = open_page(context, site_url, "reflectie/belangrijk.md")
    type_answer(second, question("reflectie-belangrijk", "talenten"), "Luisteren")
    mine, watch = open_page(context, site_url, "mijn-antwoorden.md")
    titles = mine.locator(".pig-mine__sheet:not([hidden]) h2").all_inner_texts()
    assert titles == [SHEETS["reflectie-belangrijk"].title, SHEETS["droomvraag"].title]
    link = mine.locator(".pig-mine__sheet:not([hidden]) a").last
    link.click()
    mine.wait_for_url(re.compile(re.escape(page_url("werkbladen/droomvraag.md")) + "$"))
    assert not watch.problems()


def test_export_then_import_into_a_fresh_profile(browser, context, site_url, tmp_path):
    answers = {
        ("hefbomen", "talent"): "Structuur aanbrengen",
        ("job-craften", "mentaal"): "Meelopen op de werkvloer",
        ("reflectie-vasthouden", "vasthouden"): HOSTILE,
    }
    for (sheet_id, question_id), answer in answers.items():
        page, _ = open_page(context, site_url, f"werkbladen/{sheet_id}.md")
        type_answer(page, question(sheet_id, question_id), answer)
    mine, _ = open_page(context, site_url, "mijn-antwoorden.md")
    with mine.expect_download() as caught:
        mine.get_by_role("button", name="Reservekopie downloaden (.json)").click()
    export = tmp_path / caught.value.suggested_filename
    caught.value.save_as(export)
    assert re.fullmatch(r"mijn-antwoorden-\d{4}-\d\d-\d\d\.json", export.name)
    stored = json.loads(export.read_text(encoding="utf-8"))
    assert stored["version"] == 2 and stored["site"] == "positief-in-gesprek"
    assert {key: value["text"] for key, value in stored["items"].items()} == {
        f"{s}/{q}": a for (s, q), a in answers.items()
    }
    with mine.expect_download() as caught:
        mine.get_by_role("button", name="Leesbare versie downloaden (.html)").click()
    assert caught.value.suggested_filename.endswith(".html")
    readable = caught.value.path().read_text(encoding="utf-8")
    assert "<h2>Hefbomen voor doorgeschoten talenten</h2>" in readable and "Structuur aanbrengen" in readable
    assert "<script" not in readable and "<img" not in readable and "&lt;img" in readable

    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = fresh.new_page()
        watch = PageWatch(site_url).attach(page)
        page.goto(site_url + page_url("mijn-antwoorden.md"))
        assert page.get_by_text("Je hebt nog geen antwoorden ingevuld.").is_visible()
        page.locator("[data-pig-import]").set_input_files(str(export))
        # Reading the file is asynchronous: wait for the question.
        expect(page.get_by_text("Het bestand bevat 3 antwoorden.")).to_be_visible()
        page.get_by_role("button", name="Vervangen").click()
        expect(page.locator("[data-pig-message]")).to_have_text(re.compile("^Vervangen: 3 antwoorden"))
        for (sheet_id, question_id), answer in answers.items():
            page.goto(site_url + page_url(f"werkbladen/{sheet_id}.md"))
            assert field(page, question(sheet_id, question_id)).input_value() == answer
        assert not watch.problems()
    finally:
        fresh.close()


def test_a_bad_file_is_refused_and_nothing_changes(context, site_url, tmp_path):
    page, _ = open_page(context, site_url, "werkbladen/hefbomen.md")
    type_answer(page, question("hefbomen", "trigger"), "Drukte")
    mine, watch = open_page(context, site_url, "mijn-antwoorden.md")
    bad_files = {
        "kapot.json": '{"version": 1, "answers": {',
        "ander.json": json.dumps({"version": 1, "answers": {"hefbomen/trigger": 42}}),
        "oud.json": json.dumps({"version": 0, "answers": {}}),
        "lijst.json": "[1, 2, 3]",
    }
    for name, content in bad_files.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        mine.locator("[data-pig-import]").set_input_files(str(path))
        message = mine.locator("[data-pig-message]")
        expect(message).to_have_text("Dit bestand is geen reservekopie van Mijn antwoorden; er is niets veranderd.")
        message.evaluate("el => { el.textContent = ''; }")  # the next file must write it anew
    mine.reload()
    assert mine.locator(".pig-mine__answer", has_text="Drukte").is_visible()
    assert not watch.problems()


def test_importing_can_merge(context, site_url, tmp_path):
    page, _ = open_page(context, site_url, "werkbladen/hefbomen.md")
    type_answer(page, question("hefbomen", "trigger"), "Drukte")
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"version": 1, "answers": {"hefbomen/hefboom": {"text": "Eerst opschrijven"}}}), encoding="utf-8")
    mine, _ = open_page(context, site_url, "mijn-antwoorden.md")
    mine.locator("[data-pig-import]").set_input_files(str(path))
    mine.get_by_role("button", name="Samenvoegen").click()
    expect(mine.locator("[data-pig-message]")).to_have_text(re.compile("^Samengevoegd: 1 antwoord toegevoegd"))
    assert mine.locator(".pig-mine__item:not([hidden]) .pig-mine__answer").all_inner_texts() == ["Drukte", "Eerst opschrijven"]


def test_clearing_asks_first(context, site_url):
    page, _ = open_page(context, site_url, "werkbladen/hefbomen.md")
    type_answer(page, question("hefbomen", "trigger"), "Drukte")
    mine, _ = open_page(context, site_url, "mijn-antwoorden.md")
    mine.get_by_role("button", name="Alles wissen").click()
    mine.get_by_role("button", name="Annuleren").click()
    assert mine.locator(".pig-mine__answer", has_text="Drukte").is_visible()
    mine.get_by_role("button", name="Alles wissen").click()
    mine.locator("[data-pig-confirm]").get_by_role("button", name="Alles wissen").click()
    assert mine.get_by_text("Je hebt nog geen antwoorden ingevuld.").is_visible()
    page.reload()
    assert field(page, question("hefbomen", "trigger")).input_value() == ""


def test_a_sheet_prints_with_answers_or_blank(context, site_url):
    page, _ = open_page(context, site_url, "werkbladen/waarderend-interview.md")
    text = question("waarderend-interview", "effect")
    type_answer(page, text, "Het team kwam weer in beweging")
    pdf, printed = pdf_text(page)
    assert "Het team kwam weer in beweging" in printed
    assert len(pdf.pages) == SHEETS["waarderend-interview"].pages
    assert "Jouw antwoord" not in printed and PRIVACY_TEXT not in printed and "Opgeslagen" not in printed
    page.get_by_label("Afdrukken met mijn antwoorden").uncheck()
    _, blank = pdf_text(page)
    assert "Het team kwam weer in beweging" not in blank
    assert text in blank


STORE = "pig/positief-in-gesprek/v2"


def test_a_corrupt_store_gives_a_message_and_is_not_overwritten(context, site_url):
    page, watch = open_page(context, site_url, "werkbladen/hefbomen.md")
    page.evaluate(f"() => localStorage.setItem({STORE!r}, '{{kapot')")
    page.reload()
    assert page.get_by_text("Je bewaarde antwoorden zijn beschadigd").is_visible()
    assert field(page, question("hefbomen", "talent")).is_visible()
    # Nothing stored is overwritten while it cannot be read.
    type_answer(page, question("hefbomen", "talent"), "Iets")
    assert page.evaluate(f"() => localStorage.getItem({STORE!r})") == "{kapot"
    assert not watch.problems()


def test_a_filled_in_page_is_accessible(context, site_url):
    page, watch = open_page(context, site_url, "werkbladen/hefbomen.md")
    type_answer(page, question("hefbomen", "talent"), "Ideeënvorming")
    assert not axe_violations(page)
    mine, _ = open_page(context, site_url, "mijn-antwoorden.md")
    assert not axe_violations(mine)
    assert not watch.problems()


def test_answers_work_from_disk(browser, site_dir, tmp_path):
    root = tmp_path / "werkboek"
    shutil.copytree(site_dir, root)
    context = browser.new_context()
    try:
        page = context.new_page()
        url = (root / page_url("werkbladen/hefbomen.md")).as_uri()
        page.goto(url)
        type_answer(page, question("hefbomen", "talent"), "Vanaf de schijf")
        page.reload()
        assert field(page, question("hefbomen", "talent")).input_value() == "Vanaf de schijf"
    finally:
        context.close()
