"""The worksheet data: every file valid, and every kind of mistake reported
with the file, the item and the field — by the loader, as the one line a
build stops on, and once by a real build that then writes no page."""

import re
import shutil

import pytest
import yaml

from macros.content import base as content_base

from macros.content.base import ContentError

from macros.content.worksheets import UnknownWorksheetError, load_worksheets
from macros.render.worksheets import render_questions
from macros.site.navigation import nav_pages
from sitebuild import BOOK, DOCS, assert_names_all, build_site, content_error, copy_docs, copy_project, edit_yaml, load_content, load_figures, mkdocs_config, normalise

DATA = DOCS / "data" / "worksheets"
PAGES = nav_pages(mkdocs_config()["nav"])

# What the issue asks for, at least: the book's worksheets, by id.
EXPECTED_SHEETS = {
    "reflectie-belangrijk", "reflectie-voorbereiden", "reflectie-vasthouden",
    "progressiecirkel", "bijlage-historielijn", "reflected-best-self",
    "talenten-opsporen", "hefbomen", "feedback-zoeken", "historielijn",
    "waarderend-interview", "balans-opmaken", "complimentenharmonica",
    "doelen-drie-niveaus", "job-craften", "eindejaarsvraag", "wat-nog-niet-lukt",
    "droomvraag", "experiment", "schaalvraag",
}


def test_every_worksheet_of_the_book_is_in_the_data(worksheets):
    assert {sheet.id for sheet in worksheets} == EXPECTED_SHEETS
    kinds = {sheet.id: sheet.kind for sheet in worksheets}
    assert [i for i, kind in kinds.items() if kind == "reflectie"] == [
        "reflectie-belangrijk", "reflectie-voorbereiden", "reflectie-vasthouden"
    ]


def test_worksheets_come_in_the_order_of_their_pages(worksheets):
    positions = [PAGES.index(sheet.page) for sheet in worksheets]
    assert positions == sorted(positions)
    assert worksheets.worksheets[0].id == "reflectie-belangrijk"
    assert worksheets.worksheets[-1].id == "reflected-best-self"


def test_question_ids_are_unique_per_worksheet(worksheets):
    for sheet in worksheets:
        ids = [question.id for question in sheet.questions]
        assert len(ids) == len(set(ids)), sheet.id
        assert ids, f"{sheet.id} has no questions"


def test_the_questionnaire_is_printed_for_five_people(worksheets):
    section = worksheets.get("reflected-best-self").section("vragenlijst")
    assert section.copies == 5 and section.new_page
    # Returned forms can be told apart.
    assert section.fields == ("Over", "Ingevuld door")


def test_the_harmonica_is_a_sheet_passed_round_in_strips(worksheets):
    sheet = worksheets.get("complimentenharmonica")
    (section,) = [section for section in sheet.sections if section.on_sheet]
    assert section.fold and section.copies >= 5 and sheet.pages == 1
    assert [q.id for q in section.questions] == ["compliment", "aanmoediging"]


def test_the_generic_schaalvraag_keeps_the_books_steps_for_hans_only(worksheets):
    sheet = worksheets.get("schaalvraag")
    book = sheet.section("stappen")
    assert not book.on_sheet and "Hans" in " ".join(q.text for q in book.questions)
    on_sheet = " ".join(q.text for q in sheet.questions)
    assert "Hans" not in on_sheet and "Teken" not in on_sheet
    # Answers typed before keep their questions.
    assert {"wat-maakt-dat", "stapje-verder"} <= {q.id for q in sheet.questions}
    assert sheet.section("schaal").figure == "schaal"


# --- Mistakes in a copy of the data -------------------------------------------

def load(folder):
    return load_worksheets(folder, pages=PAGES, figures=load_figures(), root=folder.parent)


@pytest.fixture
def data(tmp_path):
    """A copy of the worksheet data to break."""
    folder = tmp_path / "worksheets"
    shutil.copytree(DATA, folder)
    return folder




