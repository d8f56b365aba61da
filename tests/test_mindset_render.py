"""The mindset test's renderer on its own, and the built Bijlage 1 page."""

import posixpath
import re
from html.parser import HTMLParser

import pytest

from macros.content.mindset import Statement, load_mindset_test
from macros.render.mindset import item_points, render_mindset_test
from sitebuild import DOCS, ROOT, html_path, link_href, page_url, page_urls

PAGE = "bijlagen/mindset-test.md"
SCRIPT = "assets/mindset-test.js"


@pytest.fixture(scope="module")
def test_data():
    return load_mindset_test(DOCS / "data" / "mindset-test.yaml", ROOT)


class Form(HTMLParser):
    """The form's groups (legend text, radio names) and area choices."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.groups, self.areas, self.hidden = [], [], []
        self._legend = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "fieldset" and "data-item" in attrs:
            self.groups.append({"id": attrs["data-item"], "legend": "", "radios": []})
        elif tag == "legend" and self.groups and not self.groups[-1]["legend"]:
            self._legend = []
        elif tag == "input" and attrs.get("type") == "radio":
            if attrs["name"] == "pig-mt-gebied":
                self.areas.append(attrs["value"])
            else:
                self.groups[-1]["radios"].append((attrs["name"], attrs["value"], attrs["aria-label"]))
        if "hidden" in attrs:
            self.hidden.append(attrs)

    def handle_endtag(self, tag):
        if tag == "legend" and self._legend is not None:
            self.groups[-1]["legend"] = " ".join("".join(self._legend).split())
            self._legend = None

    def handle_data(self, data):
        if self._legend is not None:
            self._legend.append(data)


def parse(html):
    form = Form()
    form.feed(html)
    return form


def test_each_radio_names_its_position_and_the_statement_it_leans_to():
    item = Statement(id="x", left="links staat dit", right="rechts staat dat")
    names = [point.name for point in item_points(item, 5)]
    assert names == [
        "1 van 5, helemaal links: links staat dit",
        "2 van 5, naar links: links staat dit",
        "3 van 5, midden",
        "4 van 5, naar rechts: rechts staat dat",
        "5 van 5, helemaal rechts: rechts staat dat",
    ]
    assert [point.name for point in item_points(item, 4)][1:3] == [
        "2 van 4, naar links: links staat dit",
        "3 van 4, naar rechts: rechts staat dat",
    ]


def test_the_form_has_one_labelled_group_per_item(test_data):
    form = parse(render_mindset_test(test_data))
    assert [group["id"] for group in form.groups] == [item.id for item in test_data.items]
    for number, (group, item) in enumerate(zip(form.groups, test_data.items), start=1):
        assert group["legend"] == f"Stelling {number} Links: {item.left} Rechts: {item.right}"
        assert [value for _, value, _ in group["radios"]] == ["1", "2", "3", "4", "5"]
        assert {name for name, _, _ in group["radios"]} == {f"pig-mt-{item.id}"}
        assert group["radios"][0][2].endswith(item.left) and group["radios"][4][2].endswith(item.right)
    assert form.areas == ["werk", "sport", "relaties", "eigen"]


def test_the_paper_form_hides_only_what_needs_the_script(test_data):
    html = render_mindset_test(test_data)
    assert html.startswith('<form class="pig-mt" method="dialog"')  # Enter submits nowhere
    hidden = parse(html).hidden
    online = ("data-pig-mt-online", "data-pig-mt-result", "data-pig-mt-texts", "data-pig-backup")
    assert hidden and all(any(mark in attrs for mark in online) for attrs in hidden)
    for paragraph in test_data.instruction + test_data.explanation:
        assert f"<p>{paragraph}</p>" in html
    assert not re.search(r"<script|<style|\sstyle=|\son[a-z]+=", html)
    assert "\n\n" not in html  # Markdown would end the HTML block there


def test_the_built_page_holds_the_test_and_loads_its_script_alone(site_dir, test_data):
    html = html_path(site_dir, page_url(PAGE)).read_text(encoding="utf-8")
    assert html.count('<fieldset class="pig-mt__item"') == len(test_data.items)
    assert f'href="{link_href(PAGE, "deel-1/mindset.md")}"' in html
    script = posixpath.relpath(SCRIPT, posixpath.dirname(page_url(PAGE)))
    assert f'<script src="{script}" defer></script>' in html
    assert (site_dir / SCRIPT).is_file()
    others = [url for url in page_urls() + ["404.html", page_url("print_page.md")]
              if url != page_url(PAGE) and "mindset-test.js" in html_path(site_dir, url).read_text(encoding="utf-8")]
    assert not others, f"pages that load the test's script for nothing: {others}"


def test_a_result_text_with_an_unknown_blank_is_refused_with_file_and_field(tmp_path):
    import yaml

    from macros.content.base import ContentError

    data = yaml.safe_load((DOCS / "data" / "mindset-test.yaml").read_text(encoding="utf-8"))
    data["result"]["lean_fixed"] = "Bij {gebied} neig je naar links:"
    path = tmp_path / "mindset-test.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_mindset_test(path, tmp_path)
    assert "mindset-test.yaml" in str(caught.value) and "lean_fixed" in str(caught.value)


def test_the_result_texts_and_links_are_on_the_page_escaped_and_marked(test_data):
    html = render_mindset_test(test_data, lambda page: "../" + page.replace(".md", ".html"))
    for link in test_data.result.links:
        assert f'<a href="../{link.page.replace(".md", ".html")}">' in html
    assert test_data.result.picture.left.startswith("Je gemiddelde is {average}, links van het midden ({middle}): wat {area} betreft")
    # The placeholders' braces as references: no attribute list for Markdown to find.
    assert 'class="pig-mt-texts pig-web"' in html and (
        'data-text="picture_left">Je gemiddelde is &#123;average&#125;, links van het midden (&#123;middle&#125;): wat &#123;area&#125; betreft'
    ) in html
    for quote in test_data.result.quotes:
        assert f"<blockquote class=\"pig-mt__quote\"><p>{quote}</p></blockquote>" in html
