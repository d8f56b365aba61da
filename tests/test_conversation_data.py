"""The example conversations' data: the book's three, in its words, and every
kind of mistake reported with the file, the item and the field — by the
loader, as the one line a build stops on."""

import re
import shutil

import pytest

from macros.content.conversations import load_conversations
from macros.content.base import ContentError
from sitebuild import BOOK, DOCS, assert_names_all, content_error, copy_docs, corrected, edit_yaml, load_content, load_library, load_project_content, nav_pages_of_config, normalise

DATA = DOCS / "data" / "conversations"
TECHNIQUES = DOCS / "data" / "technieken.yaml"

# Deel 4 of the book: who, where they stand, and the titles of their steps.
BOOK_STEPS = {
    "myra": ("boven", ["Succes: complimenteren en analyseren",
                       "Voortbouwen op wat goed gaat: prestatie- en ontwikkeldoelen",
                       "Repareren/bijhouden"]),
    "jeffrey": ("naar", ["Onderzoeken en analyseren: hoe gaat het?",
                         "Bouwen op wat goed is: een waarderend-onderzoekend gesprek",
                         "Knelpunten aanpakken"]),
    "hans": ("onder", ["Duidelijke feedback", "Onderzoeken", "Verbeterdoelen benoemen"]),
}


def test_the_books_three_conversations_in_its_order(conversations):
    assert [c.id for c in conversations] == ["myra", "jeffrey", "hans"]
    for c in conversations:
        expectation, titles = BOOK_STEPS[c.id]
        assert c.expectation == expectation
        assert [step.title for step in c.steps] == titles


def test_the_person_matches_the_situation(conversations):
    for c in conversations:
        first = c.situation[0]
        assert first.startswith(f"{c.person.name} is een {c.person.age}-jarige "), c.id
        assert c.person.role.split()[0] in first
        if c.person.organisation:
            assert c.person.organisation in " ".join(c.situation), c.id


@pytest.mark.skipif(not BOOK.is_file(), reason=f"the book's text is not at {BOOK}")
def test_every_question_and_phrase_is_the_books(conversations):
    """The data holds the book's words: each question and each piece of
    example phrasing is in Deel 4 of the book, word for word."""
    book = corrected(normalise(re.sub(r"(\w+)-[ \t]*\n\s*(\w+)", r"\1\2", BOOK.read_text(encoding="utf-8"))))
    for c in conversations:
        for step in c.steps:
            phrases = list(step.questions) + [b.say.text for b in step.blocks if b.say]
            for phrase in phrases:
                # The book's columns break some sentences: compare clause by clause.
                for clause in re.split(r"[.?!]\s", phrase):
                    if len(clause.split()) >= 3:
                        assert normalise(clause) in book, (c.id, step.id, clause)


def test_the_guides_hold_questions_and_example_phrasing(conversations):
    counts = {c.id: (sum(len(s.questions) for s in c.steps), sum(1 for s in c.steps for b in s.blocks if b.say)) for c in conversations}
    assert counts == {"myra": (10, 1), "jeffrey": (14, 3), "hans": (0, 1)}  # Hans's questions are the schaalvraag's
    hans = [b for s in conversations.get("hans").steps for b in s.blocks if b.worksheet_questions]
    assert [b.worksheet_questions.worksheet for b in hans] == ["schaalvraag"]


def test_the_werkvormen_of_the_issue_are_used(conversations):
    used = {ref for c in conversations for step in c.steps for ref in step.werkvormen}
    assert {"waarderend-interview", "historielijn", "droomvraag", "eindejaarsvraag", "schaalvraag",
            "wat-nog-niet-lukt", "experiment", "complimenteuze-vraag"} <= used


# --- Mistakes in a copy of the data -------------------------------------------

def load(data):
    return load_conversations(
        data / "conversations", data / "technieken.yaml",
        worksheets=load_library(), pages=nav_pages_of_config(), root=data.parent,
    )


