"""The answers' script in parts, in Chromium: what each page loads on a
first visit, and the parts loaded only when needed (docs/assets/answers.js):
a backup file picked, the keys of an earlier edition, a page from disk.
A part that cannot be loaded is told on the page, and nothing the reader
typed or picked is lost."""

import json
import re
import shutil

import pytest
from playwright.sync_api import expect

from browser_checks import PageWatch, answer_field, stored_items
from sitebuild import DOCS, ROOT, page_url

from macros.content.mindset import load_mindset_test

pytestmark = pytest.mark.browser

MINDSET = load_mindset_test(DOCS / "data" / "mindset-test.yaml", ROOT)
ITEMS = [item.id for item in MINDSET.items]
MIX = [2, 4, 5, 3, 1, 5, 4, 4, 2, 5]

# The site's own scripts of the answers, by file name.
PARTS = ["answers-import.js", "answers-upgrade.js", "answers-disk.js"]
OWN = ["answers.js", "mindset-result.js", "mijn-antwoorden.js", "mindset-test.js", "planner.js"] + PARTS
PART_FAILED = "Een onderdeel van deze pagina kon niet worden geladen."


class Scripts:
    """The site's answer scripts a page requested, by file name, in order."""

    def __init__(self, page):
        self.names = []
        page.on("request", self._seen)

    def _seen(self, request):
        name = request.url.split("?")[0].rsplit("/", 1)[-1]
        if "/assets/" in request.url and name in OWN:
            self.names.append(name)

    def clear(self):
        self.names.clear()


def open_page(context, site_url, src):
    page = context.new_page()
    page.watch = PageWatch(site_url).attach(page)
    page.scripts = Scripts(page)
    page.goto(site_url + page_url(src))
    expect(page.locator("html")).to_have_class(re.compile(r"\bpig-answers-ready\b"))
    return page


def only_the_missing_part(page, name):
    """The page's problems, apart from the part refused on purpose (the
    failed request and Chromium's console line about it)."""
    return [p for p in page.watch.problems() if name not in p and "Failed to load resource" not in p]


@pytest.mark.parametrize("src, expected", [
    ("werkbladen/hefbomen.md", ["answers.js"]),
    ("reflectie/voorbereiden.md", ["answers.js"]),
    ("bijlagen/mindset-test.md", ["answers.js", "mindset-result.js", "mindset-test.js"]),
    ("gespreksplanner.md", ["answers.js", "planner.js"]),
    ("mijn-antwoorden.md", ["answers.js", "mindset-result.js", "mijn-antwoorden.js"]),
])
def test_a_first_visit_loads_only_the_parts_of_its_page(context, site_url, src, expected):
    page = open_page(context, site_url, src)
    page.wait_for_load_state("networkidle")
    assert page.scripts.names == expected
    assert not page.watch.problems()


def test_picking_a_backup_on_a_worksheet_loads_the_import_part_then_and_brings_the_file_in(context, site_url, tmp_path):
    page = open_page(context, site_url, "werkbladen/hefbomen.md")
    answer_field(page, "hefbomen", "talent").fill("Al getypt")
    answer_field(page, "hefbomen", "talent").blur()
    page.wait_for_load_state("networkidle")
    assert "answers-import.js" not in page.scripts.names
    path = tmp_path / "reservekopie.json"
    path.write_text(json.dumps({"version": 2, "items": {
        "hefbomen/trigger": {"text": "Uit het bestand", "updated": "2026-03-01T00:00:00.000Z"}}}), encoding="utf-8")
    # The page's own backup is offered with a message; the input is there all along.
    page.locator("[data-pig-answer-bar] [data-pig-import]").set_input_files(str(path))
    # Shown in place, without loading the page anew: the message stays.
    expect(page.locator("[data-pig-answer-bar] [data-pig-message]")).to_contain_text("Samengevoegd: 1 antwoord toegevoegd")
    assert page.scripts.names.count("answers-import.js") == 1
    stored = stored_items(page)
    assert stored["hefbomen/trigger"]["text"] == "Uit het bestand"
    assert stored["hefbomen/talent"]["text"] == "Al getypt"
    expect(answer_field(page, "hefbomen", "trigger")).to_have_value("Uit het bestand")
    assert not page.watch.problems()


def test_on_mijn_antwoorden_the_import_part_loads_once_for_two_files(context, site_url, tmp_path):
    page = open_page(context, site_url, "mijn-antwoorden.md")
    page.wait_for_load_state("networkidle")
    assert "answers-import.js" not in page.scripts.names
    for number, text in enumerate(["Eerste bestand", "Tweede bestand"]):
        path = tmp_path / f"kopie-{number}.json"
        path.write_text(json.dumps({"version": 2, "items": {
            "hefbomen/talent": {"text": text, "updated": f"2026-0{number + 3}-01T00:00:00.000Z"}}}), encoding="utf-8")
        page.locator(".pig-mine__tools [data-pig-import]").set_input_files(str(path))
        page.get_by_role("button", name="Samenvoegen").click()
        expect(page.locator(".pig-mine__answer", has_text=text)).to_be_visible()
    assert page.scripts.names.count("answers-import.js") == 1
    assert not page.watch.problems()


