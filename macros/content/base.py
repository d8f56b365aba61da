"""Read the structured content in ``docs/data/`` and validate it.

Every problem becomes one :class:`ContentError` whose message names the file,
the item and the field, so an editor can fix it without reading a traceback.
Nothing here knows about MkDocs, and no content module imports render
or site code.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, ValidationError

Model = TypeVar("Model", bound=BaseModel)

# Longest text a field may hold: a title (a heading, a label, a name) or a
# paragraph. The book's longest paragraph has about 1,300 characters.
TITLE_LIMIT = 200
TEXT_LIMIT = 4000


def visible(text: str) -> str:
    """``text`` if a reader would see something of it; else a ValueError.

    Spaces, zero-width and other format characters (U+200B, U+FEFF, ...)
    show nothing: a field of only those is as good as empty.
    """
    if not any(unicodedata.category(ch)[0] not in "ZC" for ch in text):
        raise ValueError("is empty, or holds only spaces or invisible characters")
    return text


def no_markup(text: str) -> str:
    """A title lands in headings, the navigation and the window title, where
    themes write it as it is: "<" and ">" are refused there."""
    if "<" in text or ">" in text:
        raise ValueError("may not hold '<' or '>' (a title is plain text)")
    return text


# Characters that reorder the text around them (the Unicode bidirectional
# controls: embeddings, overrides, isolates, marks): in a title they can make
# it read otherwise than it is written ("Trojan Source").
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def bidi_problem(text: str) -> str | None:
    """Why ``text`` cannot be a title: the bidirectional controls it holds."""
    found = sorted({f"U+{ord(ch):04X}" for ch in text if ch in BIDI_CONTROLS})
    return f"holds a bidirectional control character ({', '.join(found)}), which changes how the text reads" if found else None


def no_bidi_controls(text: str) -> str:
    problem = bidi_problem(text)
    if problem:
        raise ValueError(problem)
    return text


Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TEXT_LIMIT), AfterValidator(visible)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TITLE_LIMIT), AfterValidator(visible), AfterValidator(no_markup), AfterValidator(no_bidi_controls)]
PagePath = Annotated[str, StringConstraints(pattern=r"^[a-z0-9/-]+\.md$")]


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt key must not vanish silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ContentError(Exception):
    """A data file that cannot be published as it is."""

    def __init__(self, path: Path | str, item: str, field: str, problem: str):
        self.path, self.item, self.field, self.problem = str(path), item, field, problem
        where = f"{self.path}: {item}" if item else self.path
        super().__init__(f"{where}: field '{field}': {problem}" if field else f"{where}: {problem}")


def display_path(path: Path, root: Path | None) -> str:
    """The path as an editor knows it: relative to the project when possible."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return str(path)


def _unique_mapping(loader: yaml.BaseLoader | yaml.CBaseLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' is given twice (also at line {seen[key] + 1})", key_node.start_mark
            )
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


def _unique_key_loader(base: type) -> type:
    """``base`` (YAML's safe loader), refusing a key given twice in one
    mapping: the plain loader keeps the last value, and the first vanishes
    silently."""
    loader = type(f"UniqueKey{base.__name__}", (base,), {})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)
    return loader


# The pure-Python loader, and the one read_yaml uses: the same loader on
# libyaml's C parser where PyYAML has it (several times faster on the
# content; the keys are checked by the same Python code either way).
PURE_LOADER = _unique_key_loader(yaml.SafeLoader)
LOADER = _unique_key_loader(yaml.CSafeLoader) if getattr(yaml, "__with_libyaml__", False) else PURE_LOADER


# What a loader applies to a data file's parsed YAML: the corrections of the
# book's slips (corrections.py), or nothing.
Correct = Callable[[Path, Any], Any] | None


def read_yaml(path: Path, shown: str, correct: Correct = None) -> Any:
    """Parse one YAML file; malformed YAML names the file and the line.

    ``correct`` (the web edition's corrections of the book's slips, see
    corrections.py) is applied to what the file holds."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(shown, "", "", f"cannot be read ({error})") from None
    try:
        data = yaml.load(text, Loader=LOADER)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ContentError(shown, "", "", f"is not valid YAML{line}: {problem}") from None
    return correct(path, data) if correct else data


def _label(data: Any, loc: tuple[Any, ...]) -> tuple[str, str]:
    """Split a pydantic error location into the item it is in and its field.

    List positions are replaced by the id of the entry when it has one, so
    ``sections.1.questions.2.lines`` reads ``sections['binnencirkel'].
    questions['wat-gelukt'].lines`` and the item is the question.
    """
    parts: list[str] = []
    item = ""
    node = data
    for key in loc:
        if isinstance(key, int):
            entry_id = node[key].get("id") if isinstance(node, list) and key < len(node) and isinstance(node[key], dict) else None
            if entry_id is not None:
                parts[-1] += f"['{entry_id}']" if parts else ""
                item = f"'{entry_id}'"
            else:
                parts[-1] += f"[{key + 1}]" if parts else ""
                item = ""
            node = node[key] if isinstance(node, list) and key < len(node) else None
        else:
            parts.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
    return item, ".".join(parts)


def validate(model: type[Model], data: Any, shown: str, item: str) -> Model:
    """Validate ``data`` as ``model``; the first problem becomes a ContentError."""
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {type(data).__name__}"
        raise ContentError(shown, item, "", f"must be a mapping of fields, not {kind}")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        inner, field = _label(data, tuple(first["loc"]))
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "missing":
            message = "is missing"
        elif first["type"] == "extra_forbidden":
            message = "is not a known field (check the spelling)"
        elif first["type"] != "value_error" and not isinstance(first.get("input"), (dict, list)):
            given = repr(first.get("input"))
            message = f"{message} (got {given if len(given) <= 80 else given[:60] + '…'})"
        where = f"{item}, {inner}" if inner and inner != item else item
        raise ContentError(shown, where, field, message) from None


# What a prose field in Markdown may not hold: raw HTML (a tag, a comment,
# an autolink), reference-style link definitions ("[r]: javascript:..."),
# whose address no check of inline links sees, and attribute lists
# ("*x*{: onclick=...}").
_RAW_HTML = re.compile(r"<[A-Za-z/!?]")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:", re.M)
_REFERENCE_LINK = re.compile(r"\]\[[^\]]*\]")


def prose_problem(text: str) -> str | None:
    """Why ``text`` cannot be published as inline Markdown, or None."""
    if _RAW_HTML.search(text):
        return "holds raw HTML (a '<' tag); write plain text and Markdown only"
    if _LINK_DEFINITION.search(text) or _REFERENCE_LINK.search(text):
        return "holds a reference-style link; write links as [text](werkvorm:id)"
    if "{" in text or "}" in text:
        return "holds '{' or '}', which would start an attribute list (HTML attributes); write plain text and Markdown only"
    return None
