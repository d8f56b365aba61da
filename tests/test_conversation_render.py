"""The conversation renderers (pure functions) and the Deel 4 pages they build."""

import html as html_lib
import json
import posixpath
import re
from urllib.parse import unquote, urlsplit

import yaml

from macros.content.conversations import Block, Conversation, ConversationLibrary, Werkvorm
from macros.content.worksheets import question_section
from macros.render.conversations import (
    render_block,
    render_comparison,
    render_conversation_page,
    render_observer,
    resolve,
)
from sitebuild import ROOT, article_html, html_path, link_href, page_url, text_blocks

PAGES = {"myra": "deel-4/myra.md", "jeffrey": "deel-4/jeffrey.md", "hans": "deel-4/hans.md"}

CONVERSATION = Conversation.model_validate(
    {
        "id": "proef",
        "title": "Proef, waarmee het goed gaat",
        "page": "deel-4/proef.md",
        "person": {"name": "Piet", "age": 40, "role": "docent"},
        "expectation": "naar",
        "situation": ["Piet is een 40-jarige docent."],
        "steps": [
            {
                "id": "een",
                "title": "Eerst | dan",
                "werkvormen": ["droom", "vraag"],
                "blocks": [
                    {"text": "Met de [droomvraag](werkvorm:droom) en de [vraag](werkvorm:vraag)."},
                    {"questions": ["Wat nu?", "En dan?"]},
                    {"say": {"lead": "Je zegt:", "text": "‘Hoe gaat het?’"}},
                    {"note": {"label": "NB", "text": ["Let op."]}},
                    {"numbered": ["a", "b"]},
                ],
            }
        ],
    }
)
LIBRARY = ConversationLibrary(
    (CONVERSATION,),
    {
        "droom": Werkvorm("droom", "De droomvraag", "deel-3/droomvraag.md", None, "droom"),
        "vraag": Werkvorm("vraag", "De vraag", "deel-2/feedback.md", "complimenten", None),
    },
)


def link_to(target):
    return posixpath.relpath(target, "deel-4")


def test_werkvorm_links_become_relative_markdown_links():
    assert resolve("Met de [droomvraag](werkvorm:droom).", LIBRARY, link_to, "deel-4/proef.md") == (
        "Met de [droomvraag](../deel-3/droomvraag.md)."
    )
    assert resolve("De [vraag](werkvorm:vraag)", LIBRARY, link_to, "x.md") == "De [vraag](../deel-2/feedback.md#complimenten)"
    # On the werkvorm's own reading page the words stay, without a link to itself.
    assert resolve("De [droomvraag](werkvorm:droom)", LIBRARY, link_to, "deel-3/droomvraag.md") == "De droomvraag"


def test_example_phrasing_is_set_apart_after_its_lead_without_words_of_the_site():
    html = render_block(Block(say={"lead": "Je zegt:", "text": "‘Hoe gaat het?’"}), str, None, link_to)
    assert html == '<div class="pig-say" markdown>\n\nJe zegt:\n\n> ‘Hoe gaat het?’\n\n</div>'


def test_the_page_has_card_numbered_steps_werkvormen_and_the_print_sheet(worksheets):
    markdown = render_conversation_page(CONVERSATION, LIBRARY, worksheets, link_to)
    assert markdown.startswith("# Proef, waarmee het goed gaat\n")
    assert '<section class="pig-person" data-conversation="proef" aria-label="Over Piet" markdown>' in markdown
    assert '<dl class="pig-person__facts pig-web">' in markdown  # the card is the web edition's reading
    assert (
        "<dt>Voorbeeld van</dt><dd>iemand die <span class=\"pig-expectation pig-expectation--naar\">naar verwachting</span>"
        " presteert</dd>"
    ) in markdown
    assert "## 1. Eerst \\| dan { #stap-1 .pig-step }" in markdown  # escaped for Markdown
    assert "- [De droomvraag](../deel-3/droomvraag.md) · [werkblad](../werkbladen/droom.md){ .pig-werkvormen__sheet }" in markdown
    assert "- [De vraag](../deel-2/feedback.md#complimenten)\n" in markdown  # a technique has no sheet
    assert '<div class="pig-conv-questions" markdown>\n\n- Wat nu?\n- En dan?\n\n</div>' in markdown
    assert "1. a\n2. b" in markdown
    assert '<p class="admonition-title">NB</p>' in markdown
    assert '[Reflectie: voorbereiden van een ontwikkelgesprek dat je gaat voeren](../werkbladen/reflectie-voorbereiden.md)' in markdown
    printed, observer = markdown[markdown.index('<aside class="pig-conv-print" data-search-exclude>'):].split("\n\n")
    assert '<section class="pig-ws" data-worksheet="reflectie-voorbereiden"' in printed
    # Then the observer's sheet: each a single raw HTML block, the last of the page.
    assert observer.startswith('<aside class="pig-conv-print pig-conv-observe pig-web" data-conversation="proef"') and observer.endswith("</aside>")


