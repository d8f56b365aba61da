"""The Verantwoording page's tables of the book's slips, from the same data
the build corrects the text with (``docs/data/corrections.yaml``)."""

from __future__ import annotations

from ..content.corrections import Corrections
from .markdown import md_text


def render_corrections(corrections: Corrections) -> str:
    """A Markdown table: each correction, as printed and as shown, and
    where; in the book's order (its line in the book's text version)."""
    rows = [
        "| In het boek | In deze editie | Soort | Waar in het boek |",
        "| --- | --- | --- | --- |",
    ]
    seen: set[tuple[str, str]] = set()
    for correction in sorted(corrections, key=lambda c: c.line):
        # One slip may be corrected in two files (a reading page and its sheet).
        key = (correction.printed, correction.corrected)
        if key in seen:
            continue
        seen.add(key)
        rows.append(
            f"| {md_text(correction.printed)} | {md_text(correction.corrected)} "
            f"| {md_text(correction.kind)} | {md_text(correction.chapter)} |"
        )
    return "\n".join(rows)


def render_kept_slips(corrections: Corrections) -> str:
    """A Markdown table of the slips kept as printed, with the reason."""
    rows = ["| In het boek | Waar in het boek | Waarom niet verbeterd |", "| --- | --- | --- |"]
    rows += [
        f"| {md_text(slip.printed)} | {md_text(slip.chapter)} | {md_text(slip.reason)} |"
        for slip in sorted(corrections.kept, key=lambda s: s.line)
    ]
    return "\n".join(rows)
