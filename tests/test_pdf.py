"""The print edition: the PDFs `mkdocs build` writes into the site.

Each PDF of the session's build is opened with pypdf: page count and size,
tags, metadata, the whole book's outline and table of contents; every link
to a PDF resolves and the zip holds them. A preview (`mkdocs serve`) makes
none and links to none.
"""

from __future__ import annotations

import logging
import posixpath
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile

import pytest
from pypdf import PdfReader

from macros.render.pdf import web_links
from macros.site.artefact import archive_name
from macros.site.book import LEFT_OUT
from macros.site.pdf import Job, build_pdfs
from sitebuild import ROOT, article_html, html_path, mkdocs_config, normalise, page_url, text_blocks

A4 = (595.28, 841.89)
AUTHORS = "Rosa Helmantel en Saskia Tjepkema"
BOOK = "pdf/positief-in-gesprek.pdf"


def all_pdfs(worksheets, conversations) -> list[str]:
    return (
        [BOOK, "pdf/mindset-test.pdf"]
        + [f"pdf/gesprekken/{conversation.id}.pdf" for conversation in conversations]
        + [f"pdf/werkbladen/{sheet.id}.pdf" for sheet in worksheets]
    )


def words(text: str) -> str:
    return normalise(re.sub(r"-\s*\n\s*", "", text))


@pytest.fixture(scope="module")
def book(site_dir):
    return PdfReader(site_dir / BOOK)


@pytest.fixture(scope="module")
def book_pages(book) -> list[str]:
    """The text of every page of the book, read once."""
    return [page.extract_text() for page in book.pages]


def test_the_site_holds_exactly_the_pdfs_of_its_content(site_dir, worksheets, conversations):
    found = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.pdf"))
    assert found == sorted(all_pdfs(worksheets, conversations))


def test_each_sheet_pdf_has_its_declared_pages_on_a4(site_dir, worksheets):
    for sheet in worksheets:
        reader = PdfReader(site_dir / f"pdf/werkbladen/{sheet.id}.pdf")
        assert len(reader.pages) == sheet.pages, f"{sheet.id}: {len(reader.pages)} pages, declared {sheet.pages}"
        for page in reader.pages:
            size = (float(page.mediabox.width), float(page.mediabox.height))
            assert size == pytest.approx(A4, abs=1), f"{sheet.id}: page of {size} pt, not A4"
        text = words(reader.pages[0].extract_text())
        assert words(sheet.title) in text, f"{sheet.id}: its title is not on its first page"
        # The web edition's additions are marked quietly: one line under the title, no badges.
        whole = words(" ".join(page.extract_text() for page in reader.pages))
        assert whole.lower().count("webeditie") == 1, f"{sheet.id}: 'webeditie' {whole.lower().count('webeditie')} times"
        assert words("Toegevoegd door de webeditie, niet uit het boek") in words(reader.pages[0].extract_text()), sheet.id


def test_each_conversation_pdf_is_the_guide_then_its_preparation_sheet(site_dir, conversations, worksheets):
    preparation = worksheets.get("reflectie-voorbereiden")
    for conversation in conversations:
        reader = PdfReader(site_dir / f"pdf/gesprekken/{conversation.id}.pdf")
        pages = [words(page.extract_text()) for page in reader.pages]
        assert words(conversation.person.name) in pages[0]
        first_of_sheet = next(n for n, text in enumerate(pages) if words(preparation.title) in text)
        assert 0 < first_of_sheet, f"{conversation.id}: the preparation sheet does not follow the guide"
        # Then the observer's sheet for a role-play, on a page of its own.
        observer = first_of_sheet + preparation.pages
        assert pages[observer].startswith(words(f"Observatieblad: gesprek met {conversation.person.name}")), pages[observer][:80]
        # Each counts its own pages, as on its own PDF ("pagina 1", not the guide's next number).
        numbers = [re.findall(r"pagina (\d+)", page.extract_text())[-1:] for page in reader.pages]
        assert numbers == [[str(n)] for n in range(1, first_of_sheet + 1)] + [
            [str(n)] for n in range(1, preparation.pages + 1)
        ] + [[str(n)] for n in range(1, len(pages) - observer + 1)], f"{conversation.id}: page numbers {numbers}"


def test_the_mindset_test_pdf_is_a_one_page_form(site_dir):
    reader = PdfReader(site_dir / "pdf/mindset-test.pdf")
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Check je eigen mindset" in text
    assert "Bekijk je uitslag" not in text and "Opgeslagen" not in text


