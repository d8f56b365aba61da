"""Nothing the reader typed is lost by an import or a full store, played in
Chromium: "Vervangen" with answers this edition does not know, a replace
that would leave fewer answers, deletions a merge must not undo, stamps
that are no real moment, another site's backup, an import on a worksheet
page, leaving a page with an unsaved answer, ids named like the built-in
names of JavaScript objects, and a very long answer."""

import json
import re

import pytest
from playwright.sync_api import expect

from browser_checks import STORE, PageWatch, answer_field, stored_items, stub_print
from sitebuild import page_url

pytestmark = pytest.mark.browser

STAMP = "2026-03-01T00:00:00.000Z"


def entry(text, updated=STAMP):
    return {"text": text, "updated": updated}


def seed(page, items, deleted=None):
    record = {"version": 2, "items": items, **({"deleted": deleted} if deleted else {})}
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORE, json.dumps(record)])


def open_page(context, site_url, src):
    page = context.new_page()
    page.watch = PageWatch(site_url).attach(page)
    page.goto(site_url + page_url(src))
    return page


def backup(tmp_path, items, name="reservekopie.json", **extra):
    path = tmp_path / name
    path.write_text(json.dumps({"version": 2, "app": "positief-in-gesprek", "items": items, **extra}), encoding="utf-8")
    return str(path)


def pick(page, path):
    page.locator(".pig-mine__tools [data-pig-import]").set_input_files(path)


MINE_MESSAGE = ".pig-mine__tools [data-pig-message]"
HERE = {
    "hefbomen/talent": entry("Talent hier"),
    "hefbomen/trigger": entry("Trigger hier"),
    "droomvraag/wat-doe-je": entry("Droom hier"),
}


def test_replace_counts_what_it_can_keep_and_asks_again_before_leaving_fewer(context, site_url, tmp_path):
    page = open_page(context, site_url, "mijn-antwoorden.md")
    seed(page, HERE)
    page.reload()
    # Only answers this edition does not know (an earlier edition's renamed
    # sheets): nothing to replace with, nothing is offered, nothing changes.
    unknown = {f"oud-werkblad/vraag-{n}": entry(f"Oud {n}") for n in range(3)}
    pick(page, backup(tmp_path, unknown, "oud.json"))
    expect(page.locator(MINE_MESSAGE)).to_contain_text(
        "Het bestand bevat 3 antwoorden. Deze uitgave kan er 0 van overnemen")
    expect(page.locator(MINE_MESSAGE)).to_contain_text("Er is niets veranderd.")
    expect(page.get_by_role("button", name="Vervangen")).to_have_count(0)
    assert stored_items(page) == HERE

    # One answer it knows, one it does not: the question counts what it keeps.
    mixed = {"hefbomen/talent": entry("Talent uit het bestand", "2026-04-01T00:00:00.000Z"), "oud-werkblad/vraag": entry("Oud")}
    path = backup(tmp_path, mixed, "gemengd.json")
    pick(page, path)
    confirm = page.locator("[data-pig-confirm]")
    expect(confirm).to_contain_text("Het bestand bevat 2 antwoorden. Deze uitgave kan er 1 van overnemen")
    page.get_by_role("button", name="Vervangen", exact=True).click()
    # Fewer than now: a second question, naming the number.
    expect(confirm).to_contain_text("Vervangen laat 1 antwoord over van de 3 die hier nu staan: 2 antwoorden van dit apparaat staan niet in het bestand")
    expect(page.get_by_role("button", name="2 antwoorden wissen en vervangen")).to_be_focused()
    page.get_by_role("button", name="Annuleren").click()
    expect(page.locator(MINE_MESSAGE)).to_have_text("Terugzetten geannuleerd; er is niets veranderd.")
    assert stored_items(page) == HERE
    pick(page, path)
    page.get_by_role("button", name="Vervangen", exact=True).click()
    page.get_by_role("button", name="2 antwoorden wissen en vervangen").click()
    expect(page.locator(MINE_MESSAGE)).to_contain_text("Vervangen: 1 antwoord uit het bestand.")
    assert {key: value["text"] for key, value in stored_items(page).items()} == {"hefbomen/talent": "Talent uit het bestand"}
    assert not page.watch.problems()


def test_a_replace_that_keeps_as_many_asks_once(context, site_url, tmp_path):
    page = open_page(context, site_url, "mijn-antwoorden.md")
    seed(page, {"hefbomen/talent": entry("Talent hier")})
    page.reload()
    pick(page, backup(tmp_path, {"hefbomen/talent": entry("Ouder, maar gekozen", "2026-01-01T00:00:00.000Z"),
                                 "hefbomen/trigger": entry("Nieuw")}))
    page.get_by_role("button", name="Vervangen", exact=True).click()
    expect(page.locator(MINE_MESSAGE)).to_contain_text("Vervangen: 2 antwoorden uit het bestand.")
    assert stored_items(page)["hefbomen/talent"]["text"] == "Ouder, maar gekozen"


