"""The one store of everything the reader fills in, attacked in Chromium:
two tabs, a stale tab, merging older and newer backups, unknown keys, the
keys of an earlier edition, a moved site, full storage, a browser that keeps
storage per file, and "Mijn antwoorden" and the self-test's result on paper."""

import json
import shutil

import pytest
from playwright.sync_api import expect

from browser_checks import STORE, PageWatch, answer_field, assert_a4, flat, print_to_pdf, stored_items, stub_print
from sitebuild import DOCS, ROOT, page_url

from macros.content.mindset import load_mindset_test

pytestmark = pytest.mark.browser

MINDSET = load_mindset_test(DOCS / "data" / "mindset-test.yaml", ROOT)
ITEMS = [item.id for item in MINDSET.items]
MIX = [2, 4, 5, 3, 1, 5, 4, 4, 2, 5]


def seed(page, stored):
    page.evaluate("([key, items]) => localStorage.setItem(key, JSON.stringify({version: 2, items}))", [STORE, stored])


def open_page(context, url):
    page = context.new_page()
    page.watch = PageWatch(url.split("/kennisbank/werkboek/")[0] + "/kennisbank/werkboek/").attach(page)
    page.goto(url)
    return page


def test_two_tabs_stay_in_step_and_a_stale_tab_shows_the_newer_answer_first(context, site_url):
    url = site_url + page_url("werkbladen/hefbomen.md")
    first, second = open_page(context, url), open_page(context, url)
    box = answer_field(first, "hefbomen", "talent")
    box.fill("Eerste versie")
    # A quiet "Opgeslagen" beside the field, announced politely.
    saved = first.locator(".pig-answer", has=box).get_by_role("status")
    expect(saved).to_have_text("Opgeslagen")
    assert saved.get_attribute("aria-live") == "polite"
    # The other tab shows it without a reload.
    expect(answer_field(second, "hefbomen", "talent")).to_have_value("Eerste versie")

    # A tab that missed a change (written behind its back) does not write over it.
    newer = {"hefbomen/talent": {"text": "Nieuwer uit een ander venster", "updated": "2999-01-01T00:00:00.000Z"}}
    second.evaluate("([key, items]) => { const s = JSON.parse(localStorage.getItem(key)); Object.assign(s.items, items);"
                    " Storage.prototype.setItem.call(localStorage, key, JSON.stringify(s)); }", [STORE, newer])
    stale = answer_field(second, "hefbomen", "talent")
    stale.fill("Oude tab typt door")
    stale.blur()
    conflict = second.get_by_role("alert").filter(has_text="In een ander venster")
    expect(conflict).to_contain_text("Nieuwer uit een ander venster")
    assert stored_items(second)["hefbomen/talent"]["text"] == "Nieuwer uit een ander venster"
    assert stale.input_value() == "Oude tab typt door"  # the typed text stays
    conflict.get_by_role("button", name="Mijn tekst bewaren").click()
    assert stored_items(second)["hefbomen/talent"]["text"] == "Oude tab typt door"
    expect(answer_field(first, "hefbomen", "talent")).to_have_value("Oude tab typt door")
    assert not first.watch.problems() + second.watch.problems()


