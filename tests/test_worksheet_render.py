"""The worksheet renderers (pure functions) and what they put in the built site."""

import html as html_lib
import re

import pytest

from macros.content.worksheets import UnknownWorksheetError, Worksheet, WorksheetLibrary
from macros.render.notice import PRIVACY_TEXT
from macros.render.worksheets import (
    meta_line,
    render_answer_bar,
    render_mine,
    render_overview,
    render_pack,
    render_questions,
    render_sheet,
    render_worksheet_link,
)
from sitebuild import article_html, load_figures, html_path, link_href, page_url, text_blocks

SHEET = Worksheet.model_validate(
    {
        "id": "proef",
        "title": 'Proef & "test" *b*',
        "kind": "werkvorm",
        "part": "deel-2",
        "page": "deel-2/proef.md",
        "purpose": "Een <b>proef</b> voor de kaart.",
        "for_whom": [
            {"who": "leidinggevende", "source": "alleen met de leidinggevende"},
            {"who": "samen", "source": "samen in gesprek gaan"},
            {"who": "collegas", "source": "met een groep collega's"},
        ],
        "needs": [{"what": "kaartjes", "source": "op kaartjes schrijven"}, {"what": "flipover", "source": "een flipover aan de muur"}],
        "pages": 2,
        "intro": ["Een inleiding."],
        "sections": [
            {
                "id": "een",
                "title": "Eerste deel",
                "questions": [
                    {"id": "q1", "text": "Wat <script>alert(1)</script>?", "lines": 3},
                    {"id": "q2", "text": "Wat nog?", "lines": 0, "items": ["punt a", "punt b"]},
                ],
            },
            {
                "id": "twee",
                "label": "b",
                "numbering": "letters",
                "intro": ["Als je kijkt:"],
                "questions": [{"id": "q3", "text": "Hoe?", "lines": 2}],
                "copies": 3,
                "new_page": True,
                "figure": "schaal",
            },
        ],
    }
)


def test_question_list_for_a_reading_page():
    html = render_questions(SHEET, "een")
    assert html.startswith('<ul class="pig-questions" data-worksheet="proef" data-section="een">')
    assert '<li data-question="q1">Wat &lt;script&gt;alert(1)&lt;/script&gt;?</li>' in html and "<script>" not in html
    assert re.search(r'<li data-question="q2">Wat nog\?\s*<ul>\s*<li>punt a</li>\s*<li>punt b</li>\s*</ul>\s*</li>', html)
    assert "\n\n" not in html  # Markdown would end the HTML block at a blank line


def test_lettered_sections_are_lettered_lists():
    assert render_questions(SHEET, "twee").startswith('<ol class="pig-questions" type="a"')


def test_a_sheet_with_several_question_sections_needs_a_section_name():
    with pytest.raises(UnknownWorksheetError, match=r"several question sections \(een, twee\)"):
        render_questions(SHEET)
    with pytest.raises(UnknownWorksheetError, match="no section 'drie'"):
        render_questions(SHEET, "drie")


def test_printed_sheet_has_name_date_lines_copies_and_figure():
    html = render_sheet(SHEET, load_figures(), level=2)
    # data-search-exclude: in the werkmap, search finds the sheets on their own pages
    assert '<h2 class="pig-ws__title" id="pig-ws-proef" data-search-exclude>Proef &amp; &#34;test&#34; &#42;b&#42;</h2>' in html
    assert "Naam:" in html and "Datum:" in html
    lines = re.findall(r'<div class="pig-ws__lines" aria-hidden="true">((?:<span></span>)*)</div>', html)
    # q1 has 3 lines, q2 none, q3 two lines in each of its three copies.
    assert [line.count("<span>") for line in lines] == [3, 2, 2, 2]
    assert html.count('data-section="twee"') == 3
    assert html.count("pig-ws__copy") == 2  # the 2nd and 3rd copy are print-only
    assert "(2 van 3)" not in html  # the copies of an untitled section carry no heading
    assert html.count('data-figure="schaal"') == 3
    assert "<strong>b.</strong> Als je kijkt:" in html


def test_a_titled_section_numbers_its_copies():
    sheet = SHEET.model_copy(update={"sections": (SHEET.sections[0].model_copy(update={"copies": 2}),)})
    html = render_sheet(sheet, load_figures(), level=1)
    assert "Eerste deel <span class=\"pig-ws__copy-number\">(1 van 2)</span>" in html
    assert "(2 van 2)" in html
    assert "<h1" not in html  # on its own page, the page's Markdown title is the h1


