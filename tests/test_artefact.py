"""The published artefact: a lean site/ and a zip of exactly that site."""

import hashlib
import re
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

from macros.site.artefact import archive_name, prune, unread_files, zip_site
from macros.render.download import download_href
from references import files_nothing_reads, site_references
from sitebuild import link_href, ROOT, html_path, page_url

ZIP = archive_name()


def site_files(site_dir: Path, *, without: str | None = None) -> dict[str, str]:
    """Every file of a folder, as relative path -> SHA-256 of its bytes."""
    return {
        path.relative_to(site_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in site_dir.rglob("*")
        if path.is_file() and path.name != without
    }


# --- The built site ------------------------------------------------------------

def test_the_zip_is_named_after_the_workbook_and_its_version():
    declared = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M).group(1)
    assert version("positief-in-gesprek") == declared, "reinstall the project: its metadata is older than pyproject.toml"
    assert ZIP == f"positief-in-gesprek-{declared}.zip"


def test_the_site_holds_nothing_a_reader_never_loads(site_dir):
    files = set(site_files(site_dir))
    assert not [f for f in files if f.endswith(".map")], "source maps in the site"
    lunr = sorted(f for f in files if "/lunr/" in f)
    assert lunr == ["assets/javascripts/lunr/min/lunr.nl.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js"]
    assert "assets/images/favicon.png" not in files  # the site has its own favicon.svg
    # Material's stylesheet, without its palette's (the site's schemes are its own).
    assert [re.sub(r"\.[0-9a-f]{8}\.", ".*.", f) for f in files if f.startswith("assets/stylesheets/")] == ["assets/stylesheets/main.*.min.css"]
    assert not [f for f in files if f.startswith("sitemap.xml")], "a sitemap without addresses"
    assert not [f for f in files if f.endswith(".part")], "a half-written zip"
    # What search needs over http (JSON) and from disk (the same index as a script).
    assert {"search/search_index.json", "search/search_index.js"} <= files


@pytest.fixture(scope="module")
def unread(site_dir):
    return files_nothing_reads(site_dir)


def test_no_file_under_assets_that_no_page_stylesheet_or_script_reads(unread, site_dir):
    """Every file under site/assets/ is read by a page (a link, a script, an
    image, Material's search worker in its configuration), a stylesheet (url())
    or a script (a file it loads, the search worker's stemmers); see
    references.py. The PDFs are drawn from the content, not from files of
    the site. The vendored shim's licence is linked from the Verantwoording."""
    assert not unread, "files under assets/ that nothing reads:\n" + "\n".join(unread)
    assert (site_dir / "assets" / "vendor" / "iframe-worker" / "LICENSE").is_file()


def test_what_reads_each_kind_of_file_is_found(site_dir):
    """The references the check above relies on, one of each kind, found in
    the built site."""
    read = site_references(site_dir)
    worker = next(path for path in read if re.fullmatch(r"assets/javascripts/workers/search\.[0-9a-f]{8}\.min\.js", path))
    assert len(read[worker]) > 60  # every page's Material configuration
    assert read["assets/javascripts/lunr/min/lunr.nl.min.js"] == {worker}
    assert read["assets/javascripts/lunr/min/lunr.stemmer.support.min.js"] == {worker}
    assert "404.html" in read["assets/vendor/iframe-worker/shim.js"]  # through _root/
    assert read["assets/storage-probe.html"] == {"assets/answers-disk.js"}
    assert read["assets/storage-probe.js"] == {"assets/storage-probe.html"}
    assert read["assets/answers-import.js"] == {"assets/answers.js"}
    assert "werkbladen/hefbomen.html" in read["assets/site-sheet.print.css"]
    assert "deel-4/index.html" in read["assets/tables.js"]


