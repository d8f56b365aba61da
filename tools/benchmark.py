"""Measure the site: build time (with the PDFs drawn, from their cache, and
without them), rebuild after a data edit, page weight,
search speed and Lighthouse scores, side by side with stock Material built
from the same Markdown. Prints Markdown tables (guides/performance.md holds
the latest run).

Run it by hand (it is not a test; it takes a few minutes):

    python tools/benchmark.py                       # everything but Lighthouse
    python tools/benchmark.py --lighthouse          # and Lighthouse, median of 9 runs
    python tools/benchmark.py --pages-only --lighthouse   # first visits and Lighthouse only
    python tools/benchmark.py --search-only         # the search alone: sizes, index build, latency
    python tools/benchmark.py --store-only          # Mijn antwoorden and the planner with 50 conversations
    python tools/benchmark.py --pdf-scale 10        # every PDF from an empty cache: the project and a copy with 10× the worksheets

Both sites are served gzipped (level 6), as an intranet server would. Stock
Material is the same Markdown and navigation with `theme: material`,
`language: nl`, `font: false`, search in Dutch, and mkdocs-macros (so the
pages hold the same content); nothing else. A second stock build adds only
the site's light/dark palette with its toggle (Material's palette CSS and
script, the same on every page): the reader's dark mode is a feature of this
site, and a palette costs a page a stylesheet and style work (Material's
script marks <body> at every load), so that column tells the palette's cost
from the site's own. Lighthouse is the `lighthouse` command on the PATH
(npm install -g lighthouse) or `npx lighthouse@12`.

It reads the project it lives in and writes only to a temporary folder.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import hosting  # noqa: E402  (the tests' static server)
from browser_fixtures import find_browser  # noqa: E402
from sitebuild import copy_project, load_library, mkdocs_config, page_url  # noqa: E402

from macros.site.prepare import sheet_source  # noqa: E402
from macros.site.navigation import sheet_page, with_sheet_pages  # noqa: E402

# The first visits: the Chromium the tests drive (chromium-headless-shell
# first); Lighthouse: the desktop Chromium where there is one.
CHROMIUM = find_browser() or "/usr/bin/chromium"
LIGHTHOUSE_CHROMIUM = os.environ.get("PIG_CHROMIUM") or shutil.which("chromium") or CHROMIUM
PAGES = {
    "home": "index.md",
    "reading page": "deel-1/mindset.md",
    "worksheet": "werkbladen/hefbomen.md",
    "self-test": "bijlagen/mindset-test.md",
    "conversation": "deel-4/myra.md",
}
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def own_assets(site: Path) -> list[str]:
    """The site's own stylesheets and scripts, as built (minified)."""
    return sorted(path.relative_to(site).as_posix() for pattern in ("site*.css", "*.js") for path in (site / "assets").glob(pattern))


