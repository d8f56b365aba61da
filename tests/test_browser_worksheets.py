"""Worksheets as a trainer prints them from Chromium: A4, the declared number
of pages, every question, no web chrome; the werkmap and the whole book."""

import re

import pytest

from browser_checks import CHROME_WORDS, PageWatch, assert_a4, axe_violations, flat, print_to_pdf, printed, stub_print
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
    for number, text in enumerate(texts, start=1):
        assert f"Positief in Gesprek · {flat(sheet.title)}" in text, f"{sheet.id}: page {number} has no running footer"
        assert f"pagina {number}" in text, f"{sheet.id}: page {number} is not numbered"
    watch.detach()
    assert not watch.problems()


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
        firsts.append(body[0] if body else "")
    return firsts


def test_the_werkmap_prints_every_sheet_when_nothing_is_ticked(context, site_url):
    page = context.new_page()
    watch = PageWatch(site_url).attach(page)
    page.goto(site_url + page_url("werkbladen/werkmap.md"))
    total = sum(sheet.pages for sheet in SHEETS)
    assert page.get_by_role("status").inner_text() == (
        f"Niets aangevinkt: alle {len(SHEETS)} werkbladen worden afgedrukt ({total} pagina’s)."
    )
    pdf = print_to_pdf(page)
    assert_a4(pdf)
    assert len(pdf.pages) == total
    whole = flat(" ".join(p.extract_text() for p in pdf.pages))
    assert not [word for word in CHROME_WORDS if word in whole]
    assert not watch.problems()


def test_the_werkmap_prints_the_ticked_sheets_each_on_its_own_page(context, site_url):
    page = context.new_page()
    page.goto(site_url + page_url("werkbladen/werkmap.md"))
    chosen = [sheet for sheet in SHEETS if sheet.id in ("hefbomen", "job-craften", "schaalvraag")]
    for sheet in chosen:
        page.get_by_role("checkbox", name=re.compile("^" + re.escape(sheet.title))).check()
    pages = sum(sheet.pages for sheet in chosen)
    assert page.get_by_role("status").inner_text() == f"3 van de {len(SHEETS)} werkbladen gekozen: {pages} pagina’s."
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


def test_the_werkmap_is_accessible_and_works_by_keyboard(context, site_url):
    page = context.new_page()
    page.goto(site_url + page_url("werkbladen/werkmap.md"))
    first = page.get_by_role("checkbox").first
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    assert page.get_by_role("group", name="Kies de werkbladen voor je werkmap").is_visible()
    assert not axe_violations(page)


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
    assert not watch.problems()
