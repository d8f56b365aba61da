"""The published artefact: a lean site/ and a zip of exactly that site."""

import hashlib
import re
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

from macros.site.artefact import archive_name, prune, unread_files, zip_site
from macros.render.download import download_href
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