def test_every_kind_of_reference_counts_and_nothing_else(tmp_path):
    site = make_site(tmp_path / "site", {
        "index.html": (
            '<link rel="icon" href="assets/icon.svg"><style>body{background:url("assets/bg.png")}</style>'
            '<img srcset="assets/a.png 1x, assets/b.png 2x" alt=""><p style="background: url(assets/c.png)"></p>'
            '<script id="__config" type="application/json">{"search": "assets/javascripts/workers/search.0123abcd.min.js"}</script>'
            '<script src="assets/main.js"></script><a href="https://example.org/assets/x.css">x</a>'
        ),
        "404.html": '<link rel="stylesheet" href="_root/./assets/main.css">',
        "deel-1/index.html": '<link rel="stylesheet" href="../assets/print.css" media="print"><a href="../assets/">map</a>',
        "search/search_index.json": '{"config": {"lang": ["nl"]}, "docs": []}',
        "search/search_index.js": 'var index = {"text": "assets/in-a-text.js"};',
        "assets/icon.svg": "", "assets/bg.png": "", "assets/a.png": "", "assets/b.png": "", "assets/c.png": "",
        "assets/main.css": "@import 'parts.css'; .x{background:url(img/d.png)}",
        "assets/parts.css": "", "assets/img/d.png": "", "assets/print.css": "", "assets/index.html": "",
        "assets/main.js": 'need("main-part"); frame.src = beside("probe.html");',
        "assets/main-part.js": "", "assets/probe.html": "",
        "assets/javascripts/workers/search.0123abcd.min.js": "importScripts(`${base}/min/lunr.${lang}.min.js`)",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "",
        "assets/javascripts/lunr/min/lunr.nl.min.js": "",
        "assets/javascripts/lunr/min/lunr.de.min.js": "",
        "assets/in-a-text.js": "",
        "assets/x.css": "",
        "assets/unread.css": "body{background:url(only-for-unread.png)}",
        "assets/only-for-unread.png": "",
    })
    assert files_nothing_reads(site) == [
        "assets/in-a-text.js",  # named in the search index's text only
        "assets/javascripts/lunr/min/lunr.de.min.js",  # a language the index does not have
        "assets/only-for-unread.png",  # read by an unread file only
        "assets/unread.css",
        "assets/x.css",  # the same name on another site
    ]


def test_the_zip_holds_exactly_the_site(site_dir):
    archive = site_dir / ZIP
    assert archive.is_file(), f"{ZIP} missing from the site"
    folder = ZIP.removesuffix(".zip") + "/"
    with zipfile.ZipFile(archive) as zipped:
        assert zipped.testzip() is None
        names = zipped.namelist()
        assert all(name.startswith(folder) for name in names), "files outside the zip's one folder"
        inside = {name.removeprefix(folder): hashlib.sha256(zipped.read(name)).hexdigest() for name in names if not name.endswith("/")}
    assert inside == site_files(site_dir, without=ZIP)
    assert folder + "index.html" in names