def gz(data: bytes) -> int:
    """Bytes after gzip at level 6 (a common server default)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(hosting.HostingHandler):
    """The tests' static server, answering text files gzipped (level 6) over
    HTTP/1.1 keep-alive, as nginx, Apache and IIS do: Python's default
    (HTTP/1.0, a new connection per file) would charge every request a
    connection set-up that no intranet server makes the browser pay."""

    protocol_version = "HTTP/1.1"

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if (
            "gzip" in self.headers.get("Accept-Encoding", "")
            and path.endswith(COMPRESSED)
            and os.path.isfile(path)
        ):
            body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            import io

            return io.BytesIO(body)
        return super().send_head()


@contextlib.contextmanager
def serve_gzipped(site: Path):
    original = hosting.HostingHandler
    hosting.HostingHandler = GzipHandler
    try:
        with hosting.serve(site) as base:
            yield base
    finally:
        hosting.HostingHandler = original


def build_stock(tmp: Path, *, palette: bool = False) -> Path:
    """Stock Material from the same Markdown and navigation (see the module's
    doc); with ``palette``, plus the site's light/dark toggle in Material's
    own colours."""
    name = "stock-palette" if palette else "stock"
    (tmp / name).mkdir()
    project = copy_project(tmp / name)
    shutil.rmtree(project / "overrides")
    # Material's own Dutch search (the site's language file needs the stems
    # its build writes).
    shutil.rmtree(project / "docs" / "assets" / "javascripts" / "lunr")
    ours = mkdocs_config()
    theme = {"name": "material", "language": "nl", "font": False}
    if palette:  # the same two schemes and toggle, in Material's default colours
        theme["palette"] = [{k: v for k, v in option.items() if k not in ("primary", "accent")} for option in ours["theme"]["palette"]]
    config = {
        "site_name": ours["site_name"],
        "docs_dir": "docs",
        "exclude_docs": ours["exclude_docs"],
        "use_directory_urls": False,
        "theme": theme,
        # Not the emoji (its tags need Material's Python) nor the web edition's page changes.
        "markdown_extensions": [
            ext for ext in ours["markdown_extensions"] if not (isinstance(ext, dict) and "pymdownx.emoji" in ext) and ext != "macros.site.page_changes"
        ],
        "plugins": [{"search": {"lang": "nl"}}, next(plugin for plugin in ours["plugins"] if isinstance(plugin, dict) and "macros" in plugin)],
        "nav": with_sheet_pages(ours["nav"], [sheet.id for sheet in load_library()]),
    }
    library = load_library()
    for sheet in library:  # the pages our build generates, as files
        (project / "docs" / sheet_page(sheet.id)).write_text(sheet_source(sheet, library.figures), encoding="utf-8")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = tmp / f"{name}-site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=project, env=ENV, check=True, capture_output=True)
    return site


def kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


# --- Build -----------------------------------------------------------------------

def build_times(runs: int, site: Path, env: dict | None = None) -> list[float]:
    """Wall time of whole `mkdocs build --strict` processes."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                       cwd=ROOT, env=env or ENV, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def pdf_build_times(tmp: Path, runs: int) -> dict[str, list[float]]:
    """Strict builds with the PDFs: drawing them all (an empty cache of
    their own), reusing them (the same cache again), and without PDFs."""
    cache = tmp / "pdf-cache"
    with_cache = dict(ENV, WORKBOOK_PDF_CACHE=str(cache))
    cold = []
    for _ in range(max(1, runs // 2)):
        shutil.rmtree(cache, ignore_errors=True)
        cold += build_times(1, tmp / "site-pdf", with_cache)
    return {
        "cold": cold,
        "warm": build_times(runs, tmp / "site-pdf", with_cache),
        "without": build_times(runs, tmp / "site-nopdf", dict(ENV, WORKBOOK_PDFS="false")),
    }


def macro_share(site: Path) -> tuple[float, float]:
    """(build seconds, seconds in mkdocs-macros) for one in-process build."""
    code = f"""
import time, json
from mkdocs.config import load_config
from mkdocs.commands.build import build
from mkdocs_macros.plugin import MacrosPlugin
spent = [0.0]
def timed(name):
    original = getattr(MacrosPlugin, name)
    def wrapper(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start
    setattr(MacrosPlugin, name, wrapper)
for name in ("on_config", "on_page_markdown", "on_post_build"):
    timed(name)
start = time.perf_counter()
config = load_config({str(ROOT / 'mkdocs.yml')!r}, site_dir={str(site)!r}, strict=True)
build(config)
print(json.dumps([time.perf_counter() - start, spent[0]]))
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=ENV, check=True, capture_output=True, text=True)
    total, macros = json.loads(out.stdout.strip().splitlines()[-1])
    return total, macros


def rebuild_after_data_edit(runs: int) -> list[float]:
    """Seconds from saving a worksheet's YAML to the rebuilt page, under `mkdocs serve`."""
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        # The built site/ at the top only: macros/site/ is code.
        skip = shutil.ignore_patterns(".git", ".venv", ".cache", "__pycache__", "*.zip")
        shutil.copytree(ROOT, project, ignore=lambda folder, names: set(skip(folder, names)) | ({"site"} if Path(folder) == ROOT else set()))
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/{page_url('werkbladen/hefbomen.md')}"
        data = project / "docs" / "data" / "worksheets" / "hefbomen.yaml"
        try:
            wait_for(url, "Hefbomen", timeout=60)
            times = []
            for run in range(runs):
                marker = f"meetpunt{run}x"
                text = data.read_text(encoding="utf-8")
                start = time.perf_counter()
                data.write_text(text.replace("Welk talent wil je centraal stellen?", f"Welk talent {marker}?", 1)
                                if run == 0 else text.replace(f"meetpunt{run - 1}x", marker, 1), encoding="utf-8")
                wait_for(url, marker, timeout=60)
                times.append(time.perf_counter() - start)
                time.sleep(1.0)
            return times
        finally:
            server.terminate()
            server.wait(timeout=10)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, text: str, timeout: float) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8", "replace"):
                    return
        time.sleep(0.05)
    raise TimeoutError(f"{text!r} did not appear on {url}")


def scaled_project(tmp: Path, factor: int) -> Path:
    """A copy of the project with ``factor`` times the worksheets: each sheet
    of docs/data/worksheets/ again under new ids ("<id>-kopie-2", ...), so
    each copy gets its generated page, a place in the whole-book page and a
    PDF of its own. Its title says which copy it is (the book's table of
    contents and outline list every sheet)."""
    (tmp / f"scale-{factor}").mkdir()
    project = copy_project(tmp / f"scale-{factor}")
    folder = project / "docs" / "data" / "worksheets"
    for source in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        for copy in range(2, factor + 1):
            sheet = dict(data, id=f"{data['id']}-kopie-{copy}", title=f"{data['title']} (kopie {copy})")
            (folder / f"{sheet['id']}.yaml").write_text(yaml.safe_dump(sheet, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


def cold_pdf_build(project: Path, tmp: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the build and its drawing processes,
    pages of the book) of one strict build of ``project`` that draws every
    PDF from an empty cache of its own. On a machine others share, the CPU
    time is the steadier figure."""
    import resource

    from pypdf import PdfReader

    cache = tmp / f"cache-{project.parent.name}"
    shutil.rmtree(cache, ignore_errors=True)
    site = tmp / f"site-{project.parent.name}"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                   cwd=project, env=dict(ENV, WORKBOOK_PDF_CACHE=str(cache)), check=True, capture_output=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, len(PdfReader(site / "pdf" / "positief-in-gesprek.pdf").pages)


def pdf_scale(factor: int, runs: int) -> None:
    """Cold builds (every PDF drawn) of the project and of a copy with
    ``factor`` times the worksheets, side by side: the print edition's cost
    should grow with the book, not faster."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        projects = {1: scaled_project(tmp, 1), factor: scaled_project(tmp, factor)}
        results = {scale: [cold_pdf_build(project, tmp) for _ in range(runs)] for scale, project in projects.items()}
    print(f"\n## Every PDF from an empty cache: the project and {factor}× the worksheets\n")
    print(f"| worksheets | pages of the book | strict build with every PDF drawn, wall (median of {runs}) | its CPU time (median of {runs}) |")
    print("| --- | ---: | ---: | ---: |")
    sheets = len(load_library())
    for scale, found in results.items():
        print(f"| {sheets * scale} | {found[0][2]} | {statistics.median(f[0] for f in found):.1f} s | {statistics.median(f[1] for f in found):.1f} s |")
    ratios = [statistics.median(f[which] for f in results[factor]) / statistics.median(f[which] for f in results[1]) for which in (0, 1)]
    print(f"| ratio for {factor}× the worksheets | | {ratios[0]:.1f}× | {ratios[1]:.1f}× |")


# --- Pages in Chromium --------------------------------------------------------------

def kind_of(url: str, content_type: str) -> str:
    path = url.split("?")[0]
    if path.endswith(".css"):
        return "CSS"
    if path.endswith(".js"):
        return "JS"
    if path.endswith((".svg", ".png", ".ico", ".jpg", ".webp")):
        return "images"
    if path.endswith((".woff", ".woff2", ".ttf")):
        return "fonts"
    if path.endswith(".json"):
        return "search index"
    return "HTML" if "html" in content_type or path.endswith("/") else "other"


def first_visits(site: Path) -> dict[str, dict]:
    """What a first visit to each page transfers, by kind: requests and bytes on
    the wire (gzipped where the server compresses), served gzipped."""
    from playwright.sync_api import sync_playwright

    results = {}
    with serve_gzipped(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for name, src in PAGES.items():
            context = browser.new_context()  # an empty cache: a first visit
            page = context.new_page()
            seen = []
            page.on("requestfinished", lambda request: seen.append(request))
            page.goto(base + page_url(src), wait_until="networkidle")
            page.wait_for_timeout(500)
            rows: dict[str, list[int]] = {}
            for request in seen:
                response = request.response()
                wire = request.sizes()["responseBodySize"] if response else 0
                kind = kind_of(request.url, (response.headers.get("content-type", "") if response else ""))
                row = rows.setdefault(kind, [0, 0])
                row[0] += wire
                row[1] += 1
            results[name] = rows
            context.close()
        browser.close()
    return results


def search_latency(site: Path, queries: list[str]) -> list[float]:
    """Seconds from the last keystroke to the first results, once the index is loaded."""
    from playwright.sync_api import sync_playwright

    times = []
    with serve_gzipped(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(base + page_url("index.md"), wait_until="networkidle")
        search = page.get_by_role("textbox", name="Zoeken")
        search.click()
        search.press_sequentially("mindset")  # warm up: the index is loaded and built
        page.wait_for_selector(".md-search-result__item")
        for query in queries:
            search.fill("")
            page.wait_for_timeout(300)
            page.evaluate("""() => {
                window.__typed = 0; window.__shown = 0;
                const list = document.querySelector('.md-search-result__list');
                new MutationObserver(() => { if (!window.__shown && list.children.length) window.__shown = performance.now(); })
                    .observe(list, {childList: true});
                document.querySelector('.md-search__input').addEventListener('keyup', () => { window.__typed = performance.now(); window.__shown = 0; });
            }""")
            search.press_sequentially(query, delay=30)
            page.wait_for_function("window.__shown > 0 && window.__shown >= window.__typed", timeout=10000)
            times.append(page.evaluate("(window.__shown - window.__typed) / 1000"))
        browser.close()
    return times


# Material's worker: it builds the index on its first message (0, with the
# search index) and answers 1 when done.
WORKER_BUILD = """async ([worker, index, runs]) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
        const started = performance.now(), w = new Worker(worker);
        await new Promise(done => { w.onmessage = ev => { if (ev.data.type === 1) done(); }; w.postMessage({type: 0, data: index}); });
        times.push((performance.now() - started) / 1000);
        w.terminate();
    }
    return times;
}"""


def index_build_times(site: Path, runs: int = 7) -> list[float]:
    """Seconds from starting Material's search worker to its index being
    built (loading its scripts, the site's Dutch stems among them), ``runs``
    times after one to warm up."""
    from playwright.sync_api import sync_playwright

    worker = next(site.glob("assets/javascripts/workers/search.*.min.js")).relative_to(site).as_posix()
    index = {**json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8")), "options": {"suggest": True}}
    with serve_gzipped(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(base + page_url("index.md"))
        times = page.evaluate(WORKER_BUILD, [base + worker, index, runs + 1])[1:]
        browser.close()
    return times


def lighthouse_command() -> list[str]:
    found = shutil.which("lighthouse")
    return [found] if found else ["npx", "--yes", "lighthouse@12"]


# The simulated metrics behind the performance score (milliseconds). The
# score weighs total blocking time 30 %, largest contentful paint 25 %, first
# contentful paint and speed index 10 % each, and layout shift 25 %.
METRICS = {
    "first-contentful-paint": "first paint",
    "largest-contentful-paint": "largest paint",
    "total-blocking-time": "blocking time",
}


def lighthouse(sites: dict[str, Path], runs: int) -> dict[str, dict[str, dict[str, list[int]]]]:
    """Lighthouse mobile scores of every site and page, ``runs`` times each,
    with the metrics of ``METRICS``.

    The runs are interleaved, round by round (every page of every site once,
    then again), so a change in the machine's load falls on all sites alike;
    a single run's performance score moves by several points from noise alone.
    Where two sites are within a point, even medians of 9 runs come out
    either way round from one benchmark to the next (2026-12-03): the
    metrics, printed too, show what the rounded score hides.
    """
    samples: dict[str, dict[str, dict[str, list[int]]]] = {}
    with contextlib.ExitStack() as stack:
        bases = {which: stack.enter_context(serve_gzipped(path)) for which, path in sites.items()}
        for _ in range(runs):
            for name, src in PAGES.items():
                for which, base in bases.items():
                    with tempfile.NamedTemporaryFile(suffix=".json") as report:
                        command = lighthouse_command() + [
                            base + page_url(src), "--quiet", "--output=json", f"--output-path={report.name}",
                            f"--chrome-path={LIGHTHOUSE_CHROMIUM}", "--chrome-flags=--headless=new --no-sandbox",
                            "--only-categories=performance,accessibility,best-practices,seo",
                        ]
                        subprocess.run(command, check=True, capture_output=True, env=dict(ENV, CHROME_PATH=LIGHTHOUSE_CHROMIUM))
                        data = json.loads(Path(report.name).read_text(encoding="utf-8"))
                    page_samples = samples.setdefault(which, {}).setdefault(name, {})
                    for key, value in data["categories"].items():
                        page_samples.setdefault(key, []).append(round(value["score"] * 100))
                    for key in METRICS:
                        page_samples.setdefault(key, []).append(round(data["audits"][key]["numericValue"]))
    return samples


# The sites' names in the Lighthouse tables.
COLUMN_NAMES = {"ours": "ours", "stock": "stock Material", "stock + palette": "stock Material + palette"}


def median_and_range(values: list[int]) -> str:
    """``97`` when every run agreed, else the median with the range: ``97 (95–99)``."""
    middle = int(statistics.median(values))
    return str(middle) if min(values) == max(values) else f"{middle} ({min(values)}–{max(values)})"


# The queries whose latency the benchmark measures.
SEARCH_QUERIES = ["feedback", "talenten", "droomvraag", "historielijn", "complimenten", "dromen", "groeien", "gesprekken", "vastgelopen", "boven verwachting"]
# What the search worker loads besides itself: the index, and for Dutch the
# site's stems with the stemmer (written by the build) and its language file.
SEARCH_FILES = ["search/search_index.json", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/min/lunr.nl.min.js"]


def site_files(site: Path) -> dict[str, bytes]:
    return {name: (site / name).read_bytes() for name in SEARCH_FILES if (site / name).is_file()}


def print_search(ours: dict[str, bytes], stock: dict[str, bytes], searches: list[float] | None, builds: list[float] | None = None) -> None:
    print("\n## Search\n")
    print("| measure | figure |\n| --- | ---: |")
    for name in SEARCH_FILES:
        for which, files in (("ours", ours), ("stock Material", stock)):
            if name in files:
                print(f"| `{name}`, {which} | {kb(len(files[name]))} raw, {kb(gz(files[name]))} gzip |")
    for which, files in (("ours", ours), ("stock Material", stock)):
        together = list(files.values())
        print(f"| the three together, {which} | {kb(sum(map(len, together)))} raw, {kb(sum(map(gz, together)))} gzip |")
    if builds:
        print(f"| worker started → index built, median of {len(builds)} (min–max) | {ms(statistics.median(builds))} ({ms(min(builds))}–{ms(max(builds))}) |")
    if searches:
        print(f"| last keystroke → first results, median of {len(searches)} (max) | {ms(statistics.median(searches))} ({ms(max(searches))}) |")


def search_only() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        build_times(1, site, {**ENV, "WORKBOOK_PDFS": "false"})  # the PDFs change nothing here
        stock = build_stock(tmp)
        builds = index_build_times(site)
        searches = search_latency(site, SEARCH_QUERIES)
        print_search(site_files(site), site_files(stock), searches, builds)


# --- A full store: fifty conversations of ten sheets each -----------------------------

STORE_PAGES = {"Mijn antwoorden": "mijn-antwoorden.md", "planner": "gespreksplanner.md"}


def full_store(conversations: int = 50, sheets: int = 10) -> dict:
    """A store as the site keeps it (version 2): ``conversations`` plans,
    each with every question of ``sheets`` worksheets answered at length."""
    stamp = "2026-06-01T10:00:00.000Z"
    library = [sheet for sheet in load_library() if sheet.questions][:sheets]
    answer = "Een antwoord van een paar regels, zoals een leidinggevende het typt. " * 4
    items = {}
    for number in range(conversations):
        plan = f"g{number:03d}bench"
        items[f"@plan/{plan}/naam"] = {"text": f"Medewerker {number % 8}", "updated": stamp}
        items[f"@plan/{plan}/datum"] = {"text": f"{number % 28 + 1} mei", "updated": stamp}
        items[f"@plan/{plan}/situatie"] = {"text": "onder", "updated": stamp}
        items[f"@plan/{plan}/werkvormen"] = {"text": "schaalvraag feedback", "updated": stamp}
        items[f"@plan/{plan}/volgende-stap"] = {"text": "Rooster maken", "updated": stamp}
        for sheet in library:
            for question in sheet.questions:
                items[f"@plan/{plan}/{sheet.id}/{question.id}"] = {"text": answer, "updated": stamp}
    return {"version": 2, "items": items}


def store_script_times(site: Path, runs: int = 5) -> dict[str, list[float]]:
    """Script time (Chromium's ScriptDuration, seconds) of opening each of
    STORE_PAGES with the full store, ``runs`` fresh loads each."""
    from playwright.sync_api import sync_playwright

    record = json.dumps(full_store())
    results = {name: [] for name in STORE_PAGES}
    with hosting.serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + page_url("index.md"))
        key = "pig/" + page.evaluate("document.querySelector('meta[name=pig-site-id]').content") + "/v2"
        page.evaluate("([key, record]) => localStorage.setItem(key, record)", [key, record])
        for _ in range(runs):
            for name, src in STORE_PAGES.items():
                page = context.new_page()
                session = context.new_cdp_session(page)
                session.send("Performance.enable")
                page.goto(base + page_url(src), wait_until="load")
                page.wait_for_timeout(1200)  # the planner's list and page count come after a pause
                metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
                results[name].append(metrics["ScriptDuration"])
                page.close()
        browser.close()
    return results


def store_only() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_times(1, site, {**ENV, "WORKBOOK_PDFS": "false"})
        times = store_script_times(site)
    store = full_store()
    print(f"\n## Fifty conversations of ten sheets each ({len(store['items'])} entries, {kb(len(json.dumps(store)))}): script time on opening\n")
    print("| page | script time, median of 5 (min–max) |\n| --- | ---: |")
    for name, values in times.items():
        print(f"| {name} | {ms(statistics.median(values))} ({ms(min(values))}–{ms(max(values))}) |")


# --- Report ----------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="strict builds to time (default 5)")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse (mobile)")
    parser.add_argument("--lighthouse-runs", type=int, default=9, help="Lighthouse runs per page and site, interleaved; the median counts (default 9)")
    parser.add_argument("--pages-only", action="store_true", help="only first visits (and Lighthouse): no build timings, no search")
    parser.add_argument("--search-only", action="store_true", help="only the search: sizes, the worker's index build, latency")
    parser.add_argument("--pdf-scale", type=int, metavar="N", help="only the PDFs' cold build: the project and a copy with N times the worksheets (runs: --runs, default 1 here)")
    parser.add_argument("--store-only", action="store_true", help="only Mijn antwoorden and the planner with fifty conversations of ten sheets: script time")
    args = parser.parse_args()
    if args.pdf_scale:
        return pdf_scale(args.pdf_scale, args.runs if "--runs" in sys.argv else 1)
    if args.search_only:
        return search_only()
    if args.store_only:
        return store_only()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        times = build_times(1 if args.pages_only else args.runs, site)
        stock = build_stock(tmp)
        stock_palette = build_stock(tmp, palette=True)
        sites = {"ours": site, "stock": stock, "stock + palette": stock_palette}
        if not args.pages_only:
            total, macros = macro_share(tmp / "site-2")
            pdf_times = pdf_build_times(tmp, args.runs)
            rebuilds = rebuild_after_data_edit(3)
            searches = search_latency(site, SEARCH_QUERIES)
        visits = {which: first_visits(path) for which, path in sites.items()}
        scores = lighthouse(sites, args.lighthouse_runs) if args.lighthouse else {}
        own = {name: (site / name).read_bytes() for name in own_assets(site)}
        search_files = site_files(site), site_files(stock)  # read before the folder goes

    if not args.pages_only:
        print("## Build\n")
        print("| measure | figure |\n| --- | ---: |")
        print(f"| strict build (PDFs from the project's cache), median of {len(times)} (min–max) | {statistics.median(times):.2f} s ({min(times):.2f}–{max(times):.2f}) |")
        for key, label in (("cold", "with every PDF drawn (empty cache)"), ("warm", "with the PDFs from the cache"), ("without", "without PDFs (`WORKBOOK_PDFS=false`)")):
            runs = pdf_times[key]
            print(f"| strict build {label}, median of {len(runs)} (min–max) | {statistics.median(runs):.2f} s ({min(runs):.2f}–{max(runs):.2f}) |")
        print(f"| time in mkdocs-macros (one in-process build of {total:.2f} s) | {macros:.2f} s = {macros / total:.0%} |")
        print(f"| saving a worksheet's YAML → rebuilt page under `mkdocs serve`, median of {len(rebuilds)} | {statistics.median(rebuilds):.2f} s |")

    print("\n## First visit (empty cache, served gzipped): ours against stock Material\n")
    kinds = ["HTML", "CSS", "JS", "images", "fonts", "search index", "other"]
    print("| page | site | requests | on the wire | " + " | ".join(kinds) + " |")
    print("| --- | --- | ---: | ---: | " + " | ".join("---:" for _ in kinds) + " |")
    for name in PAGES:
        totals = {}
        for which in visits:
            rows = visits[which][name]
            requests = sum(row[1] for row in rows.values())
            wire = sum(row[0] for row in rows.values())
            totals[which] = wire
            cells = [f"{kb(rows[k][0])} ({rows[k][1]})" if k in rows else "—" for k in kinds]
            print(f"| {name} | {which} | {requests} | {kb(wire)} | " + " | ".join(cells) + " |")
        print(f"| {name} | ours ÷ stock | | {totals['ours'] / totals['stock']:.2f} | " + " | ".join("" for _ in kinds) + " |")

    print("\n## The site's own CSS and JS\n")
    print("| file | raw | gzip |\n| --- | ---: | ---: |")
    for name, data in own.items():
        print(f"| `{name}` | {kb(len(data))} | {kb(gz(data))} |")
    print(f"| together | {kb(sum(len(d) for d in own.values()))} | {kb(sum(gz(d) for d in own.values()))} |")

    print_search(*search_files, None if args.pages_only else searches)

    if scores:
        print(f"\n## Lighthouse, mobile, {args.lighthouse_runs} runs interleaved: performance, median (range); accessibility / best practices / SEO, median\n")
        columns = [COLUMN_NAMES[which] for which in scores]
        print("| page | " + " | ".join(columns) + " |\n| --- | " + " | ".join("---" for _ in columns) + " |")
        for name in PAGES:
            cells = [
                median_and_range(scores[which][name]["performance"]) + "; " + " / ".join(str(int(statistics.median(scores[which][name][key]))) for key in ("accessibility", "best-practices", "seo"))
                for which in scores
            ]
            print(f"| {name} | " + " | ".join(cells) + " |")
        print(f"\n## Lighthouse's simulated metrics behind the performance score, median of {args.lighthouse_runs} runs\n")
        print("| page | metric | " + " | ".join(columns) + " |\n| --- | --- | " + " | ".join("---:" for _ in columns) + " |")
        for name in PAGES:
            for key, label in METRICS.items():
                print(f"| {name} | {label} | " + " | ".join(ms(statistics.median(scores[which][name][key]) / 1000) for which in scores) + " |")


if __name__ == "__main__":
    main()