def test_a_merge_keeps_deletions_refuses_false_stamps_and_another_sites_backup(context, site_url, tmp_path):
    sheet = open_page(context, site_url, "werkbladen/hefbomen.md")
    seed(sheet, HERE)
    sheet.reload()
    # The reader empties an answer: the removal is remembered.
    box = answer_field(sheet, "hefbomen", "talent")
    box.fill("")
    box.blur()
    sheet.wait_for_timeout(100)
    record = json.loads(sheet.evaluate(f"localStorage.getItem({STORE!r})"))
    assert "hefbomen/talent" not in record["items"] and "hefbomen/talent" in record["deleted"]

    page = open_page(context, site_url, "mijn-antwoorden.md")
    # An older backup still holds it: a merge does not bring it back.
    pick(page, backup(tmp_path, {"hefbomen/talent": entry("Talent van vroeger"), "hefbomen/hefboom": entry("Nieuw")}))
    page.get_by_role("button", name="Samenvoegen").click()
    expect(page.locator(MINE_MESSAGE)).to_have_text(
        "Samengevoegd: 1 antwoord toegevoegd, 0 bijgewerkt (nieuwer in het bestand), 0 gehouden (hier even nieuw of nieuwer)."
        " 1 antwoord dat je hier later wist, is niet teruggezet.")
    stored = stored_items(page)
    assert "hefbomen/talent" not in stored and stored["hefbomen/hefboom"]["text"] == "Nieuw"
    # The backup downloaded now carries the removal along.
    with page.expect_download() as caught:
        page.get_by_role("button", name="Reservekopie downloaden (.json)").click()
    assert "hefbomen/talent" in json.loads(caught.value.path().read_text(encoding="utf-8"))["deleted"]

    # Stamps that are no real moment are refused, by name; the rest comes in.
    pick(page, backup(tmp_path, {
        "hefbomen/trigger": entry("Altijd de nieuwste", "9999-12-31T23:59:59.999Z"),
        "droomvraag/wat-doe-je": entry("Ook altijd", "zzz"),
        "hefbomen/doorschieten": entry("Gewoon", "2026-05-01T00:00:00.000Z"),
    }, "stempels.json"))
    page.get_by_role("button", name="Samenvoegen").click()
    expect(page.locator(MINE_MESSAGE)).to_contain_text(
        "2 antwoorden hebben een datum die niet kan kloppen en zijn niet overgenomen: hefbomen/trigger, droomvraag/wat-doe-je.")
    stored = stored_items(page)
    assert stored["hefbomen/trigger"]["text"] == "Trigger hier" and stored["droomvraag/wat-doe-je"]["text"] == "Droom hier"
    assert stored["hefbomen/doorschieten"]["text"] == "Gewoon"

    # Another site's backup is refused by name; nothing changes.
    before = stored_items(page)
    pick(page, backup(tmp_path, {"hefbomen/trigger": entry("Van elders", "2026-06-01T00:00:00.000Z")}, "elders.json",
                      site="ander-werkboek"))
    expect(page.locator(MINE_MESSAGE)).to_have_text(
        "Dit bestand is een reservekopie van een andere site (‘ander-werkboek’), niet van deze (‘positief-in-gesprek’);"
        " er is niets veranderd.")
    expect(page.locator("[data-pig-confirm]")).to_be_hidden()
    assert stored_items(page) == before
    assert not page.watch.problems() + sheet.watch.problems()


def test_a_stored_false_stamp_does_not_win_a_later_merge(context, site_url, tmp_path):
    page = open_page(context, site_url, "mijn-antwoorden.md")
    seed(page, {"hefbomen/talent": entry("Met een onmogelijke datum", "9999-01-01T00:00:00.000Z")})
    page.reload()
    pick(page, backup(tmp_path, {"hefbomen/talent": entry("Echt nieuwer")}))
    page.get_by_role("button", name="Samenvoegen").click()
    expect(page.locator(MINE_MESSAGE)).to_contain_text("1 bijgewerkt")
    assert stored_items(page)["hefbomen/talent"]["text"] == "Echt nieuwer"