def form_fields(reader: PdfReader) -> dict[str, tuple[str, str]]:
    """Every form field of a PDF: its full name -> (type, the name a screen reader reads)."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a radio button's kids repeat its name
    return {name: (str(field.get("/FT")), str(field.get("/TU") or "")) for name, field in (reader.get_fields() or {}).items()}


def test_every_sheet_pdf_and_the_self_test_can_be_filled_in(site_dir, worksheets, conversations):
    """A field over every answer's lines and every blank, named in Dutch for a
    screen reader (the question, "Naam", "Datum"); still tagged and A4."""
    fillable = [f"pdf/werkbladen/{sheet.id}.pdf" for sheet in worksheets]
    fillable += [f"pdf/gesprekken/{conversation.id}.pdf" for conversation in conversations]
    for name in fillable + ["pdf/mindset-test.pdf"]:
        fields = form_fields(PdfReader(site_dir / name))
        assert fields.get("naam") == ("/Tx", "Naam") and fields.get("datum") == ("/Tx", "Datum"), name
        unnamed = [field for field, (_, spoken) in fields.items() if not spoken or spoken == field or "pig-" in spoken]
        assert not unnamed, f"{name}: fields without a Dutch name: {unnamed}"
    for sheet in worksheets:
        fields = form_fields(PdfReader(site_dir / f"pdf/werkbladen/{sheet.id}.pdf"))
        printed = [q for section in sheet.sections if section.on_sheet for _ in range(section.copies) for q in section.questions if q.lines]
        answers = [field for field, (kind, _) in fields.items() if kind == "/Tx" and field not in ("naam", "datum")]
        blanks = sum(len(section.fields) * section.copies for section in sheet.sections if section.on_sheet)
        assert len(answers) == len(printed) + blanks, f"{sheet.id}: {len(answers)} text fields for {len(printed)} answers and {blanks} blanks"
        for question in {q.id: q for q in printed}.values():
            assert fields[question.id][1] == " ".join(question.text.split()), (sheet.id, question.id)
    mindset = form_fields(PdfReader(site_dir / "pdf/mindset-test.pdf"))
    for number in range(1, 11):
        kind, spoken = mindset[f"stelling-{number}"]
        assert kind == "/Btn" and spoken.startswith(f"Stelling {number} Links: "), (number, spoken)
    assert mindset["gebied"] == ("/Btn", "Welk gebied uit je leven neem je in je hoofd?")
    assert mindset["gebied-eigen"][0] == "/Tx"
    radio = PdfReader(site_dir / "pdf/mindset-test.pdf").get_fields()["stelling-1"]
    assert list(radio["/_States_"]) == ["/0", "/1", "/2", "/3", "/4"]  # five circles, one choice


def test_the_book_pdf_has_no_form_fields(book):
    assert not form_fields(book)


def test_every_pdf_is_tagged_with_its_title_authors_and_language(site_dir, worksheets, conversations):
    for name in all_pdfs(worksheets, conversations):
        reader = PdfReader(site_dir / name)
        root = reader.trailer["/Root"]
        assert root.get("/MarkInfo", {}).get("/Marked") == True  # noqa: E712 (a pypdf BooleanObject), f"{name} is not a tagged PDF"
        assert "/StructTreeRoot" in root, f"{name} has no structure tree"
        assert root.get("/Lang") == "nl", f"{name}: language {root.get('/Lang')!r}"
        assert reader.metadata.author == AUTHORS, name
        assert "Positief in Gesprek" in (reader.metadata.title or ""), name


def outline_entries(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, page number from 1) of every bookmark, in order."""
    found = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, " ".join(item.title.split()), reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 1)
    return found


def nav_sections() -> dict[str, list[str]]:
    """Each section of the navigation's title, with its pages' sources."""
    def pages(items):
        for item in items:
            if isinstance(item, str):
                yield item
            else:
                for value in item.values():
                    yield from ([value] if isinstance(value, str) else pages(value))

    return {
        title: list(pages(value))
        for item in mkdocs_config()["nav"]
        if isinstance(item, dict)
        for title, value in item.items()
        if isinstance(value, list)
    }


def page_title(site_dir, src: str) -> str:
    html = html_path(site_dir, page_url(src)).read_text(encoding="utf-8")
    return re.sub(r"\s*#$", "", text_blocks(re.search(r"<h1[^>]*>.*?</h1>", article_html(html), re.S).group(0))[0])