def test_merge_keeps_the_newer_answer_reports_counts_and_unknown_keys(context, site_url, tmp_path):
    mine = open_page(context, site_url + page_url("mijn-antwoorden.md"))
    seed(mine, {
        "hefbomen/talent": {"text": "Hier, nieuwer", "updated": "2026-06-01T00:00:00.000Z"},
        "hefbomen/trigger": {"text": "Hier, ouder", "updated": "2026-01-01T00:00:00.000Z"},
    })
    backup = {"version": 2, "app": "positief-in-gesprek", "items": {
        "hefbomen/talent": {"text": "Bestand, ouder", "updated": "2026-03-01T00:00:00.000Z"},
        "hefbomen/trigger": {"text": "Bestand, nieuwer", "updated": "2026-03-01T00:00:00.000Z"},
        "hefbomen/hefboom": {"text": "Bestand, nieuw", "updated": "2026-03-01T00:00:00.000Z"},
        "bestaat-niet/vraag": {"text": "Van een ander werkblad", "updated": "2026-03-01T00:00:00.000Z"},
        "@mindset/werk": {"name": "werk", "answers": dict(zip(ITEMS, MIX)), "updated": "2026-03-01T00:00:00.000Z"},
    }}
    path = tmp_path / "reservekopie.json"
    path.write_text(json.dumps(backup), encoding="utf-8")
    mine.reload()
    mine.locator(".pig-mine__tools [data-pig-import]").set_input_files(str(path))
    mine.get_by_role("button", name="Samenvoegen").click()
    expect(mine.locator(".pig-mine__tools [data-pig-message]")).to_have_text(
        "Samengevoegd: 2 antwoorden toegevoegd, 1 bijgewerkt (nieuwer in het bestand), 1 gehouden (hier even nieuw of nieuwer)."
        " 1 antwoord hoort bij een werkblad of vraag die deze uitgave niet kent en is niet overgenomen: bestaat-niet/vraag.")
    stored = stored_items(mine)
    assert stored["hefbomen/talent"]["text"] == "Hier, nieuwer"
    assert stored["hefbomen/trigger"]["text"] == "Bestand, nieuwer"
    assert stored["hefbomen/hefboom"]["text"] == "Bestand, nieuw"
    assert "bestaat-niet/vraag" not in stored
    # The self-test's result is on Mijn antwoorden, and in both exports.
    mindset = mine.locator("[data-pig-mine-mindset]")
    expect(mindset.locator(".pig-mt__card")).to_have_count(1)
    assert "Gemiddeld: 3,5" in mindset.inner_text()
    with mine.expect_download() as caught:
        mine.get_by_role("button", name="Reservekopie downloaden (.json)").click()
    exported = json.loads(caught.value.path().read_text(encoding="utf-8"))
    assert exported["items"]["@mindset/werk"]["answers"] == dict(zip(ITEMS, MIX))
    with mine.expect_download() as caught:
        mine.get_by_role("button", name="Leesbare versie downloaden (.html)").click()
    readable = caught.value.path().read_text(encoding="utf-8")
    assert MINDSET.items[0].left in readable and "Gemiddeld: 3,5" in readable and "Bestand, nieuwer" in readable
    assert not mine.watch.problems()


def test_old_keys_move_into_the_store_and_a_moved_site_keeps_the_answers(browser, site_dir, tmp_path):
    """From disk (Chromium shares one storage among files): an earlier
    edition's keys, then the same site unpacked in a second folder."""
    first, second = tmp_path / "uitgave-1" / "werkboek", tmp_path / "elders" / "werkboek-nieuw"
    shutil.copytree(site_dir, first)
    shutil.copytree(site_dir, second)
    context = browser.new_context()
    try:
        page = context.new_page()
        watch = PageWatch(tmp_path.as_uri()).attach(page)
        page.goto((first / page_url("mijn-antwoorden.md")).as_uri())
        old_answers = json.dumps({"version": 1, "app": "positief-in-gesprek", "answers": {
            "hefbomen/talent": {"text": "Uit de vorige uitgave", "updated": "2026-01-01T00:00:00.000Z"}}})
        old_test = json.dumps({"version": 1, "name": "werk", "answers": dict(zip(ITEMS, MIX)), "saved": 1700000000000})
        page.evaluate("([a, t, folder]) => { localStorage.setItem(folder + 'pig.answers', a);"
                      " localStorage.setItem('pig-mindset-test:werk', t); }", [old_answers, old_test, first.as_uri()[7:] + "/"])
        page.reload()
        expect(page.locator(".pig-mine__answer", has_text="Uit de vorige uitgave")).to_be_visible()
        expect(page.locator("[data-pig-mine-mindset] .pig-mt__card")).to_have_count(1)
        keys = page.evaluate("Object.keys(localStorage)")
        assert STORE in keys and not [k for k in keys if k.endswith("pig.answers") or k.startswith("pig-mindset-test:")]
        assert stored_items(page)["@mindset/werk"]["updated"] == "2023-11-14T22:13:20.000Z"
        # The same answers in the copy in another folder.
        page.goto((second / page_url("werkbladen/hefbomen.md")).as_uri())
        assert answer_field(page, "hefbomen", "talent").input_value() == "Uit de vorige uitgave"
        assert not page.locator("[data-pig-perfile]").count(), "Chromium shares storage among files"
        assert not watch.problems()
    finally:
        context.close()