def test_meta_line_lists_kind_part_people_and_materials():
    assert meta_line(SHEET) == (
        "Werkvorm · Deel 2 · leidinggevende alleen, leidinggevende en medewerker samen, "
        "collega’s onderling of in een groep · nodig: kaartjes, flipover"
    )
    placed = SHEET.model_copy(update={"part": None, "place": "Na Deel 5", "for_whom": (), "needs": ()})
    assert meta_line(placed) == "Werkvorm · Na Deel 5"
    reflection = SHEET.model_copy(update={"part": None, "kind": "reflectie", "for_whom": (), "needs": ()})
    assert meta_line(reflection) == "Reflectie"  # not "Reflectie · Reflectie"


def test_a_sheet_outside_the_parts_names_its_place():
    data = SHEET.model_dump()
    with pytest.raises(ValueError, match="needs a place"):
        Worksheet.model_validate({**data, "part": None, "place": None})
    with pytest.raises(ValueError, match="only for a worksheet outside the parts"):
        Worksheet.model_validate({**data, "place": "Na Deel 5"})
    with pytest.raises(ValueError, match="for_whom names samen more than once"):
        Worksheet.model_validate({**data, "for_whom": [{"who": "samen", "source": "een twee drie"}] * 2})
    with pytest.raises(ValueError, match="at least three words"):
        Worksheet.model_validate({**data, "for_whom": [{"who": "samen", "source": "samen"}]})


def test_link_is_markdown_that_mkdocs_checks():
    assert render_worksheet_link(SHEET, "../werkbladen/proef.md") == (
        '[Werkblad om af te drukken: Proef &amp; "test" \\*b\\*](../werkbladen/proef.md){ .md-button .pig-ws-link .pig-ui }'
    )


def overview_of(*sheets, pdf=lambda sheet: None, situations=None):
    return render_overview(
        WorksheetLibrary(sheets, load_figures()),
        lambda target: "/" + target.removesuffix(".md") + ".html",
        lambda sheet_id: f"werkbladen/{sheet_id}.md",
        "werkbladen/werkmap.md",
        pdf,
        situations=situations,
    )


def test_overview_cards_carry_the_data_escaped_and_filters_only_of_values_in_use():
    quiet = SHEET.model_copy(update={"id": "stil", "part": "bijlagen", "for_whom": (), "needs": (), "pages": 1})
    html = overview_of(SHEET, quiet, situations=([("boven", "boven verwachting (zoals Myra)")], {"proef": ["boven"]}))
    cards = re.findall(
        r'<li class="pig-ml__card" data-worksheet="([^"]+)" data-deel="([^"]+)" data-wie="([^"]+)" data-paginas="(\d+)" data-situatie="([^"]*)">', html
    )
    assert cards == [("proef", "deel-2", "leidinggevende samen collegas", "2", "boven"), ("stil", "bijlagen", "niet-aangegeven", "1", "")]
    assert "<b>" not in html and "Een &lt;b&gt;proef&lt;/b&gt; voor de kaart." in html
    assert '<h2 class="pig-ml__title" id="werkblad-proef"><a href="/werkbladen/proef.html">Proef &amp; &#34;test&#34; &#42;b&#42;</a></h2>' in html
    assert '<a href="/deel-2/proef.html">Lees de uitleg</a>' in html
    # A sheet that needs nothing says nothing about it; its length is named as pages.
    assert html.count("<dt>Nodig</dt>") == 1 and "<dt>Wie doet mee</dt><dd>niet aangegeven</dd>" in html
    assert html.count("<dt>Omvang (pagina’s)</dt>") == 2 and "Lengte" not in html
    values = re.findall(r'<input type="checkbox" name="(\w+)" value="([^"]+)">', html)
    assert values == [
        ("deel", "deel-2"), ("deel", "bijlagen"),
        ("wie", "leidinggevende"), ("wie", "samen"), ("wie", "collegas"), ("wie", "niet-aangegeven"),
        ("situatie", "boven"),
        ("paginas", "1"), ("paginas", "2"),
    ]
    assert "De indeling is de lezing van de webeditie" in html
    assert 'data-werkmap="/werkbladen/werkmap.html"' in html
    assert ">PDF</a>" not in html


def test_overview_links_a_pdf_once_there_is_one():
    html = overview_of(SHEET, pdf=lambda sheet: f"/pdf/{sheet.id}.pdf")
    assert '<a href="/pdf/proef.pdf">PDF</a>' in html


