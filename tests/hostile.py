"""Hostile values in every data field, and what a page may hold.

- ``hostile_copy(docs, …)`` makes every free-text value of every data file
  of a copied project hostile: it adds to what the value holds every one of
  ``ATTACKS`` that the content's own validation accepts there (a field that
  refuses them all is safe by refusal). Which fields there are is read from
  the pydantic models (``every_text_field``), so a new field is covered
  without a change here, and fails the test while no data file holds it.
- ``page_problems(html, clean_html)`` lists what a built page holds that a
  renderer did not write: an ``on…`` attribute, a live address that is not
  the site's own, ``mailto:`` or ``https:``, an element more than the same
  page built from the real data has, a template expression evaluated.
"""

from __future__ import annotations

import types
import typing
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from macros.content.base import ContentError
from macros.content.conversations import Conversation, TechniqueRegistry, check_references
from macros.content.corrections import CorrectionsFile
from macros.content.figures import MODELS as FIGURE_MODELS
from macros.content.mindset import MindsetTest
from macros.content.planner import PlannerData
from macros.content.worksheets import Worksheet

# The attacks of issue 32, each alone and all in one value. A template
# expression that ran would show its result, JINJA_RESULT.
JINJA = "{{ 6*7007 }}"
JINJA_RESULT = "42042"
ATTACKS = (
    '[klik](javascript:void(0)){: onclick="alert(1)" }',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    JINJA,
    '"><svg onload=alert(1)>',
    'tekst {: #kaping onclick="alert(1)" }',
    'tekst\n{: onclick="alert(1)" }',
    '*nadruk*{: onclick="alert(1)" }',
    "[klik][ref]\n\n[ref]: javascript:alert(1)",
    "![beeld](https://example.org/x.png)",
    "<javascript:alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
)

# Fields left as they are, and why.
KEPT = {
    "CorrectionsFile.corrections[].printed": "the book's words, which the build must find in the correction's file",
}


# --- The models' free-text fields ---------------------------------------------

def _is_free_text(annotation) -> bool:
    """A str field without a pattern (an id or a page path has one)."""
    if annotation is not str and get_origin(annotation) is not typing.Annotated:
        return False
    args = get_args(annotation)
    if args and args[0] is not str:
        return False
    return not any(getattr(meta, "pattern", None) for meta in args[1:])


def _inner(annotation) -> list:
    """The types a field's annotation holds (through Optional, tuples, Annotated)."""
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return [inner for arg in get_args(annotation) if arg is not type(None) for inner in _inner(arg)]
    if origin is tuple:
        return [inner for arg in get_args(annotation) if arg is not Ellipsis for inner in _inner(arg)]
    if origin is typing.Annotated and get_args(annotation)[0] is not str:
        return _inner(get_args(annotation)[0])
    return [annotation]


def _list_of(annotation) -> bool:
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_list_of(arg) for arg in get_args(annotation))
    if origin is typing.Annotated:
        return _list_of(get_args(annotation)[0])
    return origin is tuple


def text_fields(model: type[BaseModel], prefix: str | None = None) -> set[str]:
    """Every free-text field of ``model`` and the models it holds, as paths
    ('Worksheet.sections[].title')."""
    prefix = prefix or model.__name__
    found = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}.{name}" + ("[]" if _list_of(info.annotation) else "")
        for inner in _inner(info.annotation):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                found |= text_fields(inner, path)
            elif inner is str and any(getattr(meta, "pattern", None) for meta in info.metadata):
                continue  # pydantic keeps a field's own Annotated[...] apart
            elif get_origin(inner) is not Literal and _is_free_text(inner):
                found.add(path)
    return found


# --- The data files ---------------------------------------------------------------

@dataclass
class DataFile:
    """One data file and how the build validates it."""

    path: Path
    model: type[BaseModel] | None  # None: figures.yaml, one model per figure
    data: Any = None

    def validate(self, data, context) -> None:
        """Raise ValidationError or ContentError where the build would."""
        if self.model is None:
            for name, words in data.items():
                FIGURE_MODELS[name].model_validate(words)
            return
        validated = self.model.model_validate(data)
        if self.model is Conversation:
            check_references(validated, context.conversations.werkvormen, context.worksheets, "x", "x")


def data_files(docs: Path) -> list[DataFile]:
    data = docs / "data"
    files = [DataFile(path, Worksheet) for path in sorted((data / "worksheets").glob("*.yaml"))]
    files += [DataFile(path, Conversation) for path in sorted((data / "conversations").glob("*.yaml"))]
    files += [
        DataFile(data / "technieken.yaml", TechniqueRegistry),
        DataFile(data / "mindset-test.yaml", MindsetTest),
        DataFile(data / "planner.yaml", PlannerData),
        DataFile(data / "corrections.yaml", CorrectionsFile),
        DataFile(data / "figures.yaml", None),
    ]
    for file in files:
        file.data = yaml.safe_load(file.path.read_text(encoding="utf-8"))
    return files