def test_the_book_has_an_outline_of_every_part_and_chapter(site_dir, book):
    entries = outline_entries(book)
    titles = {title for _, title, _ in entries}
    top = [title for level, title, _ in entries if level == 1]
    left_out = set(LEFT_OUT)
    for section, sources in nav_sections().items():
        shown = [src for src in sources if src not in left_out]
        # A part is a top-level bookmark: its own title, or that of its first page.
        assert section in top or page_title(site_dir, shown[0]) in top, f"part {section!r} not in the outline"
        for src in shown:
            assert page_title(site_dir, src) in titles, f"chapter {src} not in the outline"
    assert max(level for level, _, _ in entries) == 2, "parts hold their chapters"
    pages = len(book.pages)
    assert all(1 < number <= pages for _, _, number in entries)


def test_no_page_of_the_book_is_empty(book, book_pages):
    """Every page carries text besides its running head and footer (the
    cover once spilled over onto a second, empty page)."""
    heads = {title for level, title, _ in outline_entries(book) if level == 1}
    empty = []
    for number, text in enumerate(book_pages, 1):
        body = text.replace("Positief in Gesprek — webeditie", " ")
        body = " ".join(word for word in body.split() if word != str(number))
        if not body or body in heads:
            empty.append(number)
    assert not empty, f"pages without text of their own: {empty}"


def toc_entries(pages: list[str]) -> list[tuple[str, int]]:
    """(title, page number) of every line of the printed table of contents."""
    found, pending = [], ""
    for text in pages[1:5]:
        if "Inhoud" not in text and not found:
            continue
        for line in text.splitlines():
            match = re.match(r"^(.*?)\s*(?:\.\s*){3,}(\d+)$", line.strip())
            if match:
                found.append((" ".join(f"{pending} {match.group(1)}".split()), int(match.group(2))))
                pending = ""
            elif line.strip() and line.strip() != "Inhoud" and not re.fullmatch(r"\d+|Positief in Gesprek.*", line.strip()):
                pending = f"{pending} {line.strip()}"
        if found and "Inhoud" not in text and not re.search(r"(?:\.\s*){3,}\d+", text):
            break
    return found


def test_the_books_table_of_contents_numbers_the_pages_where_the_headings_stand(book, book_pages):
    outline: dict[str, set[int]] = {}
    for _, title, number in outline_entries(book):
        outline.setdefault(title, set()).add(number)
    entries = toc_entries(book_pages)
    assert len(entries) >= len(nav_sections()) + 20, f"only {len(entries)} lines with a page number"
    for title, number in entries:
        assert title in outline, f"table of contents line {title!r} is no bookmark"
        assert number in outline[title], f"{title!r}: table of contents says {number}, the heading is on {outline[title]}"
        assert words(title) in words(book_pages[number - 1]), f"{title!r} is not on page {number}"


def test_the_book_has_a_cover_metadata_and_running_heads(book, book_pages):
    assert words("Positief in Gesprek") in words(book_pages[0])
    assert AUTHORS in book_pages[0]
    assert book.metadata.title == "Positief in Gesprek"
    assert book.trailer["/Root"]["/Lang"] == "nl"
    # A chapter of Deel 2 names its part at the top and its number at the foot.
    outline = outline_entries(book)
    at = next(n for n, (level, title, _) in enumerate(outline) if level == 1 and title.startswith("Deel 2"))
    part_title = outline[at][1]
    _, chapter, number = next(entry for entry in outline[at + 1 :] if entry[0] == 2 and not entry[1].startswith("Deel 2"))
    text = book_pages[number - 1]
    assert words(part_title) in words(text), f"page {number} ({chapter}) has no running head {part_title!r}"
    part = number - 1
    assert re.search(rf"\b{part + 1}\s*$", text.strip()), "no page number at the foot"


def test_the_book_prints_no_web_chrome_and_keeps_notes_and_figures(site_dir, book, book_pages):
    print_page = (site_dir / "print_page.html").read_text(encoding="utf-8")
    text = "\n".join(book_pages)
    lines = {line.strip() for line in text.splitlines()}
    for button in ["Werkblad afdrukken", "Gespreksgids afdrukken"]:
        assert button in print_page, f"{button!r} is not on the print page: the check would prove nothing"
        assert button not in lines, f"the book PDF shows the button {button!r}"
    for chrome in ["Neem het hele werkboek mee als zip", "Alle filters wissen", "Afdrukken met mijn antwoorden", "als PDF", "Link naar deze sectie"]:
        assert chrome in print_page, f"{chrome!r} is not on the print page: the check would prove nothing"
        assert chrome not in text, f"the book PDF shows {chrome!r}"
    for chrome in ["Zoeken", "Downloaden", "Opgeslagen"]:
        assert chrome not in text, f"the book PDF shows {chrome!r}"
    # Footnotes at the foot of their page: the note's text on the page of its call.
    assert re.search(r"^1\. Martin Seligman", text, re.M), "the first note is not a footnote"
    # Figures are drawn as vectors, not pictures.
    assert not any("/Image" in str(page.get("/Resources", {}).get("/XObject", {})) for page in book.pages)