def test_answer_bar_says_where_answers_stay_and_links_to_them():
    bar = render_answer_bar("../mijn-antwoorden.md")
    assert PRIVACY_TEXT in bar
    assert "[Al je antwoorden](../mijn-antwoorden.md)" in bar
    assert '<input type="checkbox" data-pig-print-answers checked>' in bar


def test_mine_lists_only_questions_that_take_an_answer(worksheets):
    html = render_mine(worksheets, lambda sheet: f"{sheet.id}.html")
    sections = re.findall(r'<section class="pig-mine__sheet" data-worksheet="([^"]+)" data-part="[a-z0-9-]+" hidden>', html)
    assert sections == [sheet.id for sheet in worksheets]
    assert 'data-question="lijn"' not in html  # the schaalvraag's instruction to draw a line
    assert 'data-question="wat-maakt-dat"' in html
    assert '<a href="hefbomen.html">Naar het werkblad</a>' in html


def test_instructions_are_marked_as_taking_no_answer(worksheets):
    html = render_sheet(worksheets.get("reflected-best-self"), worksheets.figures)
    assert '<li class="pig-ws__question" data-question="vraag-ieder" data-no-answer>' in html
    assert '<li class="pig-ws__question" data-question="lijst">' in html


def test_a_passage_of_the_book_not_on_the_sheet_is_not_drawn(worksheets):
    sheet = worksheets.get("schaalvraag")
    html = render_sheet(sheet, worksheets.figures)
    assert 'data-section="stappen"' not in html and "Hans" not in html and 'data-question="lijn"' not in html
    assert '<li class="pig-ws__question pig-web" data-question="wat-maakt-dat">' in html  # the web edition's question, marked on its item
    assert 'data-figure="schaal"' in html
    # The reading page still shows the book's steps.
    assert "Vraag Hans te kiezen" in render_questions(sheet, "stappen")


def test_strips_to_fold_follow_each_other_with_a_fold_line(worksheets):
    sheet = worksheets.get("complimentenharmonica")
    html = render_sheet(sheet, worksheets.figures)
    strips = html.count('data-section="harmonica"')
    assert strips == sheet.section("harmonica").copies
    assert html.count('class="pig-ws__fold pig-ws__copy"') == strips - 1
    assert "pig-ws__section--new-page" not in html  # all on one page
    assert html.count("pig-ws__questions--columns-2") == strips


def test_fields_head_each_copy_of_a_questionnaire(worksheets):
    html = render_sheet(worksheets.get("reflected-best-self"), worksheets.figures)
    fields = re.findall(r'<span class="pig-ws__field"><span class="pig-web">([^<]+)</span>', html)
    assert fields == ["Naam:", "Datum:"] + ["Over:", "Ingevuld door:"] * 5


def test_pack_offers_every_sheet_and_holds_every_sheet(worksheets):
    html = render_pack(worksheets)
    boxes = re.findall(r'<input type="checkbox" name="werkblad" value="([^"]+)" data-pages="(\d+)" data-title="[^"]+" data-forms="([^"]*)">', html)
    assert [box for box, _, _ in boxes] == [sheet.id for sheet in worksheets]
    assert [int(pages) for _, pages, _ in boxes] == [sheet.pages for sheet in worksheets]
    # The forms a session plan offers: from who takes part, as the data says.
    forms = {box: value.split("|") for box, _, value in boxes}
    assert forms["droomvraag"] == ["in tweetallen (leidinggevende en medewerker)", "in een groep (collega’s)"]
    assert forms["reflectie-vasthouden"] == ["alleen (leidinggevende)"]
    assert re.findall(r'<section class="pig-ws" data-worksheet="([^"]+)"', html) == [sheet.id for sheet in worksheets]


# --- In the built site --------------------------------------------------------

def page_text(site_dir, url):
    return html_lib.unescape(" ".join(text_blocks(article_html(html_path(site_dir, url).read_text(encoding="utf-8")))))