def test_the_offline_page_links_to_the_zip_in_dutch_and_the_home_page_to_it(site_dir):
    offline = page_url("offline-lezen.md")
    html = html_path(site_dir, offline).read_text(encoding="utf-8")
    link = re.search(r'<a class="pig-download" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert link, "no download link on the page Offline lezen"
    assert link.group(2) == "Download het werkboek (zip)"
    assert "Offline lezen" in html and "Zonder netwerk" not in html
    target = (html_path(site_dir, offline).parent / link.group(1)).resolve()
    assert target == (site_dir / ZIP).resolve() and target.is_file()
    home = html_path(site_dir, page_url("index.md")).read_text(encoding="utf-8")
    assert 'class="pig-download"' not in home, "the zip box is back on top of the home page"
    assert f'<a href="{link_href("index.md", "offline-lezen.md")}">Offline lezen</a>' in home


# --- The plain functions -------------------------------------------------------

def make_site(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def fake_site(tmp_path):
    return make_site(tmp_path / "site", {
        "index.html": '<link rel="stylesheet" href="assets/stylesheets/main.0123abcd.min.css"><p>hoi</p>',
        "assets/javascripts/bundle.min.js": "js",
        "assets/javascripts/bundle.min.js.map": "{}",
        "assets/stylesheets/main.min.css.map": "{}",
        "assets/stylesheets/main.0123abcd.min.css": "css",
        "assets/stylesheets/palette.0123abcd.min.css": "css",
        # Zensical's theme holds two variants; a page links one.
        "assets/stylesheets/modern/main.4567cdef.min.css": "css",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "s",
        "assets/javascripts/lunr/min/lunr.nl.min.js": "nl",
        "assets/javascripts/lunr/min/lunr.de.min.js": "de",
        "assets/javascripts/lunr/min/lunr.ja.min.js": "ja",
        "assets/javascripts/lunr/min/lunr.multi.min.js": "m",
        "assets/javascripts/lunr/tinyseg.js": "t",
        "assets/javascripts/lunr/wordcut.js": "w",
        "assets/images/favicon.png": "png",
        "sitemap.xml": "<urlset>\n</urlset>",
        "sitemap.xml.gz": "gz",
    })


def relative(paths, root):
    return sorted(p.relative_to(root).as_posix() for p in paths)


def test_prune_keeps_dutch_search_and_removes_the_rest(fake_site):
    removed = prune(fake_site, ["nl"], "assets/favicon.svg")
    assert relative(removed, fake_site) == [
        "assets/images/favicon.png",
        "assets/javascripts/bundle.min.js.map",
        "assets/javascripts/lunr/min/lunr.de.min.js",
        "assets/javascripts/lunr/min/lunr.ja.min.js",
        "assets/javascripts/lunr/min/lunr.multi.min.js",
        "assets/javascripts/lunr/tinyseg.js",
        "assets/javascripts/lunr/wordcut.js",
        "assets/stylesheets/main.min.css.map",
        "assets/stylesheets/modern/main.4567cdef.min.css",
        "assets/stylesheets/palette.0123abcd.min.css",
        "sitemap.xml",
        "sitemap.xml.gz",
    ]
    assert sorted(site_files(fake_site)) == [
        "assets/javascripts/bundle.min.js",
        "assets/javascripts/lunr/min/lunr.nl.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/stylesheets/main.0123abcd.min.css",
        "index.html",
    ]
    assert not (fake_site / "assets" / "images").exists(), "empty folder left behind"
    assert not (fake_site / "assets" / "stylesheets" / "modern").exists(), "empty folder left behind"


def test_prune_keeps_what_other_languages_and_settings_need(fake_site):
    (fake_site / "sitemap.xml").write_text("<urlset><url><loc>https://intranet/werkboek/</loc></url></urlset>")
    removed = relative(unread_files(fake_site, ["nl", "ja"], None), fake_site)
    for kept in ["assets/javascripts/lunr/min/lunr.ja.min.js", "assets/javascripts/lunr/min/lunr.multi.min.js",
                 "assets/javascripts/lunr/tinyseg.js", "assets/images/favicon.png", "sitemap.xml", "sitemap.xml.gz"]:
        assert kept not in removed
    assert "assets/javascripts/lunr/wordcut.js" in removed


def test_zip_site_is_complete_and_the_same_every_time(fake_site):
    first = zip_site(fake_site, "werkboek-2.0.zip").read_bytes()
    second = zip_site(fake_site, "werkboek-2.0.zip").read_bytes()  # the first zip is not zipped into it
    assert first == second
    with zipfile.ZipFile(fake_site / "werkboek-2.0.zip") as zipped:
        names = sorted(zipped.namelist())
    assert names == sorted("werkboek-2.0/" + name for name in site_files(fake_site, without="werkboek-2.0.zip"))


def test_archive_name_and_download_href():
    assert archive_name("werkboek", "2.1.0") == "werkboek-2.1.0.zip"
    assert download_href("index.html", "w.zip") == "w.zip"
    assert download_href("deel-1/index.html", "w.zip") == "../w.zip"
    assert download_href("deel-1/a/b.html", "w.zip") == "../../w.zip"
