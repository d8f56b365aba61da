"""Dutch word forms for Material's search: every word of the site with its
stem, by Snowball's Dutch stemmer, computed when the site is built.

Material adds a prefix wildcard to every word of a query, and lunr runs no
pipeline on a wildcard word, so a stemmed index would never meet the typed
query. The site's search keeps the words as they are and adds a stem term
beside them instead (``docs/assets/javascripts/lunr/min/lunr.nl.min.js``):
the browser's worker reads the stems from the table made here
(``stems_script``), published where Material's worker loads it before the
language file (``STEMS_SCRIPT``).

A word is taken as Material's search worker takes it: the text between
tags of a field (title, text, tags), split at the search's separator,
lowercased, with what is neither letter nor digit trimmed from both ends
(the separator keeps the full stop: "gesprek." is a word of the index);
a word is letters only ("a4" is none).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable

import snowballstemmer

from macros.render.snowball_js import dutch_stemmer_js, snowball_licence

# Where Material's search worker loads it from, before lunr.<lang>.min.js
# (its own copy holds lunr-languages' Snowball runtime, which the site's
# language file does not use).
STEMS_SCRIPT = "assets/javascripts/lunr/min/lunr.stemmer.support.min.js"

# Dutch function words left out of the index and of queries. Words that
# carry meaning in this book ("onder", "naar", "boven", "niet", "nog",
# "altijd") stay searchable.
STOP_WORDS = tuple(
    "aan al als ben bij daar dan dat de deze die dit doch door dus een en er "
    "hem het hier hij hoe hun ik in is je jij kan maar me men met mij mijn "
    "na of om ons ook op te u uw van voor want was wat werd wie wij ze zich zij zijn zo zou".split()
)

# A word as the index holds it, from a-z to the Latin letters with accents
# (the range the language file checks too).
_LETTERS = "a-z\u00c0-\u024f"
_WORD = re.compile(f"[{_LETTERS}]+")
_EDGES = re.compile(f"^[^0-9{_LETTERS}]+|[^0-9{_LETTERS}]+$")
_TAG = re.compile(r"<[^>]*>")

# The shortest first part of a compound, and the shortest rest after it.
_PART = 4


# The end of a table cell or of a term or description of a list, right
# before the next tag.
_CELL_END = re.compile(r"(</(?:td|th|dt|dd|caption)>)(?=<)")


def cells_apart(page_html: str) -> str:
    """``page_html`` with a line break after each table cell, list term and
    description that another tag follows at once. Material's search index
    keeps the text of such elements, not the elements, so without it the
    previews glue them ("Aard van het gesprekOnderzoekend"); the page looks
    the same (white space between cells is not shown)."""
    return _CELL_END.sub("\\1\n", page_html)


def index_words(docs: Iterable[dict], separator: str) -> set[str]:
    """Every word of the search index's documents (``docs`` of
    ``search_index.json``), as the worker's tokenizer takes them."""
    split = re.compile(separator)
    words = set()
    for doc in docs:
        fields = [doc.get("title") or "", doc.get("text") or "", *(doc.get("tags") or [])]
        for field in fields:
            for section in _TAG.split(field):
                for token in split.split(section.lower()):
                    word = _EDGES.sub("", token)
                    if _WORD.fullmatch(word):
                        words.add(word)
    return words


def first_part(word: str, words: set[str]) -> str | None:
    """The first of the two words of the site that ``word`` is made of, the
    longest (each of four letters or more, with a linking "s" between them
    or none): "groeimindset" → "groei", "eindejaarsvraag" → "eindejaar";
    none for "boodschap" (no "schap") or "besteden" ("eden" is not a word
    of the site)."""
    for end in range(len(word) - _PART, _PART - 1, -1):
        rest = word[end:]
        if word[:end] in words and (rest in words or (rest[0] == "s" and rest[1:] in words and len(rest) > _PART)):
            return word[:end]
    return None


def word_stems(words: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Two tables of the site's words (stop words left out):

    - each word whose stem is not the word itself, with its stem by
      Snowball's Dutch algorithm ("dromen" → "droom", "gesprekken" →
      "sprek"); a word not in it is its own stem;
    - each compound (two words of the site in one, ``first_part``) with
      the stem of its first part: "groeimindset" → "groei", so that
      "groeien" finds it.
    """
    stemmer = snowballstemmer.stemmer("dutch")
    stop = set(STOP_WORDS)
    words = {word for word in words if word not in stop}
    stems = {word: stemmer.stemWord(word) for word in sorted(words)}
    parts = {}
    for word in sorted(words):
        part = first_part(word, words)
        if part and stems[part] != stems[word]:
            parts[word] = stems[part]
    return {word: stem for word, stem in stems.items() if stem != word}, parts


def stems_script(stems: dict[str, str], parts: dict[str, str]) -> str:
    """The script the worker loads before the language file: Snowball's
    Dutch stemmer (``snowball_js``, for what a reader types) and
    ``lunr.nlWords``: the stop words, the stems ("stem word word,...": the
    words grouped by stem) and the compounds' first parts ("word part,...")."""
    by_stem = defaultdict(list)
    for word, stem in sorted(stems.items()):
        by_stem[stem].append(word)
    data = {
        "stopWords": " ".join(STOP_WORDS),
        "stems": ",".join(" ".join([stem, *group]) for stem, group in sorted(by_stem.items())),
        "parts": ",".join(f"{word} {part}" for word, part in sorted(parts.items())),
    }
    licence = snowball_licence()
    if "*/" in licence:
        raise ValueError("snowballstemmer's licence text would end the comment that carries it")
    return (
        "/*! Positief in Gesprek: the words of the site's search index with their Dutch\n"
        " * stems, written by the build (macros/render/search.py) for lunr.nl.min.js,\n"
        " * which the search worker loads next; and Snowball's Dutch stemmer, translated\n"
        f" * from {licence}\n */\n"
        "(function (lunr) {\n"
        f"{dutch_stemmer_js()}"
        "lunr.nlStem = dutchStem;\n"
        f"lunr.nlWords = {json.dumps(data, ensure_ascii=False, separators=(',', ':'))};\n"
        "})(self.lunr);\n"
    )
