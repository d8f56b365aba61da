"""The conversation planner's data: every suggestion points to a sheet or a
page that exists and says where in the book it comes from; the book's words
are the book's; a mistake in docs/data/planner.yaml is one line naming file,
item and field; hostile text in the data never reaches the page as markup."""

import shutil

import pytest

from editorial import book_text, words
from macros.content.base import ContentError
from macros.content.planner import load_planner
from macros.render.planner import render_planner
from sitebuild import BOOK, DOCS, assert_names_all, edit_yaml, load_content, nav_pages_of_config, page_url

DATA = DOCS / "data" / "planner.yaml"
PAGES = nav_pages_of_config()

# The werkvormen of each of the book's examples (Deel 4), as the book names them.
EXAMPLES = {
    "boven": ("Myra", {"complimenteuze-vraag", "waarderend-interview", "historielijn", "droomvraag", "eindejaarsvraag",
                       "doelen-drie-niveaus", "wat-nog-niet-lukt", "positief-doel", "experiment"}),
    "naar": ("Jeffrey", {"historielijn", "waarderend-interview", "droomvraag", "experiment", "wat-nog-niet-lukt", "positief-doel"}),
    "onder": ("Hans", {"feedback", "waarderend-interview", "schaalvraag", "positief-doel", "doelen-drie-niveaus"}),
}


@pytest.fixture(scope="module")
def content():
    return load_content()


def load(path, content):
    return load_planner(
        path, worksheets=content.worksheets, conversations=content.conversations, pages=PAGES, figures=content.figures, root=path.parent
    )


def test_each_situation_has_the_werkvormen_of_its_example(content):
    situations = {s.expectation: s for s in content.planner.situations}
    assert set(situations) == set(EXAMPLES)
    for expectation, (name, expected) in EXAMPLES.items():
        situation = situations[expectation]
        assert situation.conversation.person.name == name
        found = {sug.werkvorm.id for _, _, suggestions in situation.steps for sug in suggestions}
        assert found == expected, expectation


def test_every_suggestion_points_to_a_page_or_sheet_that_exists_and_names_its_source(content, site_dir):
    planner = content.planner
    suggestions = [sug for s in planner.situations for _, _, found in s.steps for sug in found]
    suggestions += [sug for d in planner.directions for sug in d.suggestions]
    assert suggestions
    for sug in suggestions:
        w = sug.werkvorm
        assert w.page in PAGES, w.id
        assert (site_dir / page_url(w.page)).is_file(), w.id
        if w.worksheet:
            assert (site_dir / page_url(f"werkbladen/{w.worksheet}.md")).is_file(), w.id
        if w.anchor:
            assert f'id="{w.anchor}"' in (site_dir / page_url(w.page)).read_text(encoding="utf-8"), w.id
        # Where in the book: the example's step, or the part it belongs to.
        assert sug.source.startswith(("Deel 4, ", "Leeswijzer: Deel 2", "Leeswijzer: Deel 3")), sug.source
    for direction in planner.directions:
        assert all(sug.werkvorm.page.startswith(direction.direction.part + "/") for sug in direction.suggestions)
    for link in planner.data.stuck.pages:
        assert link.page.startswith("deel-5/") and (site_dir / page_url(link.page)).is_file()
    assert planner.preparation.id == "reflectie-voorbereiden"
    assert [sheet.id for sheet in planner.follow_up] == ["progressiecirkel", "reflectie-vasthouden"]


@pytest.mark.skipif(not BOOK.is_file(), reason=f"the book's text is not at {BOOK}")
def test_every_source_is_the_books_word_for_word(content):
    data = content.planner.data
    quotes = [("preparation", data.preparation.source), ("situations", data.situations.source), ("stuck", data.stuck.source)]
    quotes += [(d.id, d.source) for d in data.directions] + [(f.worksheet, f.source) for f in data.follow_up]
    book = book_text()
    missing = [f"{where}: {quote!r}" for where, quote in quotes if words(quote) not in book]
    assert not missing, "not in the book:\n" + "\n".join(missing)
    # The check can fail: a sentence the book does not hold.
    assert words("Bij een vastgelopen gesprek kies je altijd de schaalvraag.") not in book


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda d: d["preparation"].update(worksheet="bestaat-niet"), ["planner.yaml", "preparation", "worksheet", "bestaat-niet"]),
        (lambda d: d["directions"][0].pop("source"), ["planner.yaml", "'terugkijken'", "source", "is missing"]),
        (lambda d: d["directions"][1].update(page="deel-3/weg.md"), ["planner.yaml", "directions['vooruitkijken']", "page", "not a page"]),
        (lambda d: d["stuck"]["pages"][0].update(page="deel-5/weg.md"), ["planner.yaml", "stuck", "pages[1].page", "not a page"]),
        (lambda d: d["follow_up"][0].update(worksheet="geen"), ["planner.yaml", "follow_up['geen']", "worksheet"]),
        (lambda d: d["stuck"]["pages"][0].update(title="<script>alert(1)</script>"), ["planner.yaml", "stuck", "title", "'<'"]),
        (lambda d: d.update(extra="x"), ["planner.yaml", "extra", "not a known field"]),
        (lambda d: d["stuck"].update(figure="geen-figuur"), ["planner.yaml", "stuck", "figure", "geen-figuur"]),
    ],
)
def test_a_mistake_names_file_item_and_field(tmp_path, content, change, expected):
    path = tmp_path / "planner.yaml"
    shutil.copy(DATA, path)
    edit_yaml(path, change)
    with pytest.raises(ContentError) as caught:
        load(path, content)
    assert_names_all(caught.value, expected)


def test_hostile_text_in_the_data_is_shown_as_text(tmp_path, content):
    path = tmp_path / "planner.yaml"
    shutil.copy(DATA, path)
    hostile = "Terug & \"verder\" {{ x }} [a](javascript:x)"
    edit_yaml(path, lambda d: d["directions"][0].update(title=hostile))
    planner = load(path, content)
    html = render_planner(planner, content.worksheets, content.conversations, content.figures, lambda t: t, lambda t: t, "mine.html")
    # HTML-escaped, and no Markdown left in it (templating.inert)
    assert "Terug &amp; &#34;verder&#34; &#123;&#123; x &#125;&#125; &#91;a&#93;(javascript:x)" in html
    assert 'href="javascript' not in html


def test_the_built_page_holds_the_books_questions_and_the_table_without_script(site_dir, content):
    html = (site_dir / page_url("gespreksplanner.md")).read_text(encoding="utf-8")
    for question in content.planner.preparation.questions:
        assert question.text.replace("’", "’") in html or question.text[:40] in html
    assert 'class="pig-compare"' in html
    assert "<script>" not in html.split('class="pig-planner"')[1].split("</article>")[0]