def test_an_import_part_that_does_not_load_is_told_and_the_typed_text_stays(context, site_url, tmp_path):
    page = open_page(context, site_url, "werkbladen/hefbomen.md")
    box = answer_field(page, "hefbomen", "talent")
    box.fill("Niet kwijtraken")
    box.blur()
    page.route("**/answers-import.js", lambda route: route.fulfill(status=404, body="niet gevonden"))
    path = tmp_path / "reservekopie.json"
    path.write_text(json.dumps({"version": 2, "items": {
        "hefbomen/trigger": {"text": "Uit het bestand", "updated": "2026-03-01T00:00:00.000Z"}}}), encoding="utf-8")
    picker = page.locator("[data-pig-answer-bar] [data-pig-import]")
    picker.set_input_files(str(path))
    message = page.locator("[data-pig-answer-bar] [data-pig-message]")
    expect(message).to_contain_text(PART_FAILED)
    expect(message).to_have_attribute("role", "alert")
    assert box.input_value() == "Niet kwijtraken"
    assert stored_items(page)["hefbomen/talent"]["text"] == "Niet kwijtraken"
    assert "hefbomen/trigger" not in stored_items(page)
    # Emptied, so that picking the same file again tries again, and then it works.
    assert picker.evaluate("input => input.files.length") == 0
    page.unroute("**/answers-import.js")
    picker.set_input_files(str(path))
    expect(answer_field(page, "hefbomen", "trigger")).to_have_value("Uit het bestand")
    expect(answer_field(page, "hefbomen", "talent")).to_have_value("Niet kwijtraken")
    assert not only_the_missing_part(page, "answers-import.js")


def test_keys_of_an_earlier_edition_load_the_upgrade_part_and_the_test_shows_them(context, site_url):
    """Over http, on the self-test: the earlier edition's area is taken
    over before the test is set up, so the test opens at that area."""
    page = open_page(context, site_url, "bijlagen/mindset-test.md")
    page.wait_for_load_state("networkidle")
    assert "answers-upgrade.js" not in page.scripts.names
    old_test = json.dumps({"version": 1, "name": "werk", "answers": dict(zip(ITEMS, MIX)), "saved": 1700000000000})
    page.evaluate("t => localStorage.setItem('pig-mindset-test:werk', t)", old_test)
    page.scripts.clear()
    page.reload()
    expect(page.get_by_role("radio", name="werk", exact=True)).to_be_checked()
    expect(page.locator("[data-pig-mt-result] .pig-mt__card[data-area=werk]")).to_have_count(1)
    assert "answers-upgrade.js" in page.scripts.names
    assert "pig-mindset-test:werk" not in page.evaluate("Object.keys(localStorage)")
    assert stored_items(page)["@mindset/werk"]["answers"] == dict(zip(ITEMS, MIX))
    # Taken over once: the next visit needs no part.
    page.scripts.clear()
    page.reload()
    page.wait_for_load_state("networkidle")
    assert "answers-upgrade.js" not in page.scripts.names
    assert not page.watch.problems()


def test_an_upgrade_part_that_does_not_load_is_told_and_the_page_still_works(context, site_url):
    page = open_page(context, site_url, "werkbladen/hefbomen.md")
    old = json.dumps({"version": 1, "answers": {"hefbomen/talent": {"text": "Oud", "updated": "2026-01-01T00:00:00.000Z"}}})
    page.evaluate("a => localStorage.setItem('/elders/pig.answers', a)", old)
    page.route("**/answers-upgrade.js", lambda route: route.fulfill(status=404, body="niet gevonden"))
    page.reload()
    expect(page.locator("[data-pig-answer-bar] [data-pig-message]")).to_contain_text(PART_FAILED)
    box = answer_field(page, "hefbomen", "trigger")
    box.fill("Gewoon verder")
    box.blur()
    assert stored_items(page)["hefbomen/trigger"]["text"] == "Gewoon verder"
    assert "/elders/pig.answers" in page.evaluate("Object.keys(localStorage)"), "the old answers stay for another time"
    page.unroute("**/answers-upgrade.js")
    page.reload()
    expect(answer_field(page, "hefbomen", "talent")).to_have_value("Oud")
    assert not only_the_missing_part(page, "answers-upgrade.js")


def test_from_disk_the_disk_part_loads_and_finds_shared_storage(browser, site_dir, tmp_path):
    """Opened from disk (the unpacked zip), the probe for storage per file
    is loaded beside answers.js; Chromium shares storage among files."""
    root = tmp_path / "Werkboek op de schijf"
    shutil.copytree(site_dir, root)
    context = browser.new_context()
    try:
        page = context.new_page()
        watch = PageWatch(root.as_uri()).attach(page)
        scripts = Scripts(page)
        page.goto((root / page_url("werkbladen/hefbomen.md")).as_uri())
        expect(page.locator("html")).to_have_class(re.compile(r"\bpig-answers-ready\b"))
        page.wait_for_timeout(500)
        assert scripts.names == ["answers.js", "answers-disk.js"]
        expect(page.locator("iframe[src$='storage-probe.html']")).to_have_count(0)
        assert not page.locator("[data-pig-perfile]").count()
        assert not watch.problems()
    finally:
        context.close()