def _leaves(node, path: tuple = ()):
    """(key path, value) of every string in parsed YAML."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))


def _model_path(file: DataFile, keys: tuple) -> str:
    """'Worksheet.sections[].title' for the value at ``keys`` of ``file``."""
    if file.model is None:  # figures.yaml: the first key names the figure's model
        name = FIGURE_MODELS[keys[0]].__name__
        keys = keys[1:]
    else:
        name = file.model.__name__
    return name + "".join("[]" if isinstance(key, int) else f".{key}" for key in keys)


def _set(node, keys: tuple, value) -> None:
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = value


@dataclass
class HostileCopy:
    fields: set[str] = field(default_factory=set)  # model paths given a hostile value
    refused: set[str] = field(default_factory=set)  # model paths that refused every candidate
    values: int = 0  # data values made hostile


def _accepts(file: DataFile, data, keys: tuple, value: str, context) -> bool:
    _set(data, keys, value)
    try:
        file.validate(data, context)
    except (ValidationError, ContentError):
        return False
    return True


def _most_hostile(file: DataFile, data, keys: tuple, start: str, context, learned: dict, where: str) -> str | None:
    """``start`` with every attack added that the field takes, or None
    (``data`` is changed on the way; the caller sets the value). The attacks
    another value of the same field took are tried first, all at once
    (``learned``, by field and start), which spares most validations; a
    field that took none is not tried again."""
    known = learned.get((where, bool(start)))
    if known == []:
        return None
    if known:
        candidate = " ".join(filter(None, [start, *known]))
        if _accepts(file, data, keys, candidate, context):
            return candidate
    value, taken = start, []
    for attack in ATTACKS:
        candidate = f"{value} {attack}" if value else attack
        if _accepts(file, data, keys, candidate, context):
            value = candidate
            taken.append(attack)
    learned[(where, bool(start))] = taken
    return value if taken else None


def hostile_copy(docs: Path, context, corrections: list[tuple[str, str]]) -> HostileCopy:
    """Make every free-text value under ``docs/data`` hostile, in place.

    ``context`` is the content as loaded from the real data (for the
    conversations' references); ``corrections`` the (file under docs/,
    printed) pairs whose printed words a value must keep."""
    result = HostileCopy()
    learned: dict = {}
    for file in data_files(docs):
        source = file.path.relative_to(docs).as_posix()
        printed = [words for target, words in corrections if target == source]
        data = file.data
        for keys, original in list(_leaves(data)):
            where = _model_path(file, keys)
            if where in KEPT:
                continue
            keep = any(words in original for words in printed)
            value = _most_hostile(file, data, keys, original, context, learned, where)
            if value is None and not keep:
                value = _most_hostile(file, data, keys, "", context, learned, where)
            if value is None:
                _set(data, keys, original)
                result.refused.add(where)
                continue
            _set(data, keys, value)
            result.fields.add(where)
            result.values += 1
        file.path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result.refused -= result.fields
    return result


def every_text_field() -> set[str]:
    models = [Worksheet, Conversation, TechniqueRegistry, MindsetTest, PlannerData, CorrectionsFile, *FIGURE_MODELS.values()]
    return {path for model in models for path in text_fields(model)}


# --- What a built page holds ----------------------------------------------------

# Attributes whose value the browser loads or follows.
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "data", "poster", "xlink:href", "background"}
SAFE_SCHEMES = ("mailto:", "https:")


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: Counter = Counter()
        self.attributes: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        self.attributes += [(tag, name, value or "") for name, value in attrs]

    handle_startendtag = handle_starttag


def elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


def _live_address(value: str) -> bool:
    """Whether an address leaves the site other than by mailto: or https:."""
    value = "".join(value.split()).lower()
    if value.startswith(SAFE_SCHEMES) or value.startswith(("#", "data:image/")):
        return False
    scheme = value.split("/", 1)[0]
    return ":" in scheme or value.startswith("//")


def page_problems(html: str, clean_html: str | None) -> list[str]:
    found = elements(html)
    problems = [f"<{tag} {name}=…>" for tag, name, _ in found.attributes if name.startswith("on")]
    for tag, name, value in found.attributes:
        if name in URL_ATTRIBUTES and any(_live_address(part) for part in value.split(",")):
            problems.append(f"<{tag} {name}={value!r}>")
    if clean_html is None:
        return problems + ["a page the real data does not make"]
    clean = elements(clean_html)
    more = found.tags - clean.tags
    if more:
        problems.append(f"elements the renderers did not write: {dict(more)}")
    if JINJA_RESULT in html and JINJA_RESULT not in clean_html:
        problems.append(f"a template expression ran ({JINJA} became {JINJA_RESULT})")
    return problems
