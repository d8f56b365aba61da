"""Worksheets as a trainer prints them from Chromium: A4, the declared number
of pages, every question, no web chrome; the werkmap and the whole book."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader, PdfWriter

from browser_checks import (
    CHROME_WORDS,
    PageWatch,
    assert_a4,
    axe_violations,
    flat,
    print_to_pdf,
    printed,
    sideways_overflow,
    stored_items,
    stub_print,
)
from sitebuild import load_library, page_url

pytestmark = pytest.mark.browser

CHROME_WORDS = CHROME_WORDS + ["Werkblad afdrukken", "Lees de uitleg", "Werkbladen", "Werkmap voor een workshop"]
SHEETS = list(load_library())


@pytest.mark.parametrize("sheet", SHEETS, ids=[sheet.id for sheet in SHEETS])
def test_a_worksheet_prints_on_its_declared_a4_pages(reading_page, site_url, sheet):
    page = reading_page
    watch = PageWatch(site_url).attach(page, reporter=False)
    page.goto(site_url + page_url(f"werkbladen/{sheet.id}.md"))
    pdf = print_to_pdf(page)
    assert_a4(pdf)
    assert len(pdf.pages) == sheet.pages, f"{sheet.id}: {len(pdf.pages)} pages, the data says {sheet.pages}"
    texts = [flat(p.extract_text()) for p in pdf.pages]
    whole = " ".join(texts)
    assert whole.count("Naam:") >= 1 and "Datum:" in whole
    for question in sheet.questions:
        assert flat(question.text) in whole, f"{sheet.id}: question {question.id!r} not printed"
    chrome = [word for word in CHROME_WORDS if word in whole]
    assert not chrome, f"{sheet.id}: web chrome in print: {chrome}"
    # The web edition's additions: a mark each and one line under the title, no badges.
    assert whole.lower().count("webeditie") == 1 and "* Toegevoegd door de webeditie" in texts[0], sheet.id
    for number, text in enumerate(texts, start=1):
        assert f"Positief in Gesprek · {flat(sheet.title)}" in text, f"{sheet.id}: page {number} has no running footer"
        assert f"pagina {number} van {sheet.pages}" in text, f"{sheet.id}: page {number} is not numbered"
    watch.detach()
    assert not watch.problems()


def printed_sheet(page, site_url, sheet_id):
    page.goto(site_url + page_url(f"werkbladen/{sheet_id}.md"))
    return [flat(p.extract_text()) for p in print_to_pdf(page).pages]


def test_the_harmonica_prints_as_strips_to_fold_on_one_page(reading_page, site_url):
    sheet = next(s for s in SHEETS if s.id == "complimentenharmonica")
    strips = sheet.section("harmonica").copies
    (text,) = printed_sheet(reading_page, site_url, sheet.id)
    assert text.count("Een compliment (positieve feedback)") == strips
    assert text.count("(feedforward)") == strips + 1  # once in the book's instruction
    assert text.count("vouwlijn:") == strips - 1
    assert "Complimentenmuur" not in text  # the flipover variant needs no sheet


def test_the_schaalvraag_sheet_is_general_with_a_scale_to_mark(reading_page, site_url):
    (text,) = printed_sheet(reading_page, site_url, "schaalvraag")
    assert "Hans" not in text and "Teken" not in text
    assert "0 1 2 3 4 5 6 7 8 9 10" in text
    assert "Zet er een kruisje" in text and "Wat zou je kunnen doen om één stapje verder te komen?" in text


def test_balans_opmaken_is_one_page_with_its_matrix(reading_page, site_url):
    texts = printed_sheet(reading_page, site_url, "balans-opmaken")
    assert len(texts) == 1
    assert "mate van energie die je uit het werken aan een doel haalde" in texts[0].split("Je kunt ook een matrix maken")[1]
    box = reading_page.locator(".pig-ws__figure--balans-matrix svg")
    reading_page.emulate_media(media="print")
    try:
        width_mm = box.bounding_box()["width"] * 25.4 / 96
    finally:
        reading_page.emulate_media(media="no-override")
    assert width_mm > 150, f"the matrix is {width_mm:.0f} mm wide"


def test_each_reflected_best_self_questionnaire_says_about_whom_and_by_whom(reading_page, site_url):
    texts = printed_sheet(reading_page, site_url, "reflected-best-self")
    forms = [text for text in texts if "Vragenlijst (" in text]
    assert len(forms) == 5
    for text in forms:
        assert "Over:" in text and "Ingevuld door:" in text


# Boxes that only work on screen, by page: none of their words may be printed.
WEB_ONLY = {
    "index.md": ["Een workshop geven", "Offline lezen", "Begin bij Deel 1"],
    "offline-lezen.md": ["Download het werkboek", "pak het zipbestand uit"],
    "werkbladen/index.md": ["als zip", "Lees de uitleg", "Alle filters wissen", "Getoonde werkbladen"],
    "werkbladen/hefbomen.md": ["Afdrukken met mijn antwoorden", "Reservekopie", "Al je antwoorden", "Werkblad afdrukken"],
    "deel-4/hans.md": ["Gespreksgids afdrukken"],
}


@pytest.mark.parametrize("source", sorted(WEB_ONLY))
def test_no_web_only_box_is_printed(reading_page, site_url, source):
    page = reading_page
    page.goto(site_url + page_url(source))
    on_screen = page.locator(".md-content").inner_text()
    shown = [words for words in WEB_ONLY[source] if words in " ".join(on_screen.split())]
    assert shown, f"{source}: none of the web-only words is on the page: the check would prove nothing"
    whole = " ".join(flat(p.extract_text()) for p in print_to_pdf(page).pages)
    printed_words = [words for words in WEB_ONLY[source] if words in whole]
    assert not printed_words, f"{source}: printed {printed_words}"


def test_the_print_button_prints(context, site_url):
    page = context.new_page()
    page.goto(site_url + page_url("werkbladen/hefbomen.md"))
    stub_print(page)
    button = page.get_by_role("button", name="Werkblad afdrukken")
    assert button.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert printed(page) == 1


def test_without_javascript_there_is_no_dead_button(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + page_url("werkbladen/hefbomen.md"))
        assert page.get_by_role("button", name="Werkblad afdrukken").count() == 0
        page.goto(site_url + page_url("werkbladen/werkmap.md"))
        for name in ["Werkmap afdrukken", "Alles aanvinken", "Niets aanvinken"]:
            assert page.get_by_role("button", name=name).count() == 0
        assert page.get_by_role("checkbox").count() == len(SHEETS)
    finally:
        context.close()


# --- The werkmap -----------------------------------------------------------------

def first_lines(pdf):
    """The first line of text on each page (the running footer is excluded)."""
    firsts = []
    for sheet in pdf.pages:
        lines = [line.strip() for line in sheet.extract_text().splitlines() if line.strip()]
        body = [line for line in lines if not line.startswith(("Positief in Gesprek ·", "pagina "))]
        # A title the web edition gave a sheet carries its print mark, " *".
        firsts.append(body[0].removesuffix(" *") if body else "")
    return firsts


PAGE_NUMBER = re.compile(r"pagina (\d+) van (\d+)")


def pdf_pages(pdf, first):
    """The pages of ``pdf`` from ``first`` (from 0) on, as a PDF to read."""
    writer = PdfWriter()
    for sheet in pdf.pages[first:]:
        writer.add_page(sheet)
    out = io.BytesIO()
    writer.write(out)
    out.seek(0)
    return out


def page_numbers(pdf):
    """(sheet title, page, of) read from the running footer of each printed page."""
    found = []
    for number, sheet in enumerate(pdf.pages, start=1):
        text = flat(sheet.extract_text())
        numbers = PAGE_NUMBER.findall(text)
        titles = [s.title for s in SHEETS if f"Positief in Gesprek · {flat(s.title)}" in text]
        assert len(numbers) == 1 and len(titles) == 1, f"page {number}: footer not found in {text[-160:]!r}"
        found.append((titles[0], int(numbers[0][0]), int(numbers[0][1])))
    return found


def expected_numbers(sheets):
    return [(sheet.title, n, sheet.pages) for sheet in sheets for n in range(1, sheet.pages + 1)]


def tick(page, sheets):
    for sheet in sheets:
        page.get_by_role("checkbox", name=re.compile("^" + re.escape(sheet.title))).check()


def test_the_werkmap_prints_every_sheet_when_nothing_is_ticked(context, site_url):
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    page.goto(site_url + page_url("werkbladen/werkmap.md"))
    total = sum(sheet.pages for sheet in SHEETS)
    assert page.locator("[data-pig-pack-status]").inner_text() == (
        f"Niets aangevinkt: alle {len(SHEETS)} werkbladen worden afgedrukt ({total} pagina’s)."
    )
    pdf = print_to_pdf(page)
    assert_a4(pdf)
    assert len(pdf.pages) == total
    whole = flat(" ".join(p.extract_text() for p in pdf.pages))
    assert not [word for word in CHROME_WORDS if word in whole]
    # Without a choice (and without a script) each sheet still counts its own pages.
    assert page_numbers(pdf) == expected_numbers(SHEETS)
    assert not watch.problems()


def test_the_werkmap_prints_the_ticked_sheets_each_on_its_own_page(context, site_url):
    page = context.new_page()
    page.goto(site_url + page_url("werkbladen/werkmap.md"))
    chosen = [sheet for sheet in SHEETS if sheet.id in ("hefbomen", "job-craften", "schaalvraag")]
    for sheet in chosen:
        page.get_by_role("checkbox", name=re.compile("^" + re.escape(sheet.title))).check()
    pages = sum(sheet.pages for sheet in chosen)
    assert page.locator("[data-pig-pack-status]").inner_text() == f"3 van de {len(SHEETS)} werkbladen gekozen, in jouw volgorde: {pages} pagina’s."
    pdf = print_to_pdf(page)
    firsts = first_lines(pdf)
    assert len(pdf.pages) == pages, firsts
    starts = [number for number, line in enumerate(firsts) if line in {sheet.title for sheet in chosen}]
    assert [firsts[n] for n in starts] == [sheet.title for sheet in chosen], firsts
    assert starts == [0, 1, 3]  # hefbomen 1 page, job craften 2, then the schaalvraag
    whole = flat(" ".join(p.extract_text() for p in pdf.pages))
    assert "Talenten opsporen" not in whole
    page.get_by_role("button", name="Niets aanvinken").click()
    assert not page.get_by_role("checkbox", checked=True).count()
    page.get_by_role("button", name="Alles aanvinken").click()
    assert page.get_by_role("checkbox", checked=True).count() == len(SHEETS)


def test_each_sheet_in_the_werkmap_numbers_its_own_pages_from_one(context, site_url):
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    page.goto(site_url + page_url("werkbladen/werkmap.md"))
    chosen = [sheet for sheet in SHEETS if sheet.id in ("job-craften", "schaalvraag", "reflected-best-self")]
    assert [sheet.pages for sheet in chosen][0] > 1 and chosen[-1].pages > 1
    tick(page, chosen)
    pdf = print_to_pdf(page)
    # "pagina 1 van 2", "pagina 2 van 2", then "pagina 1 van 1": never the bundle's numbers.
    assert page_numbers(pdf) == expected_numbers(chosen)
    # Another choice, on the same page: the numbers follow the new choice.
    page.get_by_role("checkbox", name=re.compile("^" + re.escape(chosen[0].title))).uncheck()
    assert page_numbers(print_to_pdf(page)) == expected_numbers(chosen[1:])
    assert not watch.problems()


def test_the_werkmap_remembers_the_choice_on_this_device(context, site_url):
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    page.goto(site_url + page_url("werkbladen/werkmap.md"))
    chosen = [sheet for sheet in SHEETS if sheet.id in ("hefbomen", "droomvraag")]
    tick(page, chosen)
    pages = sum(sheet.pages for sheet in chosen)
    page.reload()
    ticked = page.get_by_role("checkbox", checked=True)
    assert ticked.count() == 2
    assert page.locator("[data-pig-pack-status]").inner_text() == f"2 van de {len(SHEETS)} werkbladen gekozen, in jouw volgorde: {pages} pagina’s."
    # Kept under the site's identity (as the answers are, with the session), not the page's path.
    keys = page.evaluate("Object.keys(localStorage).filter(key => !key.endsWith('.__palette'))")
    assert sorted(keys) == ["pig/positief-in-gesprek/v2", "pig/positief-in-gesprek/werkmap/v1"], keys
    # A second tab opened later finds the same choice; ticking nothing is kept too.
    other = context.new_page()
    other.goto(site_url + page_url("werkbladen/werkmap.md"))
    assert other.get_by_role("checkbox", checked=True).count() == 2
    other.get_by_role("button", name="Niets aanvinken").click()
    other.reload()
    assert other.get_by_role("checkbox", checked=True).count() == 0
    # A link from the overview names its own sheets: they win, and are kept.
    other.goto(site_url + page_url("werkbladen/werkmap.md") + "?werkblad=schaalvraag")
    assert [other.get_by_role("checkbox", checked=True).get_attribute("value")] == ["schaalvraag"]
    other.goto(site_url + page_url("werkbladen/werkmap.md"))
    assert [other.get_by_role("checkbox", checked=True).get_attribute("value")] == ["schaalvraag"]
    assert not watch.problems()


def test_the_pdf_list_follows_the_choice_like_the_sheets(context, site_url):
    """The werkmap's "PDF's downloaden" list (items marked data-sheet="<id>")
    shows the PDFs of the sheets that will print: the chosen ones, or all."""
    page = context.new_page()
    page.goto(site_url + page_url("werkbladen/werkmap.md"))
    shown = "[...document.querySelectorAll('[data-pig-pdf-list] [data-sheet]')].filter(e => !e.hidden).map(e => e.dataset.sheet)"
    tick(page, [sheet for sheet in SHEETS if sheet.id in ("schaalvraag", "hefbomen")])
    assert page.evaluate(shown) == ["hefbomen", "schaalvraag"]
    expect(page.locator("[data-pig-pdf-list] a:visible")).to_have_count(2)
    page.get_by_role("button", name="Niets aanvinken").click()
    assert page.evaluate(shown) == [sheet.id for sheet in SHEETS]  # nothing ticked: every sheet is printed
    # The print bar, which stays in view, leads to the list.
    page.locator(".pig-pack__bar").get_by_role("link", name="PDF’s downloaden").click()
    expect(page.locator("[data-pig-pdf-list] a").first).to_be_in_viewport()


BROKEN_STORAGE = {
    "blocked": """Object.defineProperty(window, 'localStorage', {
        configurable: true, get() { throw new DOMException('blocked', 'SecurityError'); }});""",
    "full": """Storage.prototype.setItem = function (key) {
        if (String(key).startsWith('pig/')) throw new DOMException('storage is full', 'QuotaExceededError');
    };""",
}


@pytest.mark.parametrize("broken", sorted(BROKEN_STORAGE))
def test_the_werkmap_works_when_storage_fails(context, site_url, broken):
    page = context.new_page()
    page.add_init_script(BROKEN_STORAGE[broken])
    watch = PageWatch(site_url).attach(page)
    page.goto(site_url + page_url("werkbladen/werkmap.md"))
    chosen = [sheet for sheet in SHEETS if sheet.id == "hefbomen"]
    tick(page, chosen)
    assert page.locator("[data-pig-pack-status]").inner_text() == f"1 van de {len(SHEETS)} werkbladen gekozen, in jouw volgorde: 1 pagina."
    assert page_numbers(print_to_pdf(page)) == expected_numbers(chosen)
    page.wait_for_timeout(200)
    # Nothing of ours fails: only what Material's own inline script throws on
    # every page when storage is blocked (its __md_get reads localStorage
    # outside a try), as on the home page.
    baseline = PageWatch(site_url).attach(page, reporter=False)
    page.goto(site_url + page_url("index.md"))
    page.wait_for_timeout(200)
    assert watch.problems()[: len(baseline.problems())] == baseline.problems()
    assert len(watch.problems()) == 2 * len(baseline.problems())  # the werkmap, then the home page


@pytest.mark.parametrize("width", [1280, 360])
def test_the_werkmap_keeps_its_print_button_and_page_count_in_view(context, site_url, width):
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(site_url + page_url("werkbladen/werkmap.md"))
    status = page.locator("[data-pig-pack-status]")
    assert status.get_attribute("aria-live") == "polite"
    button = page.get_by_role("button", name="Werkmap afdrukken")
    first = page.get_by_role("checkbox").first
    first.scroll_into_view_if_needed()
    # Ticking a box at the top of the list: the count changes where the reader looks.
    first.check()
    assert status.inner_text().startswith("1 van de ")
    for element in (button, status):
        box = element.bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= 740, f"{width} px: not in view: {box}"
    # And it does not cover the box being ticked.
    top = first.bounding_box()
    assert top["y"] + top["height"] <= page.locator(".pig-pack__bar").bounding_box()["y"]


def test_the_werkmap_is_accessible_and_works_by_keyboard(context, site_url):
    page = context.new_page()
    page.goto(site_url + page_url("werkbladen/werkmap.md"))
    first = page.get_by_role("checkbox").first
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    # Each box reached by Tab is in view, not under the bar that stays in view.
    bar = page.locator(".pig-pack__bar")
    for number in range(1, len(SHEETS)):
        page.keyboard.press("Tab")
        focused = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect(); return [document.activeElement.value, r.top, r.bottom]; })()")
        assert focused[0] == SHEETS[number].id
        assert focused[2] <= bar.bounding_box()["y"], f"{focused[0]} is hidden under the print bar"
    assert page.get_by_role("group", name="Kies de werkbladen voor je werkmap").is_visible()
    assert not axe_violations(page)


# --- A trainer's session ------------------------------------------------------------

SESSION = ["schaalvraag", "droomvraag", "hefbomen", "job-craften", "balans-opmaken"]


def session_address(ids):
    return page_url("werkbladen/werkmap.md") + "?" + "&".join(f"werkblad={sheet_id}" for sheet_id in ids)


def in_order(ids):
    by_id = {sheet.id: sheet for sheet in SHEETS}
    return [by_id[sheet_id] for sheet_id in ids]


def test_the_werkmap_prints_in_the_order_of_its_address(context, site_url):
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    page.goto(site_url + session_address(SESSION[:3]))
    assert [box.get_attribute("value") for box in page.get_by_role("checkbox", checked=True).all()] == sorted(
        SESSION[:3], key=[s.id for s in SHEETS].index
    )
    assert page.locator(".pig-session__item").evaluate_all("items => items.map(i => i.dataset.sheet)") == SESSION[:3]
    pdf = print_to_pdf(page)
    assert page_numbers(pdf) == expected_numbers(in_order(SESSION[:3]))
    assert not watch.problems()


def test_a_werkmap_sent_to_an_employee_has_their_first_name_on_every_sheet(context, site_url):
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    page.goto(site_url + session_address(SESSION[:2]) + "&voor=Sanne")
    expect(page.locator("[data-pig-pack-for]")).to_have_text("Deze werkmap is voor Sanne: die naam staat op elk werkblad.")
    text = " ".join(flat(p.extract_text()) for p in print_to_pdf(page).pages)
    assert len(re.findall(r"Naam: (?:\* )?Sanne Datum:", text)) == 2, text[:400]  # " *": the label's print mark
    assert "Deze werkmap is voor" not in text  # the note is the screen's
    # Anything but a first name is ignored: no note, nothing on the sheets.
    page.goto(site_url + session_address(SESSION[:2]) + "&voor=" + "%3Cb%3ESanne%3C%2Fb%3E")
    page.locator("[data-pig-pack-status]").wait_for()
    assert page.locator("[data-pig-pack-for]").count() == 0
    assert page.locator(".pig-ws__blank", has_text="Sanne").count() == 0
    assert not watch.problems()


def test_the_werkmap_from_disk_prints_in_the_order_of_its_address(browser, site_dir):
    page = browser.new_page()
    try:
        page.goto((site_dir / "werkbladen/werkmap.html").as_uri() + "?" + session_address(SESSION[:3]).partition("?")[2])
        assert page_numbers(print_to_pdf(page)) == expected_numbers(in_order(SESSION[:3]))
    finally:
        page.close()


def test_a_session_is_put_in_order_by_keyboard_and_kept_in_the_address(context, site_url):
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    page.goto(site_url + page_url("werkbladen/werkmap.md"))
    tick(page, in_order(SESSION[:3]))  # ticked in this order: the session's order
    rows = page.locator(".pig-session__item")
    assert rows.evaluate_all("items => items.map(i => i.dataset.sheet)") == SESSION[:3]
    # The last one up, by keyboard: the button keeps the focus.
    up = page.locator(f'li[data-sheet="{SESSION[2]}"]').get_by_role("button", name="Omhoog")
    up.focus()
    page.keyboard.press("Enter")
    order = [SESSION[0], SESSION[2], SESSION[1]]
    assert rows.evaluate_all("items => items.map(i => i.dataset.sheet)") == order
    assert page.evaluate("document.activeElement.textContent") == "Omhoog"
    page.keyboard.press("Enter")
    order = [SESSION[2], SESSION[0], SESSION[1]]
    assert rows.evaluate_all("items => items.map(i => i.dataset.sheet)") == order
    # At the top "Omhoog" is off: the focus is on "Omlaag" of the same row.
    assert page.evaluate("[document.activeElement.textContent, document.activeElement.closest('li').dataset.sheet]") == ["Omlaag", SESSION[2]]
    assert page.evaluate("new URLSearchParams(location.search).getAll('werkblad')") == order
    # The link opens the same set in another tab.
    other = context.new_page()
    other.goto(page.url)
    assert other.locator(".pig-session__item").evaluate_all("items => items.map(i => i.dataset.sheet)") == order
    assert page_numbers(print_to_pdf(other)) == expected_numbers(in_order(order))
    assert not axe_violations(page)
    assert not watch.problems()


def test_several_sessions_are_kept_and_reopened(context, site_url):
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    page.goto(site_url + session_address(SESSION[:2]))
    page.get_by_label("Titel").fill("Ochtend")
    page.get_by_label("Titel").blur()
    page.get_by_role("button", name="Nieuwe sessie").click()
    page.wait_for_load_state()
    expect(page.locator(".pig-session__item")).to_have_count(0)
    tick(page, in_order(SESSION[2:4]))
    page.get_by_label("Titel").fill("Middag")
    page.get_by_label("Titel").blur()
    picker = page.get_by_label("Bewaarde sessie")
    assert sorted(picker.locator("option").all_inner_texts()) == ["Middag", "Ochtend"]
    picker.select_option(label="Ochtend")
    page.wait_for_url(re.compile(r"werkblad=" + SESSION[0]))
    assert page.get_by_label("Titel").input_value() == "Ochtend"
    assert page.locator(".pig-session__item").evaluate_all("items => items.map(i => i.dataset.sheet)") == SESSION[:2]
    assert not watch.problems()


def test_a_session_fits_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(site_url + session_address(SESSION[:2]))
        expect(page.locator(".pig-session__item")).to_have_count(2)
        width, wide = sideways_overflow(page)
        assert width <= 360 and not wide, wide
    finally:
        context.close()


def test_a_session_of_five_prints_its_plan_then_the_five_sheets_in_its_order(context, site_url):
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    page.goto(site_url + session_address(SESSION))
    for number, sheet_id in enumerate(SESSION):
        page.locator(f"#pig-session-{sheet_id}-tijd").fill(f"13.{number}5")
        page.locator(f"#pig-session-{sheet_id}-duur").fill(f"{20 + number} min")
    forms = page.locator(f"#pig-session-{SESSION[1]}-vorm option").all_inner_texts()
    # The forms come from who takes part, as the data says.
    assert forms == ["—", "in tweetallen (leidinggevende en medewerker)", "in een groep (collega’s)"]
    page.locator(f"#pig-session-{SESSION[1]}-vorm").select_option(forms[2])
    page.locator(f"#pig-session-{SESSION[1]}-notities").fill("Eerst in stilte, dan delen")
    page.get_by_label("Titel").fill("Middag waarderend leidinggeven")
    page.get_by_label("Groep").fill("Teamleiders")
    page.get_by_label("Sessieplan afdrukken (voor de werkbladen)").check()
    page.get_by_label("Voorblad afdrukken").check()
    pdf = print_to_pdf(page)
    assert_a4(pdf)
    cover, plan = (flat(p.extract_text()) for p in pdf.pages[:2])
    assert cover.startswith("Middag waarderend leidinggeven") and "Groep: Teamleiders" in cover
    assert "pagina" not in cover and "pagina" not in plan
    assert plan.startswith("Sessieplan: Middag waarderend leidinggeven")
    rows = [plan.index(f"13.{number}5 {20 + number} min {flat(sheet.title)}") for number, sheet in enumerate(in_order(SESSION))]
    assert rows == sorted(rows), plan
    assert "in een groep (collega’s) Eerst in stilte, dan delen" in plan
    assert page_numbers(PdfReader(pdf_pages(pdf, 2))) == expected_numbers(in_order(SESSION))
    # Kept on this device: after a reload the plan is there, and in the backup.
    page.reload()
    assert page.locator(f"#pig-session-{SESSION[4]}-duur").input_value() == "24 min"
    stored = stored_items(page)
    assert any(key.startswith("@sessie/") and key.endswith("/titel") for key in stored)
    assert not watch.problems()


def test_a_long_session_plan_prints_whole_and_the_sheets_count_on_after_it(context, site_url):
    """Notes too long for one page: the plan flows on to the pages the
    status names, nothing cut off, and each sheet still counts its own pages."""
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    page.goto(site_url + session_address(SESSION))
    note = "Eerst in stilte schrijven, dan in tweetallen delen en daarna in de groep terugkoppelen. " * 12
    for sheet_id in SESSION:
        page.locator(f"#pig-session-{sheet_id}-notities").fill(note + sheet_id)
    page.get_by_label("Sessieplan afdrukken (voor de werkbladen)").check()
    status = page.locator("[data-pig-pack-status]")
    expect(status).to_contain_text("na het sessieplan (")
    announced = int(re.search(r"sessieplan \((\d) pagina", status.inner_text()).group(1))
    pdf = print_to_pdf(page)
    plan = " ".join(flat(p.extract_text()) for p in pdf.pages[:announced])
    assert plan.startswith("Sessieplan") and "pagina" not in plan
    assert all(plan.count(sheet_id) >= 1 and f"terugkoppelen. {sheet_id}" in plan for sheet_id in SESSION), plan[-300:]
    assert page_numbers(PdfReader(pdf_pages(pdf, announced))) == expected_numbers(in_order(SESSION))
    assert not watch.problems()


# --- The whole book ------------------------------------------------------------------

def test_the_whole_book_prints_with_each_worksheet_on_its_own_pages(context, site_url):
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    page.goto(site_url + page_url("print_page.md"))
    pdf = print_to_pdf(page)
    assert_a4(pdf)
    texts = [flat(p.extract_text()) for p in pdf.pages]
    assert "Inhoud" in texts[1]
    for sheet in SHEETS:
        footer = f"Positief in Gesprek · {flat(sheet.title)}"
        on = [number for number, text in enumerate(texts) if footer in text]
        assert len(on) == sheet.pages, f"{sheet.id}: printed on {len(on)} pages, the data says {sheet.pages}"
        assert on == list(range(on[0], on[0] + sheet.pages))
        assert flat(sheet.title) in texts[on[0]].replace(footer, ""), f"{sheet.id}: no title on its first page"
    whole = " ".join(texts)
    assert "Werkmap voor een workshop" not in whole  # the werkmap would print every sheet twice
    # The page says what printing gives, measured: about as many A4 pages as come out.
    intro = page.locator(".pig-print-intro")
    said = re.search(r"Afdrukken geeft ongeveer (\d+) pagina’s A4", intro.inner_text())
    assert said, intro.inner_text()
    assert abs(int(said.group(1)) - len(pdf.pages)) <= 3, f"says {said.group(1)}, prints {len(pdf.pages)} pages"
    assert "Afdrukken geeft" not in whole and "Het hele werkboek afdrukken" not in whole
    # Web-only boxes stay on screen: quick links, the zip, answer notices, buttons.
    for words in ["Een workshop geven", "als zip", "Afdrukken met mijn antwoorden", "Reservekopie", "Alle filters wissen"]:
        assert words not in whole, f"printed: {words}"
    # One print button, for the whole book: none of the single pages' buttons,
    # which would print the whole book (or nothing) from here.
    for name in ["Werkblad afdrukken", "Gespreksgids afdrukken", "Alle filters wissen"]:
        assert page.get_by_role("button", name=name).count() == 0, name
    assert page.get_by_role("checkbox", name="Afdrukken met mijn antwoorden").count() == 0
    stub_print(page)
    page.get_by_role("button", name="Het hele werkboek afdrukken").click()
    assert printed(page) == 1
    assert not watch.problems()
