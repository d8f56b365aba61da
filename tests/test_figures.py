"""The figure renderer, on its own: plain function in, HTML out."""

import html as html_lib
import re

import pytest

from macros.figures import FIGURES, UnknownFigureError, figure_names, render_figure


@pytest.mark.parametrize("name", figure_names())
def test_each_figure_renders_as_one_raw_html_block(name):
    html = render_figure(name)
    assert html.startswith('<figure class="pig-figure') and html.endswith("</figure>")
    assert f'data-figure="{name}"' in html
    # Python-Markdown ends a raw HTML block at a blank line.
    assert all(line.strip() for line in html.splitlines())
    # Nothing is loaded: no external reference of any kind.
    assert not re.search(r"(?:href|src)=", html)


@pytest.mark.parametrize("name", [n for n in figure_names() if n != "gespreksmodel"])
def test_svg_figures_have_a_text_alternative_and_a_caption(name):
    html = render_figure(name)
    assert re.search(r'<svg[^>]*role="img"[^>]*aria-label="[^"]{40,}"', html)
    assert "<title>" in html
    assert f"<figcaption>{html_lib.escape(FIGURES[name]['caption'], quote=False)}</figcaption>" in html


def test_the_conversation_model_is_a_table_with_headers():
    html = render_figure("gespreksmodel")
    assert html.count('<th scope="col">') == 3
    assert html.count('<th scope="row">') == 2
    for cell in ["Waarderend-onderzoekend gesprek", "Bevestigend gesprek", "Kritisch gesprek", "Negatief gesprek"]:
        assert f"<td>{cell}</td>" in html


def test_the_figures_show_the_books_words():
    assert all(label in render_figure("broaden-build") for label in ["Positieve emotie", "Denken verruimt", "Positieve actie", "Welbevinden"])
    assert all(label in render_figure("spanning") for label in ["Creatieve spanning", "Taakspanning", "Leerspanning", "Verlangen, ambitie", "Doen, actie", "Leren"])
    assert all(label in render_figure("progressiecirkel") for label in ["al bereikte progressie", "nog te boeken progressie"])
    html = render_figure("historielijn")
    assert ">+<" in html and ">−<" in html


def test_figure_text_is_escaped(monkeypatch):
    monkeypatch.setitem(FIGURES, "historielijn", {**FIGURES["historielijn"], "caption": "<script>x</script>"})
    assert "<script>" not in render_figure("historielijn")
    assert "&lt;script&gt;" in render_figure("historielijn")


def test_an_unknown_figure_names_itself_and_the_known_ones():
    with pytest.raises(UnknownFigureError, match=r"unknown figure 'cirkel'; known figures: balans-matrix, broaden-build, gespreksmodel"):
        render_figure("cirkel")
