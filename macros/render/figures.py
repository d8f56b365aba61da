"""The book's figures, drawn by the site itself as inline SVG or HTML.

Each figure is a template in ``templates/figures/`` filled with its words
from ``docs/data/figures.yaml`` (validated in ``content/figures.py``).
"""

from __future__ import annotations

from ..content.figures import Figure
from .templating import render


def render_figure(name: str, figure: Figure) -> str:
    """The HTML of the figure called ``name``, with its words."""
    return render(f"figures/{name}.html", **figure.model_dump())