@pytest.fixture
def data(tmp_path):
    """A copy of the conversation data and the technique registry to break."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder / "conversations")
    shutil.copy(TECHNIQUES, folder / "technieken.yaml")
    return folder




def step(d, step_id):
    return next(s for s in d["steps"] if s["id"] == step_id)


MISTAKES = {
    "unknown werkvorm id": (
        "conversations/myra.yaml",
        lambda d: step(d, "succes")["werkvormen"].append("kletspraat"),
        ["conversations/myra.yaml", "conversation 'myra', step 'succes'", "field 'steps['succes'].werkvormen[4]'",
         "unknown werkvorm 'kletspraat'", "complimenteuze-vraag"],
    ),
    "unknown werkvorm in a link": (
        "conversations/jeffrey.yaml",
        lambda d: step(d, "bouwen")["blocks"][0].update(text="Een [droom](werkvorm:droomvraagg) helpt."),
        ["conversations/jeffrey.yaml", "step 'bouwen'", "field 'steps['bouwen'].blocks[1].text'", "unknown werkvorm 'droomvraagg'"],
    ),
    "link that is not a werkvorm": (
        "conversations/hans.yaml",
        lambda d: d["situation"].append("Zie [elders](../deel-2/feedback.md)."),
        ["conversations/hans.yaml", "conversation 'hans'", "field 'situation[2]'", "must name a werkvorm"],
    ),
    "raw HTML with a script link": (
        "conversations/hans.yaml",
        lambda d: d["situation"].append('Zie <a href="javascript:alert(1)">hier</a>.'),
        ["conversations/hans.yaml", "conversation 'hans'", "field 'situation[2]'", "holds raw HTML"],
    ),
    "a script tag in a step": (
        "conversations/myra.yaml",
        lambda d: step(d, "succes")["blocks"][0].update(text="Goed <script>alert(1)</script>"),
        ["conversations/myra.yaml", "step 'succes'", "field 'steps['succes'].blocks[1].text'", "holds raw HTML"],
    ),
    "reference-style link to a script": (
        "conversations/jeffrey.yaml",
        lambda d: d["situation"].append("Klik [hier][r].\n\n[r]: javascript:alert(1)"),
        ["conversations/jeffrey.yaml", "field 'situation[2]'", "reference-style link"],
    ),
    "an autolink": (
        "conversations/jeffrey.yaml",
        lambda d: d["situation"].append("Zie <javascript:alert(1)>."),
        ["conversations/jeffrey.yaml", "field 'situation[2]'", "holds raw HTML"],
    ),
    "werkvorm named but not listed": (
        "conversations/hans.yaml",
        lambda d: step(d, "onderzoeken")["blocks"][0].update(text="Met de [droomvraag](werkvorm:droomvraag)."),
        ["step 'onderzoeken'", "field 'steps['onderzoeken'].werkvormen'", "'droomvraag' is named in the text but not listed"],
    ),
    "unknown worksheet shown": (
        "conversations/hans.yaml",
        lambda d: step(d, "verbeterdoelen")["blocks"][2]["worksheet_questions"].update(worksheet="feedback"),
        ["step 'verbeterdoelen'", "blocks[3].worksheet_questions.worksheet", "unknown worksheet 'feedback'"],
    ),
    "unknown worksheet section": (
        "conversations/hans.yaml",
        lambda d: step(d, "verbeterdoelen")["blocks"][2]["worksheet_questions"].update(section="bestaat-niet"),
        ["blocks[3].worksheet_questions.section", "has no section 'bestaat-niet'"],
    ),
    "block of two kinds": (
        "conversations/myra.yaml",
        lambda d: step(d, "repareren")["blocks"][0].update(questions=["Wat nu?"]),
        ["conversations/myra.yaml", "steps['repareren'].blocks[1]", "exactly one of", "found: text, questions"],
    ),
    "unknown expectation": (
        "conversations/jeffrey.yaml",
        lambda d: d.update(expectation="gemiddeld"),
        ["conversation 'jeffrey'", "field 'expectation'", "'gemiddeld'"],
    ),
    "missing age": (
        "conversations/hans.yaml",
        lambda d: d["person"].pop("age"),
        ["conversation 'hans'", "field 'person.age'", "is missing"],
    ),
    "misspelt field": (
        "conversations/myra.yaml",
        lambda d: step(d, "succes").update(werkvorm=["historielijn"]),
        ["field 'steps['succes'].werkvorm'", "not a known field"],
    ),
    "technique with a worksheet's id": (
        "technieken.yaml",
        lambda d: d["technieken"][0].update(id="droomvraag"),
        ["technieken.yaml", "technique 'droomvraag'", "field 'id'", "already a worksheet"],
    ),
    "technique on an unknown page": (
        "technieken.yaml",
        lambda d: d["technieken"][1].update(page="deel-2/weg.md"),
        ["technieken.yaml", "technique 'complimenteuze-vraag'", "field 'page'", "'deel-2/weg.md' is not a page"],
    ),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_a_mistake_names_file_item_and_field(data, name):
    filename, change, expected = MISTAKES[name]
    edit_yaml(data / filename, change)
    with pytest.raises(ContentError) as caught:
        load(data)
    assert_names_all(caught.value, expected)


def test_a_duplicate_conversation_id_names_both_files(data):
    shutil.copy(data / "conversations" / "hans.yaml", data / "conversations" / "hans-2.yaml")
    with pytest.raises(ContentError, match=r"hans.yaml: conversation 'hans': field 'id': duplicate id, also used in .*hans-2.yaml"):
        load(data)


# --- The same mistakes are the one line a build stops on ---------------------------
# (that a build prints such a line and writes no page: tests/test_worksheet_data.py)

@pytest.mark.parametrize(
    "change, expected",
    [
        pytest.param(
            lambda data: edit_yaml(data / "conversations" / "myra.yaml", lambda d: step(d, "succes")["werkvormen"].append("kletspraat")),
            "Content error in docs/data/conversations/myra.yaml: conversation 'myra', step 'succes': "
            "field 'steps['succes'].werkvormen[4]': unknown werkvorm 'kletspraat' (known: ",
            id="unknown werkvorm id",
        ),
        pytest.param(
            lambda data: edit_yaml(data / "conversations" / "hans.yaml",
                              lambda d: step(d, "onderzoeken")["blocks"][1]["bullets"].append("Met een [interview](werkvorm:succesinterview).")),
            "Content error in docs/data/conversations/hans.yaml: conversation 'hans', step 'onderzoeken': "
            "field 'steps['onderzoeken'].blocks[2].bullets[3]': unknown werkvorm 'succesinterview'",
            id="unknown werkvorm link",
        ),
        pytest.param(
            lambda data: edit_yaml(data / "technieken.yaml", lambda d: d["technieken"][1].update(anchor="Geen Anker")),
            "Content error in docs/data/technieken.yaml: technique 'complimenteuze-vraag': field 'anchor': "
            "String should match pattern",
            id="malformed anchor",
        ),
    ],
)
def test_bad_conversation_data_is_the_one_line_the_build_stops_on(tmp_path, change, expected):
    project = copy_docs(tmp_path)
    change(project / "docs" / "data")
    message = content_error(project)
    assert message.startswith(expected) and "\n" not in message, message


def test_an_anchor_that_is_not_on_its_page_is_one_line_naming_file_technique_and_field(tmp_path, site_dir):
    """An anchor of technieken.yaml that is not on its page (publish looks
    for it in the built page): one line naming the data file, the technique
    and the field. The real data's anchors are all there."""
    from macros.site.project import ProjectError
    from macros.site.publish import check_anchors

    check_anchors(site_dir, load_content())
    project = copy_docs(tmp_path)
    edit_yaml(project / "docs" / "data" / "technieken.yaml", lambda d: d["technieken"][1].update(anchor="bestaat-niet"))
    changed = load_project_content(project)
    with pytest.raises(ProjectError) as caught:
        check_anchors(site_dir, changed)
    assert str(caught.value) == (
        "Content error in docs/data/technieken.yaml: technique 'complimenteuze-vraag': field 'anchor': "
        "'#bestaat-niet' is not a heading or anchor on deel-2/feedback.md"
    )


def test_a_page_asking_for_an_unknown_conversation_is_told_which_there_are():
    """What the conversation_page macro is told (that a page error stops the
    build in one line naming the page: tests/test_build.py)."""
    with pytest.raises(LookupError) as caught:
        load_content().conversations.get("karel")
    assert str(caught.value) == "unknown conversation 'karel' (known: myra, jeffrey, hans)"
