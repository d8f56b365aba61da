"""The mindset test's data (Bijlage 1): the book's items in its order and
words, and every kind of mistake reported with file, item and field — by the
loader, as the one line a build stops on."""

import re
import shutil

import pytest

from macros.content.base import ContentError
from macros.content.mindset import load_mindset_test
from sitebuild import BOOK, DOCS, ROOT, assert_names_all, content_error, copy_docs, edit_yaml

DATA = DOCS / "data" / "mindset-test.yaml"


@pytest.fixture(scope="module")
def test_data():
    return load_mindset_test(DATA, ROOT)


def book_appendix() -> str:
    """Bijlage 1 of the book, as one line: hyphenated words joined, the
    layout's circles removed."""
    text = BOOK.read_text(encoding="utf-8")
    part = text[text.index("BIJLAGE 1: Check je eigen mindset"):text.index("BIJLAGE 2")]
    part = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", part)
    part = re.sub(r"(?<!\w)o(?!\w)", " ", part)
    return " ".join(part.split())


def test_the_data_holds_the_test_as_the_book_prints_it(test_data):
    assert len(test_data.items) == 10
    assert test_data.scale.points == 5
    assert test_data.areas == ("werk", "sport", "relaties")
    assert len({item.id for item in test_data.items}) == 10


@pytest.mark.skipif(not BOOK.is_file(), reason=f"the book's text is not at {BOOK}")
def test_items_are_in_the_books_order_and_words(test_data):
    book = book_appendix()
    position = 0
    for number, item in enumerate(test_data.items, start=1):
        # "3 inspanning is voor hen die geen talent hebben inspanning maakt me ..."
        row = f"{number} {item.left} {item.right}"
        found = book.find(row, position)
        assert found >= 0, f"item {number} ({item.id}) is not the book's: {row!r}"
        position = found + len(row)
    for paragraph in test_data.instruction + test_data.explanation:
        assert " ".join(paragraph.split()) in book, paragraph


# --- Mistakes in a copy of the data -------------------------------------------

@pytest.fixture
def data(tmp_path):
    """A copy of the data file to break, in a docs/data folder like the real one."""
    folder = tmp_path / "docs" / "data"
    folder.mkdir(parents=True)
    shutil.copy(DATA, folder / DATA.name)
    return folder / DATA.name




# (how to break it, what the one-line message must name)
MISTAKES = {
    "missing field": (
        lambda d: d.pop("explanation"),
        ["docs/data/mindset-test.yaml", "mindset test", "field 'explanation'", "is missing"],
    ),
    "missing statement": (
        lambda d: d["items"][3].pop("right"),
        ["mindset-test.yaml", "'feedback'", "field 'items['feedback'].right'", "is missing"],
    ),
    "wrong type": (
        lambda d: d["scale"].update(points="vijf"),
        ["mindset-test.yaml", "mindset test", "field 'scale.points'", "valid integer", "'vijf'"],
    ),
    "scale too long": (
        lambda d: d["scale"].update(points=12),
        ["mindset-test.yaml", "field 'scale.points'", "less than or equal to 9"],
    ),
    "empty statement": (
        lambda d: d["items"][0].update(left="  "),
        ["mindset-test.yaml", "'intelligentie'", "field 'items['intelligentie'].left'", "at least 1 character"],
    ),
    "misspelt field": (
        lambda d: d["items"][1].update(rechts="x"),
        ["mindset-test.yaml", "'uitdagingen'", "field 'items['uitdagingen'].rechts'", "not a known field"],
    ),
    "duplicate item id": (
        lambda d: d["items"][4].update(id="feedback"),
        ["mindset-test.yaml", "mindset test, item 'feedback'", "field 'id'", "duplicate item"],
    ),
    "reserved area": (
        lambda d: d.update(areas=["werk", "eigen"]),
        ["mindset-test.yaml", "mindset test", "field 'areas'", "'eigen' is the reader's own words"],
    ),
    "duplicate area": (
        lambda d: d.update(areas=["werk", "sport", "werk"]),
        ["mindset-test.yaml", "mindset test, area 'werk'", "field 'areas'", "duplicate area"],
    ),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_a_mistake_names_file_item_and_field(data, name):
    change, expected = MISTAKES[name]
    edit_yaml(data, change)
    with pytest.raises(ContentError) as caught:
        load_mindset_test(data, data.parents[2])
    assert_names_all(caught.value, expected)


def test_malformed_yaml_names_the_file_and_line(data):
    data.write_text(data.read_text(encoding="utf-8").replace("points: 5", "points: [5", 1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"^docs/data/mindset-test.yaml: is not valid YAML at line \d+"):
        load_mindset_test(data, data.parents[2])


def test_a_file_that_is_not_a_mapping_is_refused(data):
    data.write_text("- werk\n- sport\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"mindset-test.yaml: mindset test: must be a mapping of fields, not a list"):
        load_mindset_test(data, data.parents[2])


# --- The same mistakes are the one line a build stops on ---------------------------
# (that a build prints such a line and writes no page: tests/test_worksheet_data.py)

@pytest.mark.parametrize(
    "change, expected",
    [
        pytest.param(
            lambda path: edit_yaml(path, lambda d: d["items"][2].pop("left")),
            "Content error in docs/data/mindset-test.yaml: mindset test, 'inspanning': field 'items['inspanning'].left': is missing",
            id="missing field",
        ),
        pytest.param(
            lambda path: edit_yaml(path, lambda d: d["scale"].update(points="vijf")),
            "Content error in docs/data/mindset-test.yaml: mindset test: field 'scale.points': Input should be a valid integer",
            id="wrong type",
        ),
        pytest.param(
            lambda path: edit_yaml(path, lambda d: d["items"][9].update(id="intelligentie")),
            "Content error in docs/data/mindset-test.yaml: mindset test, item 'intelligentie': field 'id': duplicate item in this test",
            id="duplicate id",
        ),
        pytest.param(
            lambda path: path.write_text("title: [kapot\n", encoding="utf-8"),
            "Content error in docs/data/mindset-test.yaml: is not valid YAML at line 2, column 1: ",
            id="malformed yaml",
        ),
        pytest.param(lambda path: path.unlink(), "Content error in docs/data/mindset-test.yaml: cannot be read (", id="missing file"),
    ],
)
def test_bad_data_is_the_one_line_the_build_stops_on(tmp_path, change, expected):
    project = copy_docs(tmp_path)
    change(project / "docs" / "data" / "mindset-test.yaml")
    message = content_error(project)
    assert message.startswith(expected) and "\n" not in message, message


def test_a_next_step_to_a_page_that_does_not_exist_is_refused(tmp_path):
    from macros.content.library import load_content
    from sitebuild import nav_pages_of_config

    project = copy_docs(tmp_path)
    data = project / "docs" / "data" / "mindset-test.yaml"
    edit_yaml(data, lambda d: d["result"]["links"][0].update(page="deel-1/bestaat-niet.md"))
    with pytest.raises(ContentError) as caught:
        load_content(project / "docs", nav_pages_of_config(), project)
    assert_names_all(caught.value, ["mindset-test.yaml", "result, link", "field 'page'", "deel-1/bestaat-niet.md"])