def test_links_inside_the_book_lead_to_their_place(book):
    internal = 0
    for page in book.pages:
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                internal += 1
            action = annotation.get("/A")
            if action is not None:
                uri = str(action.get_object().get("/URI", ""))
                assert not uri.startswith("file:"), f"a link to the build folder: {uri}"
    assert internal > 50, f"only {internal} links inside the book"


def pdf_links(site_dir) -> dict[str, set[str]]:
    """Every page's links to a PDF, resolved from the site's root."""
    found = {}
    for path in site_dir.rglob("*.html"):
        src = path.relative_to(site_dir).as_posix()
        hrefs = re.findall(r'href="([^"#?]+\.pdf)"', path.read_text(encoding="utf-8"))
        if hrefs:
            found[src] = {posixpath.normpath(posixpath.join(posixpath.dirname(src), href)) for href in hrefs}
    return found


def test_every_pdf_is_linked_from_its_page_and_every_link_resolves(site_dir, worksheets, conversations):
    links = pdf_links(site_dir)
    for page, targets in links.items():
        for target in targets:
            assert (site_dir / target).is_file(), f"{page} links to a missing {target}"
    for sheet in worksheets:
        assert f"pdf/werkbladen/{sheet.id}.pdf" in links.get(f"werkbladen/{sheet.id}.html", set()), sheet.id
    for conversation in conversations:
        page = conversation.page.removesuffix(".md") + ".html"
        assert f"pdf/gesprekken/{conversation.id}.pdf" in links.get(page, set()), conversation.id
    assert "pdf/mindset-test.pdf" in links["bijlagen/mindset-test.html"]
    assert BOOK in links["print_page.html"]
    every_sheet = {f"pdf/werkbladen/{sheet.id}.pdf" for sheet in worksheets}
    assert every_sheet <= links["werkbladen/werkmap.html"]
    assert every_sheet <= links["werkbladen/index.html"]
    werkmap = (site_dir / "werkbladen/werkmap.html").read_text(encoding="utf-8")
    for sheet in worksheets:
        assert re.search(rf'<li data-sheet="{sheet.id}"><a href="[^"]*{sheet.id}\.pdf"', werkmap), sheet.id


def test_the_links_to_pdfs_are_interface_text(site_dir):
    html = (site_dir / "werkbladen/hefbomen.html").read_text(encoding="utf-8")
    link = re.search(r'<p class="([^"]*)"><a href="[^"]*\.pdf"[^>]*>([^<]*)</a>', html)
    assert link and "pig-ui" in link.group(1).split(), "the link is not marked as interface"
    assert link.group(2) == "Werkblad als invulbare PDF (A4, 1 pagina)"


def test_the_zip_holds_every_pdf(site_dir, worksheets, conversations):
    folder = archive_name().removesuffix(".zip")
    with zipfile.ZipFile(site_dir / archive_name()) as archive:
        names = set(archive.namelist())
        for name in all_pdfs(worksheets, conversations):
            assert f"{folder}/{name}" in names, f"{name} is not in the zip"
            assert archive.read(f"{folder}/{name}") == (site_dir / name).read_bytes()