def test_reading_pages_show_the_questions_from_the_data(site_dir, worksheets):
    """Every question list on a reading page is the data's, item for item."""
    checked, on_pages = set(), set()
    for page in {sheet.page for sheet in worksheets}:
        html = html_path(site_dir, page_url(page)).read_text(encoding="utf-8")
        on_pages |= {(page, *pair) for pair in re.findall(r'<[ou]l class="pig-questions"[^>]*data-worksheet="([^"]+)" data-section="([^"]+)">', html)}
    for sheet in worksheets:
        html = html_path(site_dir, page_url(sheet.page)).read_text(encoding="utf-8")
        for section in sheet.sections:
            listed = re.search(rf'<(ul|ol) class="pig-questions"[^>]*data-worksheet="{sheet.id}" data-section="{section.id}">(.*?)</\1>\n', html, re.S)
            if not listed:
                continue
            top_level = re.sub(r"<ul>.*?</ul>", "", listed.group(2), flags=re.S)
            items = [html_lib.unescape(item).strip() for item in re.findall(r"<li[^>]*>(.*?)</li>", top_level, re.S)]
            assert items == [q.text for q in section.questions], (sheet.id, section.id)
            checked.add((sheet.page, sheet.id, section.id))
    # Every list on those pages was read (none the pattern above misses), 22 today.
    assert checked == on_pages and len(checked) >= 20, sorted(on_pages - checked)


def test_every_question_list_of_a_reading_page_comes_from_the_data(site_dir, worksheets):
    """Each worksheet's reading page shows (at least) one of its lists, and
    links to the printable sheet."""
    no_list = {"historielijn", "complimentenharmonica", "doelen-drie-niveaus"}  # the book has prose there
    for sheet in worksheets:
        url = page_url(sheet.page)
        html = html_path(site_dir, url).read_text(encoding="utf-8")
        if sheet.id not in no_list:
            assert f'data-worksheet="{sheet.id}"' in html, f"{url} does not render {sheet.id}"
        link = re.search(r'<a class="md-button pig-ws-link pig-ui" href="([^"]+)">Werkblad om af te drukken: ', html)
        assert link and link.group(1) == link_href(sheet.page, f"werkbladen/{sheet.id}.md"), f"{url} has no link to its worksheet"


def test_every_worksheet_has_its_page_with_every_question(site_dir, worksheets):
    for sheet in worksheets:
        text = page_text(site_dir, page_url(f"werkbladen/{sheet.id}.md"))
        assert text.startswith(sheet.title), sheet.id
        for question in sheet.questions:
            assert question.text in text, (sheet.id, question.id)
        html = html_path(site_dir, page_url(f"werkbladen/{sheet.id}.md")).read_text(encoding="utf-8")
        assert f'data-worksheet="{sheet.id}"' in html
        assert '<p class="pig-ws-actions pig-ui pig-needs-js"><button type="button" class="md-button md-button--primary pig-print-button">' in html


def test_the_overview_has_a_card_per_worksheet_with_working_links(site_dir, worksheets):
    html = html_path(site_dir, page_url("werkbladen/index.md")).read_text(encoding="utf-8")
    titles = re.findall(r'<h2 class="pig-ml__title" id="werkblad-[^"]+"><a href="([^"]+)">([^<]+)</a></h2>', html)
    assert [(href, html_lib.unescape(title)) for href, title in titles] == [
        (link_href("werkbladen/index.md", f"werkbladen/{sheet.id}.md"), sheet.title) for sheet in worksheets
    ]
    readings = re.findall(r'<a href="([^"]+)">Lees de uitleg</a>', html)
    assert readings == [link_href("werkbladen/index.md", sheet.page) for sheet in worksheets]
    for href in readings:
        assert (html_path(site_dir, page_url("werkbladen/index.md")).parent / href).is_file(), href
    purposes = [html_lib.unescape(p) for p in re.findall(r'<p class="pig-ml__purpose">([^<]+)</p>', html)]
    assert purposes == [sheet.purpose for sheet in worksheets]
    assert "Los hoofdstuk" not in html


def test_mine_puts_the_mindset_results_before_the_bijlagen_and_offers_each_part_to_print(worksheets):
    html = render_mine(worksheets, lambda sheet: f"{sheet.id}.html", '<section data-pig-mine-mindset></section>')
    first_bijlage = next(sheet.id for sheet in worksheets if sheet.part == "bijlagen")
    assert html.index("data-pig-mine-mindset") < html.index(f'data-worksheet="{first_bijlage}"')
    assert html.count("data-pig-mine-mindset") == 1
    options = re.findall(r'<option value="([a-z0-9-]*)">', html)
    assert options[0] == "" and {"deel-1", "deel-2", "deel-3", "bijlagen", "los"} <= set(options)
    assert PRIVACY_TEXT in html