def test_the_comparison_is_a_markdown_table_of_all():
    lines = render_comparison(LIBRARY, link_to).splitlines()
    # A block of its own (stacked on a phone by the stylesheet), Markdown inside.
    assert lines[0] == '<div class="pig-compare" markdown>' and lines[-1] == "</div>"
    table = [line for line in lines if line.startswith("|")]
    who = '<span class="pig-compare__who">Piet:</span> '
    assert table[0] == "| Voorbeeldgesprek | [Piet](proef.md) |"
    assert table[2] == f"| **Wie** | {who}40 jaar · docent |"
    assert table[3] == f"| **Presteert** | {who}naar verwachting |"
    assert table[4] == f"| **Stap 1** | {who}[Eerst \\| dan](proef.md#stap-1) |"
    assert table[5] == f"| **Werkvormen** | {who}[De droomvraag](../deel-3/droomvraag.md), [De vraag](../deel-2/feedback.md#complimenten) |"


# --- In the built site --------------------------------------------------------

def article(site_dir, src):
    return article_html(html_path(site_dir, page_url(src)).read_text(encoding="utf-8"))


def guide_text(html):
    """The page's text on screen: without the print-only sheet."""
    html = html[: html.index('<aside class="pig-conv-print"')]
    return html_lib.unescape(" ".join(text_blocks(html)))


def plain(markdown):
    """Inline Markdown of the data as the page shows it: link labels only."""
    return re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", markdown)


def test_every_step_question_and_phrase_is_on_its_page(site_dir, conversations, worksheets):
    for c in conversations:
        html = article(site_dir, c.page)
        text = guide_text(html)
        assert text.startswith(c.title), c.id
        card = re.search(r'<section aria-label="Over ([^"]+)" class="pig-person" data-conversation="([^"]+)">(.*?)</section>', html, re.S)
        assert card and card.group(1) == c.person.name and card.group(2) == c.id
        facts = dict(re.findall(r"<dt>([^<]+)</dt>\s*<dd>(?:<span[^>]*>)?([^<]+)", card.group(3)))
        assert facts["Naam"] == c.person.name and facts["Leeftijd"] == f"{c.person.age} jaar"
        assert facts["Functie"] == c.person.role and facts["Voorbeeld van"] == "iemand die "
        for paragraph in c.situation:
            assert html_lib.unescape(plain(paragraph)) in html_lib.unescape(card.group(3))
        headings = re.findall(r'<h2 class="pig-step" id="(stap-\d)">(.*?)<a class="headerlink"', html)
        assert headings == [(f"stap-{n}", f"{n}. {s.title}") for n, s in enumerate(c.steps, start=1)], c.id
        boxes = re.findall(r'<div class="pig-say">'
                           r'\s*<p>(.*?)</p>\s*<blockquote>\s*<p>(.*?)</p>\s*</blockquote>\s*</div>', html_lib.unescape(html), re.S)
        says = [block.say for step in c.steps for block in step.blocks if block.say]
        assert [(plain(lead), quote) for lead, quote in [(re.sub(r"<[^>]+>", "", a), b) for a, b in boxes]] == [
            (plain(say.lead), plain(say.text)) for say in says], c.id
        for step in c.steps:
            for question in step.questions:
                assert f"<li>{question}</li>" in html_lib.unescape(html), (c.id, question)
            for block in step.blocks:
                for _, prose in block.texts():
                    assert html_lib.unescape(plain(prose)) in text, (c.id, step.id, prose[:40])


def test_hans_shows_the_schaalvraag_from_the_worksheet_data(site_dir, worksheets):
    html = html_lib.unescape(article(site_dir, PAGES["hans"]))
    listed = re.search(r'<ul class="pig-questions" data-worksheet="schaalvraag" data-section="stappen">(.*?)</ul>', html, re.S)
    assert re.findall(r"<li[^>]*>(.*?)</li>", listed.group(1)) == [q.text for q in worksheets.get("schaalvraag").section("stappen").questions]
    assert html.index('id="stap-3"') < listed.start()


def resolve_href(site_dir, src, href):
    """The built file and fragment a link on the page built from ``src`` leads to."""
    parts = urlsplit(href)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url(src)), unquote(parts.path))) if parts.path else page_url(src)
    return site_dir / target, parts.fragment


def assert_leads_somewhere(site_dir, src, href):
    assert not urlsplit(href).scheme, f"{src}: {href} leaves the site"
    path, fragment = resolve_href(site_dir, src, href)
    assert path.is_file(), f"{src}: {href} leads nowhere"
    if fragment:
        assert f'id="{fragment}"' in path.read_text(encoding="utf-8"), f"{src}: {href}: no #{fragment}"