def test_a_pdf_is_drawn_once_and_then_reused_until_its_source_changes(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    html = '<!DOCTYPE html><html lang="nl"><head><title>Proef</title></head><body><p>Een proef.</p></body></html>'
    job = Job("pdf/proef.pdf", html, ("@page { size: A4 }",))
    assert build_pdfs(site, cache, [job], workers=1) == (1, 0)
    first = (site / "pdf/proef.pdf").read_bytes()
    assert first.startswith(b"%PDF")
    assert build_pdfs(site, cache, [job], workers=1) == (0, 1)
    assert (site / "pdf/proef.pdf").read_bytes() == first
    changed = Job("pdf/proef.pdf", html, ("@page { size: A5 }",))
    assert build_pdfs(site, cache, [changed], workers=1) == (1, 0)
    reader = PdfReader(site / "pdf/proef.pdf")
    assert float(reader.pages[0].mediabox.width) == pytest.approx(419.5, abs=1)  # A5


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_the_preview_makes_no_pdfs_and_links_to_none(tmp_path):
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1", "PIG_PDF_CACHE": str(tmp_path / "cache")},
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        status, page = 0, ""
        while time.monotonic() < deadline and status != 200:
            time.sleep(0.5)
            try:
                status, page = _get(base + "werkbladen/hefbomen.html")
            except OSError:
                continue
        assert status == 200, "mkdocs serve did not answer"
        assert "Hefbomen" in page or "hefbomen" in page
        assert ".pdf" not in page
        assert ".pdf" not in _get(base + "werkbladen/index.html")[1]
        assert _get(base + "pdf/werkbladen/hefbomen.pdf")[0] == 404
        assert not (tmp_path / "cache").exists(), "the preview drew PDFs"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_every_figure_carries_its_colours_inside_its_svg(site_dir):
    """WeasyPrint styles an inline SVG with its own rules only: without
    them the figures come out as black shapes."""
    from macros.render.pdf import page_document

    reading = page_document("x", (site_dir / "deel-1/broaden-and-build.html").read_text(encoding="utf-8"), "guide")
    sheet = page_document("x", (site_dir / "werkbladen/progressiecirkel.html").read_text(encoding="utf-8"), "sheet")
    for html in (reading, sheet):
        svgs = re.findall(r'<svg class="pig-svg[^>]*>(<style>.*?</style>)?', html, re.S)
        assert svgs and all(svgs), "a figure without its rules"
        assert "<" not in re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    assert "fill: #ffffff" in sheet and "fill: #ffffff" not in reading  # room to write on a sheet only


def test_the_book_has_a_cover_and_a_colophon_of_this_edition(book_pages):
    from macros.site.artefact import workbook_version

    cover, colophon = book_pages[0], book_pages[1]
    assert "Positief in Gesprek" in cover and AUTHORS in cover
    assert f"Webeditie {workbook_version()}" in cover
    assert re.search(r"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}", cover)
    assert colophon.startswith("©") and "Verantwoording (zie p." in colophon
    assert "gemarkeerd met ‘webeditie’" in colophon and "verbetert" in colophon
    site_url = mkdocs_config().get("site_url")
    assert (site_url in colophon) if site_url else ("Deze editie staat op het web" not in colophon)


def test_the_book_links_inside_itself_or_to_full_web_addresses(book):
    for page in book.pages:
        for annotation in page.get("/Annots", []) or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action.get_object():
                uri = str(action.get_object()["/URI"])
                assert re.match(r"https?://", uri), f"a relative link in the book: {uri}"


def test_a_cross_reference_gives_the_page_it_leads_to(book, book_pages):
    chapters = {title: number for _, title, number in outline_entries(book)}
    part = next(n for n, text in enumerate(book_pages, 1) if "In dit deel" in text and "Mindset" in text)
    text = " ".join(book_pages[part - 1].split())
    for title in ["Mindset", "Talenten"]:
        assert f"{title} (zie p. {chapters[title]})" in text, title
    assert len(re.findall(r"\(zie\s+p\.\s*\d+\)", "\n".join(book_pages))) > 100


def test_a_footer_stays_on_one_line(site_dir, book_pages):
    """A sheet's footer (the workbook, the sheet's title, the page) is one
    line, however long the title: pypdf reads a wrapped one as two."""
    sheet = PdfReader(site_dir / "pdf/werkbladen/reflectie-belangrijk.pdf")
    footers = [
        line
        for text in book_pages + [page.extract_text() for page in sheet.pages]
        for line in text.splitlines()
        if line.startswith("Positief in Gesprek ·")
    ]
    assert len(footers) > 30
    for footer in footers:
        assert re.search(r"pagina \d+( van \d+)?$", footer), footer


def test_links_to_pages_the_book_leaves_out_go_to_the_web_or_are_words():
    html = '<p><a href="#deel-1">Deel 1</a>, de <a href="gespreksplanner.html">planner</a> en <a href="https://x.nl/">x</a></p>'
    assert web_links(html, None) == '<p><a href="#deel-1">Deel 1</a>, de <span class="pig-pdf-unlinked">planner</span> en <a href="https://x.nl/">x</a></p>'
    assert 'href="https://voorbeeld.nl/boek/gespreksplanner.html"' in web_links(html, "https://voorbeeld.nl/boek/")


def test_the_colophon_names_the_address_only_when_known():
    import datetime

    from macros.render.edition import render_colophon

    args = dict(copyright="© A", version="1.2.3", day=datetime.date(2026, 3, 1), corrections=4, about_href="#v")
    without = render_colophon(site_url=None, **args)
    assert "1 maart 2026" in without and "4 kleine fouten" in without and "op het web" not in without
    assert 'href="https://voorbeeld.nl/"' in render_colophon(site_url="https://voorbeeld.nl/", **args)