def test_an_answer_to_a_question_this_edition_lacks_stays_in_view_and_in_the_export(context, site_url):
    """A sheet reshaped in a new edition (the complimentenmuur left the
    Complimentenharmonica sheet): what the reader typed there is shown on
    Mijn antwoorden by its key and is in the readable export."""
    page = open_page(context, site_url + page_url("mijn-antwoorden.md"))
    seed(page, {
        "complimentenharmonica/talenten-en-sterktes": {"text": "Zij ziet wat anderen missen", "updated": "2026-11-01T10:00:00.000Z"},
        "hefbomen/talent": {"text": "Een bekende vraag", "updated": "2026-11-01T10:00:00.000Z"},
    })
    page.reload()
    others = page.locator("[data-pig-mine-others]")
    expect(others).to_be_visible()
    expect(others.locator("dt")).to_have_text(["complimentenharmonica / talenten-en-sterktes"])
    expect(others.locator("dd")).to_have_text(["Zij ziet wat anderen missen"])
    expect(page.locator("[data-pig-empty]")).to_be_hidden()
    with page.expect_download() as caught:
        page.get_by_role("button", name="Leesbare versie downloaden (.html)").click()
    readable = caught.value.path().read_text(encoding="utf-8")
    assert "Zij ziet wat anderen missen" in readable and "Een bekende vraag" in readable
    # Only answers the edition does not know are listed there.
    seed(page, {"hefbomen/talent": {"text": "Een bekende vraag", "updated": "2026-11-01T10:00:00.000Z"}})
    page.reload()
    expect(page.locator(".pig-mine__answer", has_text="Een bekende vraag")).to_be_visible()
    expect(others).to_be_hidden()
    assert not page.watch.problems()


def test_an_item_of_a_later_edition_is_kept_and_the_store_still_works(context, site_url):
    """A kind of item this edition does not know (a later edition's) is no
    sign of damage: the answers show, typing saves, and the item stays."""
    later = {"@agenda/a1/punt": {"text": "Iets van een nieuwere uitgave", "updated": "2026-11-02T10:00:00.000Z", "extra": [1, 2]}}
    page = open_page(context, site_url + page_url("werkbladen/hefbomen.md"))
    seed(page, {**later, "hefbomen/talent": {"text": "Al bewaard", "updated": "2026-11-01T10:00:00.000Z"}})
    page.reload()
    box = answer_field(page, "hefbomen", "talent")
    expect(box).to_have_value("Al bewaard")
    box.fill("Nu aangevuld")
    page.wait_for_timeout(600)
    stored = stored_items(page)
    assert stored["hefbomen/talent"]["text"] == "Nu aangevuld"
    assert stored["@agenda/a1/punt"] == later["@agenda/a1/punt"]
    assert not page.locator(".pig-message, [data-pig-message]:not(:empty)").filter(has_text="beschadigd").count()
    assert not page.watch.problems()


def test_full_storage_tells_at_once_and_the_download_holds_the_typed_text(context, site_url):
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    page.add_init_script("""Storage.prototype.setItem = function (key) {
        if (String(key).startsWith('pig/')) throw new DOMException('vol', 'QuotaExceededError'); };""")
    page.goto(site_url + page_url("werkbladen/hefbomen.md"))
    box = answer_field(page, "hefbomen", "talent")
    box.fill("Net getypt")
    box.blur()
    alert = page.get_by_role("alert").filter(has_text="Opslaan lukt niet")
    expect(alert).to_be_visible()
    assert box.input_value() == "Net getypt"
    with page.expect_download() as caught:
        page.get_by_role("button", name="Reservekopie downloaden (.json)").click()
    saved = json.loads(caught.value.path().read_text(encoding="utf-8"))
    assert saved["items"]["hefbomen/talent"]["text"] == "Net getypt"
    assert not watch.problems()


def test_a_browser_with_storage_per_file_is_told_and_each_page_keeps_its_own(browser, site_dir, tmp_path):
    """Firefox from disk keeps storage per file; simulated in Chromium: the
    probe page (a sibling file) sees a storage without this page's marker."""
    root = tmp_path / "werkboek"
    shutil.copytree(site_dir, root)
    context = browser.new_context(accept_downloads=True)
    context.add_init_script("""if (location.pathname.endsWith('/storage-probe.html')) {
        Storage.prototype.getItem = () => null; }""")
    try:
        page = context.new_page()
        watch = PageWatch(root.as_uri()).attach(page)
        page.goto((root / page_url("werkbladen/hefbomen.md")).as_uri())
        note = page.locator("[data-pig-perfile]")
        expect(note).to_contain_text("elke pagina die je van schijf opent een eigen opslag")
        assert note.count() == 1
        answer_field(page, "hefbomen", "talent").fill("Alleen op deze pagina")
        answer_field(page, "hefbomen", "talent").blur()
        with page.expect_download() as caught:
            page.get_by_role("button", name="Reservekopie downloaden (.json)").click()
        assert json.loads(caught.value.path().read_text(encoding="utf-8"))["items"]["hefbomen/talent"]["text"] == "Alleen op deze pagina"
        assert page.locator("iframe[src$='storage-probe.html']").count() == 0, "the probe is gone"
        assert not watch.problems()
    finally:
        context.close()


