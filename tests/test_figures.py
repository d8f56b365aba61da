"""The figures: their words as validated data, and the renderer that draws them."""

import html as html_lib
import re

import pytest
import yaml

from macros.content.base import ContentError
from macros.content.figures import MODELS, UnknownFigureError, load_figures
from macros.render.figures import render_figure
from sitebuild import DOCS, ROOT, assert_names_all, load_figures as site_figures

FIGURES = site_figures()


def draw(name: str) -> str:
    return render_figure(name, FIGURES.get(name))


@pytest.mark.parametrize("name", sorted(MODELS))
def test_each_figure_renders_as_one_raw_html_block(name):
    html = draw(name)
    assert html.startswith('<figure class="pig-figure') and html.endswith("</figure>")
    assert f'data-figure="{name}"' in html
    # Python-Markdown ends a raw HTML block at a blank line.
    assert all(line.strip() for line in html.splitlines())
    # Nothing is loaded: no external reference of any kind.
    assert not re.search(r"(?:href|src)=", html)


@pytest.mark.parametrize("name", [n for n in sorted(MODELS) if n != "gespreksmodel"])
def test_svg_figures_have_a_text_alternative_and_a_caption(name):
    html = draw(name)
    assert re.search(r'<svg[^>]*role="img"[^>]*aria-label="[^"]{40,}"', html)
    assert "<title>" in html
    assert f"<figcaption class=\"pig-web\">{html_lib.escape(FIGURES.get(name).caption, quote=False)}</figcaption>" in html


def test_the_conversation_model_is_a_table_with_headers():
    html = draw("gespreksmodel")
    assert html.count('<th scope="col">') == 3
    assert html.count('<th scope="row">') == 2
    for cell in ["Waarderend-onderzoekend gesprek", "Bevestigend gesprek", "Kritisch gesprek", "Negatief gesprek"]:
        assert f"<td>{cell}</td>" in html


def test_the_figures_show_the_books_words():
    assert all(label in draw("broaden-build") for label in ["Positieve emotie", "Denken verruimt", "Positieve actie", "Welbevinden"])
    assert all(label in draw("spanning") for label in ["Creatieve spanning", "Taakspanning", "Leerspanning", "Verlangen, ambitie", "Doen, actie", "Leren"])
    assert all(label in draw("progressiecirkel") for label in ["al bereikte progressie", "nog te boeken progressie"])
    html = draw("historielijn")
    assert ">+<" in html and ">−<" in html


def test_figure_text_is_escaped():
    hostile = FIGURES.get("historielijn").model_copy(update={"caption": "<script>x</script>"})
    html = render_figure("historielijn", hostile)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_an_unknown_figure_names_itself_and_the_known_ones():
    with pytest.raises(UnknownFigureError, match=r"unknown figure 'cirkel'; known figures: balans-matrix, broaden-build, gespreksmodel"):
        FIGURES.get("cirkel")


def test_every_figure_the_site_draws_has_its_words_in_the_data():
    assert FIGURES.names() == sorted(MODELS)
    templates = sorted(p.stem for p in (ROOT / "macros" / "render" / "templates" / "figures").glob("*.html"))
    assert templates == sorted(MODELS)


def write_figures(tmp_path, change):
    data = yaml.safe_load((DOCS / "data" / "figures.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "figures.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda d: d["schaal"].pop("alt"), ["figures.yaml", "figure 'schaal'", "field 'alt'", "is missing"]),
        (lambda d: d["broaden-build"]["nodes"][0].update(x=9000), ["figure 'broaden-build'", "field 'nodes[1].x'"]),
        (lambda d: d["spanning"].update(kleur="rood"), ["figure 'spanning'", "field 'kleur'", "not a known field"]),
        (lambda d: d.update(taart={"caption": "x"}), ["figure 'taart'", "not a figure the site draws"]),
        (lambda d: d.pop("historielijn"), ["figure 'historielijn'", "is missing"]),
        (lambda d: d["progressiecirkel"]["inner"].update(label="  "), ["figure 'progressiecirkel'", "field 'inner.label'"]),
    ],
)
def test_a_bad_figure_file_names_file_figure_and_field(tmp_path, change, expected):
    with pytest.raises(ContentError) as error:
        load_figures(write_figures(tmp_path, change), tmp_path)
    assert_names_all(error.value, expected)