# (file to break, how, what the one-line message must name)
MISTAKES = {
    "question of only a zero-width space": (
        "hefbomen.yaml",
        lambda d: d["sections"][0]["questions"][0].update(text="\u200b"),
        ["worksheets/hefbomen.yaml", "field 'sections['vragen'].questions['talent'].text'", "only spaces or invisible characters"],
    ),
    "title of only spaces and a byte-order mark": (
        "hefbomen.yaml",
        lambda d: d.update(title=" \ufeff "),
        ["worksheets/hefbomen.yaml", "worksheet 'hefbomen'", "field 'title'", "invisible characters"],
    ),
    "title too long": (
        "hefbomen.yaml",
        lambda d: d.update(title="Hefbomen " * 30),
        ["worksheets/hefbomen.yaml", "field 'title'", "at most 200 characters"],
    ),
    "question too long": (
        "droomvraag.yaml",
        lambda d: d["sections"][0]["questions"][0].update(text="Waarom? " * 600),
        ["worksheets/droomvraag.yaml", ".text'", "at most 4000 characters"],
    ),
    "missing field": (
        "hefbomen.yaml",
        lambda d: d.pop("title"),
        ["worksheets/hefbomen.yaml", "worksheet 'hefbomen'", "field 'title'", "is missing"],
    ),
    "missing question text": (
        "waarderend-interview.yaml",
        lambda d: d["sections"][0]["questions"][1].pop("text"),
        ["worksheets/waarderend-interview.yaml", "'effect'", "field 'sections['vragen'].questions['effect'].text'", "is missing"],
    ),
    "wrong type": (
        "experiment.yaml",
        lambda d: d["sections"][0]["questions"][0].update(lines="veel"),
        ["worksheets/experiment.yaml", "'vraagstuk'", "questions['vraagstuk'].lines", "valid integer", "'veel'"],
    ),
    "unknown kind": (
        "droomvraag.yaml",
        lambda d: d.update(kind="oefening"),
        ["worksheets/droomvraag.yaml", "worksheet 'droomvraag'", "field 'kind'", "'oefening'"],
    ),
    "misspelt field": (
        "hefbomen.yaml",
        lambda d: d.update(titel="Hefbomen"),
        ["worksheets/hefbomen.yaml", "field 'titel'", "not a known field"],
    ),
    "unknown page": (
        "hefbomen.yaml",
        lambda d: d.update(page="deel-1/bestaat-niet.md"),
        ["worksheets/hefbomen.yaml", "worksheet 'hefbomen'", "field 'page'", "'deel-1/bestaat-niet.md' is not a page"],
    ),
    "unknown figure": (
        "historielijn.yaml",
        lambda d: d["sections"][0].update(figure="grafiek"),
        ["worksheets/historielijn.yaml", "section 'lijn'", "field 'figure'", "unknown figure 'grafiek'"],
    ),
    "duplicate question id": (
        "hefbomen.yaml",
        lambda d: d["sections"][0]["questions"][1].update(id="talent"),
        ["worksheets/hefbomen.yaml", "worksheet 'hefbomen', question 'talent'", "field 'id'", "duplicate id"],
    ),
    "empty section": (
        "hefbomen.yaml",
        lambda d: d["sections"].append({"id": "leeg"}),
        ["worksheets/hefbomen.yaml", "worksheet 'hefbomen', 'leeg'", "field 'sections['leeg']'", "a section needs"],
    ),
    "strips to fold without copies": (
        "hefbomen.yaml",
        lambda d: d["sections"][0].update(fold=True),
        ["worksheets/hefbomen.yaml", "field 'sections['vragen']'", "fold is for a section printed in several copies"],
    ),
    "too many columns": (
        "hefbomen.yaml",
        lambda d: d["sections"][0].update(columns=4),
        ["worksheets/hefbomen.yaml", "sections['vragen'].columns", "less than or equal to 3"],
    ),
    "an answer field off the sheet": (
        "schaalvraag.yaml",
        lambda d: d["sections"][0]["questions"][0].update(answer=True),
        ["worksheets/schaalvraag.yaml", "field 'sections['stappen']'", "on_sheet: false", "answer: false on lijn"],
    ),
    "a question id of the book's passage used again on the sheet": (
        "schaalvraag.yaml",
        lambda d: d["sections"][0]["questions"][2].update(id="wat-maakt-dat"),
        ["worksheets/schaalvraag.yaml", "question 'wat-maakt-dat'", "duplicate id"],
    ),
    "no question on the sheet": (
        "hefbomen.yaml",
        lambda d: [section.update(on_sheet=False) or [q.update(answer=False) for q in section.get("questions", [])] for section in d["sections"]],
        ["worksheets/hefbomen.yaml", "worksheet 'hefbomen'", "at least one question on the sheet"],
    ),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_a_mistake_names_file_item_and_field(data, name):
    filename, change, expected = MISTAKES[name]
    edit_yaml(data / filename, change)
    with pytest.raises(ContentError) as caught:
        load(data)
    assert_names_all(caught.value, expected)


def test_a_duplicate_worksheet_id_names_both_files(data):
    shutil.copy(data / "hefbomen.yaml", data / "hefbomen-kopie.yaml")
    with pytest.raises(ContentError, match=r"hefbomen.yaml: worksheet 'hefbomen': field 'id': duplicate id, also used in .*hefbomen-kopie.yaml"):
        load(data)


# Both YAML loaders the content may be read with: libyaml's C parser where
# PyYAML has it (what the build uses), and the pure-Python one.
LOADERS = [
    pytest.param(content_base.PURE_LOADER, id="python"),
    pytest.param(
        getattr(content_base, "LOADER"), id="libyaml",
        marks=pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml: the build uses the pure-Python loader"),
    ),
]


def test_the_content_is_read_with_the_c_loader_where_pyyaml_has_it():
    assert issubclass(content_base.LOADER, yaml.CSafeLoader) == yaml.__with_libyaml__


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    "key, duplicate, line",
    [("title", "title: Nog een titel\n", 2), ("sections", "sections: []\n", 16)],
)
def test_a_key_given_twice_is_refused_with_both_lines(data, monkeypatch, loader, key, duplicate, line):
    path = data / "hefbomen.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + duplicate, encoding="utf-8")
    monkeypatch.setattr(content_base, "LOADER", loader)
    with pytest.raises(ContentError) as caught:
        load(data)
    last = text.count("\n") + 1
    assert str(caught.value) == (
        f"worksheets/hefbomen.yaml: is not valid YAML at line {last}, column 1: the key '{key}' is given twice (also at line {line})"
    )


