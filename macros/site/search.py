"""The search's Dutch word forms, published after the search index is
written (``render/search.py`` makes them from its words)."""

from __future__ import annotations

import json
from pathlib import Path

from macros.render.scripts import minified_script
from macros.render.search import STEMS_SCRIPT, index_words, stems_script, word_stems
from macros.render.snowball_js import Untranslatable
from macros.site.project import ProjectError


def publish_stems(site_dir: Path) -> Path | None:
    """Write the stems of every word of ``search/search_index.json`` where the
    search worker loads them (``STEMS_SCRIPT``); nothing without an index."""
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return None
    data = json.loads(index.read_text(encoding="utf-8"))
    stems, parts = word_stems(index_words(data["docs"], data["config"]["separator"]))
    target = site_dir / STEMS_SCRIPT
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        script = stems_script(stems, parts)
    except Untranslatable as error:  # a release of snowballstemmer the translation does not know
        raise ProjectError(str(error)) from None
    target.write_text(minified_script(script), encoding="utf-8")
    return target
