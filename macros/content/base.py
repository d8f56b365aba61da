"""Read the structured content in ``docs/data/`` and validate it.

Every problem becomes one :class:`ContentError` whose message names the file,
the item and the field, so an editor can fix it without reading a traceback.
Nothing here knows about MkDocs, and no content module imports render
or site code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

Model = TypeVar("Model", bound=BaseModel)

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
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


def read_yaml(path: Path, shown: str) -> Any:
    """Parse one YAML file; malformed YAML names the file and the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(shown, "", "", f"cannot be read ({error})") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ContentError(shown, "", "", f"is not valid YAML{line}: {problem}") from None


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
            message = f"{message} (got {first.get('input')!r})"
        where = f"{item}, {inner}" if inner and inner != item else item
        raise ContentError(shown, where, field, message) from None