def test_all_answers_print_as_a_clean_a4_document_or_one_part(context, site_url):
    page = open_page(context, site_url + page_url("mijn-antwoorden.md"))
    seed(page, {
        "hefbomen/talent": {"text": "Structuur aanbrengen", "updated": "2026-01-01T00:00:00.000Z"},
        "job-craften/mentaal": {"text": "Meelopen op de werkvloer", "updated": "2026-01-01T00:00:00.000Z"},
        "@naam": {"text": "Anna de Vries", "updated": "2026-01-01T00:00:00.000Z"},
        "@mindset/werk": {"name": "werk", "answers": dict(zip(ITEMS, MIX)), "updated": "2026-01-01T00:00:00.000Z"},
    })
    page.reload()
    pdf = print_to_pdf(page, background=False)
    assert_a4(pdf)
    text = " ".join(flat(p.extract_text()) for p in pdf.pages)
    for words in ["Structuur aanbrengen", "Meelopen op de werkvloer", "Naam: Anna de Vries", "Gemiddeld: 3,5", MINDSET.items[0].left]:
        assert words in text, words
    for chrome in ["Reservekopie", "Afdrukken", "Alles wissen", "Naar het werkblad", "Zoeken"]:
        assert chrome not in text, chrome
    # Only Deel 3.
    stub_print(page)
    page.get_by_label("Afdrukken:").select_option("deel-3")
    page.get_by_role("button", name="Afdrukken / bewaren als PDF").click()
    assert page.evaluate("window.__printed") == 1
    text = " ".join(flat(p.extract_text()) for p in print_to_pdf(page, background=False).pages)
    assert "Meelopen op de werkvloer" in text and "Structuur aanbrengen" not in text and "Gemiddeld" not in text
    assert not page.watch.problems()


def test_the_result_explains_itself_at_360_px_and_on_one_a4_page(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        watch = PageWatch(site_url).attach(page)
        page.goto(site_url + page_url("bijlagen/mindset-test.md"))
        seed(page, {
            "@mindset/werk": {"name": "werk", "answers": dict(zip(ITEMS, MIX)), "updated": "2026-01-02T00:00:00.000Z"},
            "@mindset/sport": {"name": "sport", "answers": dict(zip(ITEMS, [1] * 10)), "updated": "2026-01-01T00:00:00.000Z"},
        })
        page.reload()
        result = page.locator("[data-pig-mt-result]")
        expect(result.locator(".pig-mt__card")).to_have_count(2)
        werk = result.locator(".pig-mt__card[data-area=werk]")
        # Leaning fixed and leaning growth, each statement in its own words.
        fixed = werk.locator(".pig-mt__lean--lean_fixed li").all_inner_texts()
        growth = werk.locator(".pig-mt__lean--lean_growth li").all_inner_texts()
        assert fixed == [f"{n}. {MINDSET.items[n - 1].left}" for n, v in enumerate(MIX, 1) if v < 3]
        assert growth == [f"{n}. {MINDSET.items[n - 1].right}" for n, v in enumerate(MIX, 1) if v > 3]
        picture = MINDSET.result.picture.right.replace("{average}", "3,5").replace("{middle}", "3").replace("{area}", "werk")
        assert werk.locator(".pig-mt__picture").inner_text() == picture
        assert werk.locator(".pig-mt__picture").evaluate("el => el.closest('.pig-web') !== null")
        # Per statement: both texts, and where the reader stands in each area.
        first = result.locator(".pig-mt__row").first
        assert MINDSET.items[0].left in first.inner_text() and MINDSET.items[0].right in first.inner_text()
        assert first.locator(".pig-mt__row-where").all_inner_texts() == ["2 van 5, naar links", "1 van 5, helemaal links"]
        hrefs = result.locator(".pig-mt__next a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert hrefs == ["../deel-1/mindset.html", "../deel-1/broaden-and-build.html", "../deel-2/terugkijkers.html", "../deel-3/vooruitkijkers.html"]
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        stub_print(page)
        result.get_by_role("button", name="Uitkomst afdrukken").click()
        assert page.evaluate("window.__printed") == 1
        pdf = print_to_pdf(page, background=False)
        assert len(pdf.pages) == 1
        text = flat(pdf.pages[0].extract_text())
        assert MINDSET.items[9].right in text and "Gemiddeld: 3,5" in text and "beginpunt" in text
        assert MINDSET.items[0].left + " " not in text.split("Uitkomst per gebied")[0], "the form is printed too"
        assert not watch.problems()
    finally:
        context.close()