def test_an_import_on_a_worksheet_takes_the_whole_backup_and_says_so(context, site_url, tmp_path):
    page = open_page(context, site_url, "werkbladen/hefbomen.md")
    answer_field(page, "hefbomen", "talent").fill("Al getypt")
    answer_field(page, "hefbomen", "talent").blur()
    path = backup(tmp_path, {
        "hefbomen/trigger": entry("Voor dit werkblad"),
        "droomvraag/wat-doe-je": entry("Voor een ander werkblad"),
        "@plan/g1/naam": entry("Sanne"),
    })
    page.locator("[data-pig-answer-bar] [data-pig-import]").set_input_files(path)
    message = page.locator("[data-pig-answer-bar] [data-pig-message]")
    expect(message).to_contain_text("Samengevoegd: 3 antwoorden toegevoegd")
    expect(message).to_contain_text("Het hele bestand is overgenomen: 1 antwoord hoort niet bij deze pagina; je vindt alles bij Mijn antwoorden.")
    expect(answer_field(page, "hefbomen", "trigger")).to_have_value("Voor dit werkblad")
    # Shown in place: the message is not wiped by loading the page anew, and
    # stays while the reader goes on typing.
    answer_field(page, "hefbomen", "talent").fill("Verder getypt")
    answer_field(page, "hefbomen", "talent").blur()
    expect(page.locator(".pig-answer", has=answer_field(page, "hefbomen", "talent")).get_by_role("status")).to_have_text("Opgeslagen")
    expect(message).to_contain_text("Het hele bestand is overgenomen")
    mine = open_page(context, site_url, "mijn-antwoorden.md")
    expect(mine.locator(".pig-mine__answer", has_text="Voor een ander werkblad")).to_be_visible()
    expect(mine.locator(".pig-mine__plan h3")).to_have_text(["Sanne"])
    assert not page.watch.problems() + mine.watch.problems()