@pytest.mark.parametrize("loader", LOADERS)
def test_a_key_given_twice_deep_in_the_file_is_refused(data, monkeypatch, loader):
    path = data / "hefbomen.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\n      - id: balans\n" in text
    path.write_text(text.replace("\n      - id: balans\n", "\n      - id: balans\n        id: nog-een\n", 1), encoding="utf-8")
    monkeypatch.setattr(content_base, "LOADER", loader)
    with pytest.raises(ContentError) as caught:
        load(data)
    line = text[: text.index("- id: balans")].count("\n") + 1
    assert str(caught.value) == f"worksheets/hefbomen.yaml: is not valid YAML at line {line + 1}, column 9: the key 'id' is given twice (also at line {line})"


@pytest.mark.parametrize("loader", LOADERS)
def test_malformed_yaml_names_the_file_and_line(data, monkeypatch, loader):
    path = data / "experiment.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("pages: 1", "pages: [1", 1), encoding="utf-8")
    monkeypatch.setattr(content_base, "LOADER", loader)
    with pytest.raises(ContentError) as caught:
        load(data)
    assert_names_all(caught.value, ["worksheets/experiment.yaml: is not valid YAML at line ", "expected ',' or ']'"])
    assert "\n" not in str(caught.value)


def test_a_file_that_is_not_a_mapping_is_refused(data):
    (data / "experiment.yaml").write_text("- alleen\n- een lijst\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"experiment.yaml: worksheet: must be a mapping of fields, not a list"):
        load(data)


def test_an_empty_folder_is_refused(tmp_path):
    with pytest.raises(ContentError, match="holds no worksheet"):
        load(tmp_path)


# --- The same mistakes stop a build, in one line, with nothing written ----------

@pytest.mark.parametrize(
    "change, expected",
    [
        pytest.param(
            lambda folder: edit_yaml(folder / "hefbomen.yaml", lambda d: d.pop("title")),
            "Content error in docs/data/worksheets/hefbomen.yaml: worksheet 'hefbomen': field 'title': is missing",
            id="missing field",
        ),
        pytest.param(
            lambda folder: (folder / "experiment.yaml").write_text("id: experiment\ntitle: [kapot\n", encoding="utf-8"),
            "Content error in docs/data/worksheets/experiment.yaml: is not valid YAML at line 3, column 1: ",
            id="malformed yaml",
        ),
        pytest.param(
            lambda folder: shutil.copy(folder / "hefbomen.yaml", folder / "hefbomen-2.yaml"),
            "Content error in docs/data/worksheets/hefbomen.yaml: worksheet 'hefbomen': field 'id': "
            "duplicate id, also used in docs/data/worksheets/hefbomen-2.yaml",
            id="duplicate id",
        ),
    ],
)
def test_bad_data_is_the_one_line_the_build_stops_on(tmp_path, change, expected):
    """The line the build prints (the content loaded as the build loads it;
    that a build prints it and stops: the test below)."""
    project = copy_docs(tmp_path)
    change(project / "docs" / "data" / "worksheets")
    message = content_error(project)
    assert message.startswith(expected) and "\n" not in message, message
    if expected.endswith(": "):  # the YAML parser's own words follow
        assert "',' or ']'" in message.removeprefix(expected), message


@pytest.mark.slow
def test_bad_data_stops_the_build_before_any_page(tmp_path):
    project = copy_project(tmp_path)
    edit_yaml(project / "docs" / "data" / "worksheets" / "hefbomen.yaml", lambda d: d.pop("title"))
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0, "the build passed"
    expected = "Content error in docs/data/worksheets/hefbomen.yaml: worksheet 'hefbomen': field 'title': is missing"
    assert [line for line in result.output.splitlines() if "Content error" in line] == [f"ERROR   -  {expected}"], result.output
    assert "Traceback" not in result.output
    assert not list((tmp_path / "site").rglob("*.html")), "pages were written"


@pytest.mark.parametrize(
    "call, expected",
    [
        pytest.param(lambda content: content.worksheets.get("bestaat-niet"), "unknown worksheet 'bestaat-niet' (known: ", id="unknown worksheet"),
        pytest.param(
            lambda content: render_questions(content.worksheets.get("job-craften"), "bestaat-niet"),
            "worksheet 'job-craften' has no section 'bestaat-niet'", id="unknown section",
        ),
        pytest.param(
            lambda content: render_questions(content.worksheets.get("job-craften")),
            "worksheet 'job-craften' has several question sections (zelfonderzoek, knoppen)", id="ambiguous section",
        ),
    ],
)
def test_a_page_asking_for_unknown_content_is_told_what_there_is(call, expected):
    """What a page's macros are told when they ask for a worksheet or a
    section the data does not have (that a page error stops the build with
    one line naming the page and writes no page: tests/test_build.py)."""
    with pytest.raises(UnknownWorksheetError) as caught:
        call(load_content())
    assert expected in str(caught.value) and "\n" not in str(caught.value), str(caught.value)


def test_the_data_folder_is_not_published(site_dir):
    assert not (site_dir / "data").exists()
    assert not list(site_dir.rglob("*.yaml"))



# --- Every filter value of the overview is the book's --------------------------

def squashed_book() -> str:
    """The book's words run together: line-end hyphenation joined, note
    numbers dropped, normalised as the content tests do, spaces removed (a
    hyphen at a line end may be the book's own, so word breaks do not count)."""
    raw = BOOK.read_text(encoding="utf-8")
    raw = re.sub(r"(\w+)-[ \t]*\n\s*(\w+)", r"\1\2", raw)
    raw = re.sub(r"(?<=[a-zé?’])\d{1,2}(?:,\d)?(?=[\s.,:;])", "", raw)
    return normalise(raw).replace(" ", "")


@pytest.mark.skipif(not BOOK.is_file(), reason=f"the book's text is not at {BOOK}")
def test_every_filter_value_names_its_source_in_the_book(worksheets):
    """Who takes part, what is needed and the purpose of every sheet are
    passages of the book, word for word; a sheet without one is shown as
    'niet aangegeven'. The part is where its page is in the book."""
    book = squashed_book()
    missing = []
    for sheet in worksheets:
        quotes = [("purpose", sheet.purpose)]
        quotes += [(f"for_whom {p.who}", p.source) for p in sheet.for_whom]
        quotes += [(f"needs {n.what}", n.source) for n in sheet.needs]
        for field, quote in quotes:
            if normalise(quote).replace(" ", "") not in book:
                missing.append(f"{sheet.id}: {field}: {quote!r}")
        if sheet.part is not None:
            assert sheet.page.startswith(sheet.part + "/"), f"{sheet.id}: part {sheet.part}, page {sheet.page}"
        elif sheet.kind == "reflectie":
            # The book heads each reflection REFLECTIE, then its question.
            assert normalise(sheet.title.removeprefix("Reflectie:")).replace(" ", "") in book, sheet.id
        else:
            # 'Na Deel 5': its page comes after Deel 5 and before the Bijlagen.
            assert sheet.place == "Na Deel 5", sheet.id
            last_of_deel_5 = max(i for i, page in enumerate(PAGES) if page.startswith("deel-5/"))
            first_bijlage = min(i for i, page in enumerate(PAGES) if page.startswith("bijlagen/"))
            assert last_of_deel_5 < PAGES.index(sheet.page) < first_bijlage, sheet.id
    assert not missing, "not in the book:\n" + "\n".join(missing)


def test_the_check_of_sources_can_fail():
    book = squashed_book() if BOOK.is_file() else ""
    assert normalise("in tweetallen bespreken met de hele klas").replace(" ", "") not in book
    assert normalise("Wanneer je deze activiteit met een groep collega’s doet").replace(" ", "") in book or not book


def test_a_value_without_a_source_is_refused(tmp_path):
    folder = tmp_path / "worksheets"
    shutil.copytree(DATA, folder)
    edit_yaml(folder / "balans-opmaken.yaml", lambda data: data["for_whom"][0].pop("source"))
    with pytest.raises(ContentError) as caught:
        load(folder)
    assert_names_all(caught.value, ["balans-opmaken.yaml", "worksheet 'balans-opmaken'", "source", "is missing"])
    edit_yaml(folder / "balans-opmaken.yaml", lambda data: data.update(for_whom=["samen"]))
    with pytest.raises(ContentError) as caught:
        load(folder)
    assert "balans-opmaken.yaml" in str(caught.value) and "for_whom" in str(caught.value)
