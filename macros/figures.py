"""The book's figures, drawn by the site itself as inline SVG or HTML.

Each figure is a template in ``templates/figures/`` plus the words it shows.
The words come from the book; ``alt`` is the text alternative a screen reader
announces, ``caption`` the visible caption.
"""

from .templating import render


class UnknownFigureError(LookupError):
    """Raised when a page asks for a figure that does not exist."""


FIGURES: dict[str, dict[str, object]] = {
    "broaden-build": {
        "caption": "De Broaden & Build theorie: een positieve cirkel.",
        "alt": (
            "Cirkel in vier stappen: positieve emotie, dan denken verruimt, "
            "dan positieve actie, dan welbevinden, en van daaruit weer "
            "positieve emotie."
        ),
        "nodes": [
            {"x": 320, "y": 70, "label": "Positieve emotie"},
            {"x": 530, "y": 210, "label": "Denken verruimt"},
            {"x": 320, "y": 350, "label": "Positieve actie"},
            {"x": 110, "y": 210, "label": "Welbevinden"},
        ],
    },
    "spanning": {
        "caption": "Doelen op drie niveaus: creatieve spanning, taakspanning en leerspanning.",
        "alt": (
            "Drie niveaus onder elkaar: creatieve spanning (verlangen, ambitie) "
            "leidt tot taakspanning (doen, actie), en taakspanning leidt tot "
            "leerspanning (leren)."
        ),
        "levels": [
            {"y": 10, "width": 600, "label": "Creatieve spanning", "detail": "Verlangen, ambitie"},
            {"y": 130, "width": 480, "label": "Taakspanning", "detail": "Doen, actie"},
            {"y": 250, "width": 360, "label": "Leerspanning", "detail": "Leren"},
        ],
    },
    "historielijn": {
        "caption": "De historielijn: teken je hoogte- (+) en dieptepunten (−) in de tijd.",
        "alt": (
            "Een leeg assenstelsel voor de historielijn: verticaal van min "
            "onderaan tot plus bovenaan, horizontaal de tijd van het begin "
            "tot vandaag."
        ),
        "start": "begin",
        "end": "vandaag",
    },
    "progressiecirkel": {
        "caption": "De progressiecirkel: binnen wat al bereikt is, buiten wat nog komt.",
        "alt": (
            "Twee cirkels in elkaar. De binnencirkel: al bereikte progressie. "
            "De buitencirkel: nog te boeken progressie."
        ),
        "inner": {"label": "Binnencirkel:", "detail": "al bereikte progressie"},
        "outer": {"label": "Buitencirkel:", "detail": "nog te boeken progressie"},
    },
    "balans-matrix": {
        "caption": "Balans opmaken: de doelen naar wat ermee gebeurde en de energie die ze gaven.",
        "alt": (
            "Een lege matrix om doelen in te plaatsen. Op de y-as drie rijen: "
            "behaald, nog niet behaald, mee gestopt. Op de x-as de mate van "
            "energie die je uit het werken aan een doel haalde."
        ),
        "rows": ["behaald", "nog niet behaald", "mee gestopt"],
        "x_axis": "mate van energie die je uit het werken aan een doel haalde",
    },
    "schaal": {
        "caption": "De schaalvraag: 10 staat voor de ideale situatie.",
        "alt": (
            "Een horizontale lijn van 0 tot en met 10 met een streepje bij elk "
            "getal; 10 staat voor de ideale situatie."
        ),
        "low": 0,
        "high": 10,
        "high_label": "de ideale situatie",
    },
    "gespreksmodel": {
        "caption": "Vier soorten gesprekken, naar Jackie Stavros en Cheri Torres.",
        "corner": "Aard van het gesprek",
        "columns": ["Onderzoekend", "Stellend"],
        "rows": [
            {
                "label": "Waarderend",
                "detail": "gericht op wat er is, wat werkt, talenten",
                "cells": ["Waarderend-onderzoekend gesprek", "Bevestigend gesprek"],
            },
            {
                "label": "Niet-waarderend",
                "detail": "gericht op wat nog ontbreekt, wat niet goed gaat, wat iemand niet kan",
                "cells": ["Kritisch gesprek", "Negatief gesprek"],
            },
        ],
    },
}


def figure_names() -> list[str]:
    """Return the names of all figures, sorted."""
    return sorted(FIGURES)


def render_figure(name: str) -> str:
    """Return the HTML of the figure called ``name``."""
    try:
        context = FIGURES[name]
    except KeyError:
        known = ", ".join(figure_names())
        raise UnknownFigureError(f"unknown figure {name!r}; known figures: {known}") from None
    return render(f"figures/{name}.html", **context)
