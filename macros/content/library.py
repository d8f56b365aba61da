"""All the content of the site, loaded and cross-checked in one call.

Where each kind of content lives under ``docs/``, and the order they load in:
figures first (worksheets show them), then worksheets (conversations use
them), then the conversations and the mindset test.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .base import ContentError, display_path
from .corrections import Corrections, load_corrections
from .conversations import ConversationLibrary, load_conversations
from .figures import FigureLibrary, load_figures
from .mindset import MindsetTest, load_mindset_test
from .planner import PLANNER_DATA, Planner, load_planner
from .worksheets import WorksheetLibrary, load_worksheets

FIGURE_DATA = "data/figures.yaml"
WORKSHEET_DATA = "data/worksheets"
CONVERSATION_DATA = "data/conversations"
TECHNIQUES = "data/technieken.yaml"
MINDSET_DATA = "data/mindset-test.yaml"
CORRECTION_DATA = "data/corrections.yaml"


@dataclass(frozen=True)
class Content:
    """Everything the pages show from data."""

    figures: FigureLibrary
    worksheets: WorksheetLibrary
    conversations: ConversationLibrary
    mindset: MindsetTest
    corrections: Corrections
    planner: Planner


def load_content(docs: Path, pages: Iterable[str], root: Path | None = None) -> Content:
    """Read and validate every data file under ``docs``; ``pages`` are the
    site's Markdown pages in book order (what a data file may point to).

    The first problem raises a ContentError naming file, item and field.
    """
    pages = list(pages)
    corrections = load_corrections(docs / CORRECTION_DATA, docs, root)
    correct = corrections.apply_file
    figures = load_figures(docs / FIGURE_DATA, root)
    worksheets = load_worksheets(docs / WORKSHEET_DATA, pages=pages, figures=figures, root=root, correct=correct)
    conversations = load_conversations(
        docs / CONVERSATION_DATA, docs / TECHNIQUES, worksheets=worksheets, pages=pages, root=root, correct=correct
    )
    mindset = load_mindset_test(docs / MINDSET_DATA, root, correct)
    for link in mindset.result.links:
        if link.page not in pages:
            raise ContentError(
                display_path(docs / MINDSET_DATA, root), f"result, link '{link.text}'", "page", f"'{link.page}' is not a page of the site"
            )
    planner = load_planner(
        docs / PLANNER_DATA,
        worksheets=worksheets,
        conversations=conversations,
        pages=pages,
        figures=figures,
        root=root,
        correct=correct,
    )
    # A correction of a data file that matched nothing is out of step with its text.
    corrections.check_applied(".yaml")
    return Content(figures, worksheets, conversations, mindset, corrections, planner)