def leaving_asks(page) -> bool:
    """Leave the page (close it as a reader would); True when the browser asked first."""
    asked = []

    def on_dialog(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.close(run_before_unload=True)
    try:
        page.wait_for_timeout(500)
        page.remove_listener("dialog", on_dialog)
    except Exception:  # closed without asking
        pass
    return asked == ["beforeunload"]


def test_leaving_a_page_with_an_unsaved_answer_asks_first(context, site_url):
    # Saved: leaving does not ask.
    page = open_page(context, site_url, "werkbladen/hefbomen.md")
    answer_field(page, "hefbomen", "talent").click()
    page.keyboard.type("Bewaard")
    page.wait_for_timeout(500)
    assert not leaving_asks(page)
    assert page.is_closed()

    # Storage full: the typed text is only on the page; leaving asks.
    page = context.new_page()
    page.add_init_script("""Storage.prototype.setItem = function (key) {
        if (String(key).startsWith('pig/')) throw new DOMException('vol', 'QuotaExceededError'); };""")
    page.goto(site_url + page_url("werkbladen/hefbomen.md"))
    answer_field(page, "hefbomen", "trigger").click()
    page.keyboard.type("Niet bewaard")
    expect(page.get_by_role("alert").filter(has_text="Opslaan lukt niet")).to_be_visible()
    assert leaving_asks(page)
    assert not page.is_closed()
    expect(answer_field(page, "hefbomen", "trigger")).to_have_value("Niet bewaard")
    # Even while the last keystrokes wait to be saved.
    answer_field(page, "hefbomen", "doorschieten").click()
    page.keyboard.type("x")
    assert leaving_asks(page)


def test_an_answer_past_the_limit_is_said_at_the_field_kept_on_the_page_and_leaving_asks(context, site_url):
    page = open_page(context, site_url, "werkbladen/hefbomen.md")
    limit = page.evaluate("pig.store.LIMIT")
    assert limit >= 50000, "a generous limit"
    box = answer_field(page, "hefbomen", "talent")
    long_text = "Een lange tekst. " * (limit // 17 + 10)
    box.fill(long_text)
    box.blur()
    note = page.get_by_role("alert").filter(has_text="Dit antwoord is te lang om te bewaren")
    expect(note).to_contain_text(f"{len(long_text):,}".replace(",", ".") + " tekens")
    assert box.input_value() == long_text, "nothing is cut off"
    assert "hefbomen/talent" not in stored_items(page)
    page.keyboard.type("!")  # the reader is still here: the page may be left only after asking
    assert leaving_asks(page)
    box.fill("Korter")
    box.blur()
    expect(note).to_have_count(0)
    assert stored_items(page)["hefbomen/talent"]["text"] == "Korter"


ODD_IDS = {
    "@plan/constructor/naam": entry("Plan met de naam constructor"),
    "@plan/constructor/werkvormen": entry("constructor schaalvraag"),
    "@plan/constructor/vraag-constructor": entry("Antwoord op een vraag constructor"),
    "constructor/constructor": entry("Werkblad constructor"),
    "hefbomen/constructor": entry("Vraag constructor"),
    "constructor/@datum": entry("1 april"),
    "@mindset/constructor": {"name": "constructor", "answers": {"constructor": 3}, "updated": STAMP},
    "__proto__": {"text": "Een onbekend soort item", "updated": STAMP},
    "hefbomen/talent": entry("Gewoon antwoord"),
}


def test_ids_named_like_built_in_names_break_no_page(context, site_url, tmp_path):
    planner = open_page(context, site_url, "gespreksplanner.md")
    seed(planner, ODD_IDS)
    planner.goto(site_url + page_url("gespreksplanner.md") + "#gesprek=constructor")
    planner.reload()
    expect(planner.get_by_label("Met wie?")).to_have_value("Plan met de naam constructor")
    expect(planner.locator("input[data-pig-plan-werkvorm][value=schaalvraag]").first).to_be_checked()
    planner.get_by_label("Met wie?").fill("Plan constructor, bijgewerkt")
    planner.get_by_label("Met wie?").blur()
    for odd in ["tostring", "hasownproperty", "valueof", "proto"]:
        # A load of its own: a change of the address's fragment alone is no new page.
        planner.goto("about:blank")
        planner.goto(site_url + page_url("gespreksplanner.md") + f"#gesprek={odd}")
        expect(planner.get_by_label("Met wie?")).to_have_value("")

    page = open_page(context, site_url, "mijn-antwoorden.md")
    expect(page.locator(".pig-mine__plan h3")).to_have_text(["Plan constructor, bijgewerkt"])
    expect(page.locator(".pig-mine__answer", has_text="Gewoon antwoord")).to_be_visible()
    expect(page.locator("[data-pig-mine-others] dt")).to_have_text(["constructor / constructor", "hefbomen / constructor"])
    # Export, import, print and erase all work.
    with page.expect_download() as caught:
        page.get_by_role("button", name="Reservekopie downloaden (.json)").click()
    exported = json.loads(caught.value.path().read_text(encoding="utf-8"))
    assert exported["items"]["__proto__"] == ODD_IDS["__proto__"]
    assert exported["items"]["@plan/constructor/vraag-constructor"]["text"] == "Antwoord op een vraag constructor"
    with page.expect_download():
        page.get_by_role("button", name="Leesbare versie downloaden (.html)").click()
    stub_print(page)
    page.get_by_role("button", name="Afdrukken / bewaren als PDF").click()
    assert page.evaluate("window.__printed") == 1
    page.get_by_role("button", name="Alles wissen").click()
    page.locator("[data-pig-confirm]").get_by_role("button", name="Alles wissen").click()
    expect(page.get_by_text("Je hebt nog geen antwoorden ingevuld.")).to_be_visible()
    path = tmp_path / "vreemd.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    pick(page, str(path))
    page.get_by_role("button", name="Samenvoegen").click()
    expect(page.locator(".pig-mine__plan h3")).to_have_text(["Plan constructor, bijgewerkt"])
    # An item of a kind this edition does not know is named, not taken.
    expect(page.locator(MINE_MESSAGE)).to_contain_text(re.compile(r"niet overgenomen: .*__proto__"))
    assert stored_items(page)["@plan/constructor/vraag-constructor"]["text"] == "Antwoord op een vraag constructor"
    # The self-test and a worksheet with these ids in the store.
    for src in ["bijlagen/mindset-test.md", "werkbladen/hefbomen.md"]:
        page.goto(site_url + page_url(src))
        page.wait_for_load_state("networkidle")
    expect(answer_field(page, "hefbomen", "talent")).to_have_value("Gewoon antwoord")
    assert not planner.watch.problems() + page.watch.problems()


def test_mijn_antwoorden_shows_a_very_long_answer_with_emoji_and_exports_all_of_it(context, site_url):
    text = ("Een heel lang antwoord 😀 met emoji 👩‍👩‍👧 en woorden " * 20000)[:1_000_000]
    page = open_page(context, site_url, "mijn-antwoorden.md")
    seed(page, {"hefbomen/talent": entry(text), "hefbomen/trigger": entry("Kort")})
    page.reload()
    answer = page.locator(".pig-mine__answer").filter(has_text="Een heel lang antwoord").first
    expect(answer.locator(".pig-mine__long")).to_contain_text("Dit antwoord is lang: hier staan de eerste 5.000")
    length = len(text.encode("utf-16-le")) // 2  # as JavaScript counts
    expect(answer.locator(".pig-mine__long")).to_contain_text(f"van de {length:,} tekens".replace(",", "."))
    assert len(answer.inner_text()) < 6000
    expect(page.locator(".pig-mine__answer", has_text="Kort")).to_be_visible()
    with page.expect_download() as caught:
        page.get_by_role("button", name="Leesbare versie downloaden (.html)").click()
    assert text in caught.value.path().read_text(encoding="utf-8")
    # On the sheet, the whole answer is in its field.
    page.goto(site_url + page_url("werkbladen/hefbomen.md"))
    assert answer_field(page, "hefbomen", "talent").input_value() == text
    assert not page.watch.problems()