def test_every_werkvorm_links_to_its_section_and_its_sheet(site_dir, conversations):
    for c in conversations:
        html = article(site_dir, c.page)
        boxes = re.findall(r'<div class="pig-werkvormen pig-web">(.*?)</div>', html, re.S)
        assert len(boxes) == len([s for s in c.steps if s.werkvormen])
        for step, box in zip([s for s in c.steps if s.werkvormen], boxes):
            items = re.findall(r"<li>(.*?)</li>", box, re.S)
            assert len(items) == len(step.werkvormen)
            for ref, item in zip(step.werkvormen, items):
                werkvorm = conversations.werkvormen[ref]
                hrefs = re.findall(r'href="([^"]+)"', item)
                expected = []
                if werkvorm.page != c.page:
                    expected.append(link_href(c.page, werkvorm.page) + (f"#{werkvorm.anchor}" if werkvorm.anchor else ""))
                if werkvorm.worksheet:
                    expected.append(link_href(c.page, f"werkbladen/{werkvorm.worksheet}.md"))
                assert hrefs == expected, (c.id, ref, hrefs)
                for href in hrefs:
                    assert_leads_somewhere(site_dir, c.page, href)
        # Every link on the page, in the text too, leads to a page (and section) of the site.
        for href in re.findall(r'<a [^>]*href="([^"#][^"]*|#[^"]+)"', html):
            assert_leads_somewhere(site_dir, c.page, href)


def test_the_overview_compares_all_three(site_dir, conversations):
    src = "deel-4/index.md"
    html = article(site_dir, src)
    assert "Frank Kwakman" in html  # the book's introduction stays
    table = re.search(r"<table>(.*?)</table>", html, re.S).group(1)
    header = re.findall(r'<th><a href="([^"]+)">([^<]+)</a></th>', table)
    assert header == [(link_href(src, c.page), c.person.name) for c in conversations]
    named = re.findall(r'<span class="pig-compare__who">([^<]+):</span> ', table)
    assert named == [c.person.name for c in conversations] * 6  # each cell names its person (for a phone)
    table = re.sub(r'<span class="pig-compare__who">[^<]+</span> ', "", table)
    rows = {
        html_lib.unescape(re.sub(r"<[^>]+>", "", cells[0])): cells[1:]
        for cells in (re.findall(r"<td>(.*?)</td>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)) if cells
    }
    assert list(rows) == ["Wie", "Presteert", "Stap 1", "Stap 2", "Stap 3", "Werkvormen"]
    assert rows["Presteert"] == ["boven verwachting", "naar verwachting", "onder verwachting"]
    for column, c in enumerate(conversations):
        assert f"{c.person.age} jaar" in rows["Wie"][column]
        for number, step in enumerate(c.steps, start=1):
            link = f'<a href="{link_href(src, c.page)}#stap-{number}">{step.title}</a>'
            assert html_lib.unescape(rows[f"Stap {number}"][column]) == link
        used = [html_lib.unescape(t) for t in re.findall(r">([^<]+)</a>", rows["Werkvormen"][column])]
        assert used == [w.title for w in conversations.used(c)]
    for href in re.findall(r'href="([^"]+)"', table):
        assert_leads_somewhere(site_dir, src, href)


def test_the_print_sheet_is_on_each_guide_but_not_in_search(site_dir, conversations, worksheets):
    sheet = worksheets.get("reflectie-voorbereiden")
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    for c in conversations:
        html = article(site_dir, c.page)
        printed = html[html.index('<aside class="pig-conv-print" data-search-exclude>'):]
        assert printed.count('<section class="pig-ws" data-worksheet="reflectie-voorbereiden"') == 1
        for question in sheet.questions:
            assert html_lib.escape(question.text, quote=False) in printed
        indexed = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith(page_url(c.page)))
        assert c.steps[0].title in " ".join(doc["title"] for doc in index["docs"] if doc["location"].startswith(page_url(c.page)))
        assert sheet.questions[1].text not in indexed, f"{c.id}: the print-only sheet is in the search index"


def test_each_person_page_is_tagged_for_search_with_its_expectation(site_dir, conversations):
    """The tag in the page's front matter (search shows and ranks it) says
    what the person card says, from the same data."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    for conversation in conversations:
        source = (ROOT / "docs" / conversation.page).read_text(encoding="utf-8")
        front = yaml.safe_load(source.split("---\n")[1])
        label = {"myra": "boven verwachting", "jeffrey": "naar verwachting", "hans": "onder verwachting"}[conversation.id]
        assert front["tags"] == [label], conversation.page
        entry = next(doc for doc in index["docs"] if doc["location"] == page_url(conversation.page))
        assert entry["tags"] == [label]


def test_the_observers_sheet_holds_the_books_steps_and_questions_and_nothing_else(conversations, worksheets):
    for conversation in conversations:
        html = render_observer(conversation, worksheets)
        assert f"Observatieblad: gesprek met {conversation.person.name}" in html
        assert "dit observatieblad is van de webeditie" in html
        items = [html_lib.unescape(item) for item in re.findall(r'<span class="pig-conv-observe__box" aria-hidden="true"></span> (.*?)</li>', html, re.S)]
        expected = []
        for step in conversation.steps:
            assert f"{step.title}</h3>" in html_lib.unescape(html)
            for block in step.blocks:
                if block.say is not None:
                    expected.append(block.say.text)
                expected += list(block.questions or ())
                if block.worksheet_questions is not None:
                    sheet = worksheets.get(block.worksheet_questions.worksheet)
                    expected += [q.text for q in question_section(sheet, block.worksheet_questions.section).questions]
        assert items == expected, conversation.id
        assert html.count("<h3>") == len(conversation.steps)
