"""Measure the site: build time, rebuild after a data edit, page weight,
search speed and Lighthouse scores. Prints Markdown tables.

Run it by hand (it is not a test; it takes a few minutes):

    python tests/benchmark.py                 # everything but Lighthouse
    python tests/benchmark.py --lighthouse    # and Lighthouse (needs Node; uses npx)

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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hosting import serve  # noqa: E402  (the tests' static server)
from sitebuild import page_url  # noqa: E402

CHROMIUM = os.environ.get("PIG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
PAGES = {
    "home": "index.md",
    "reading page": "deel-1/mindset.md",
    "worksheet": "werkbladen/hefbomen.md",
    "self-test": "bijlagen/mindset-test.md",
    "conversation": "deel-4/myra.md",
}
OWN_ASSETS = ["assets/site.css", "assets/site.js", "assets/answers.js", "assets/mindset-test.js"]
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def gz(data: bytes) -> int:
    """Bytes after gzip at level 6 (a common server default)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


# --- Build -----------------------------------------------------------------------

def build_times(runs: int, site: Path) -> list[float]:
    """Wall time of whole `mkdocs build --strict` processes."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                       cwd=ROOT, env=ENV, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


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
        shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".git", ".venv", "site", "__pycache__", "*.zip"))
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
    """What a first visit to each page transfers, by kind: raw and gzip bytes, requests."""
    from playwright.sync_api import sync_playwright

    results = {}
    with serve(site) as base, sync_playwright() as playwright:
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
                body = response.body() if response else b""
                kind = kind_of(request.url, (response.headers.get("content-type", "") if response else ""))
                row = rows.setdefault(kind, [0, 0, 0])
                row[0] += len(body)
                row[1] += gz(body)
                row[2] += 1
            results[name] = rows
            context.close()
        browser.close()
    return results


def search_latency(site: Path, queries: list[str]) -> list[float]:
    """Seconds from the last keystroke to the first results, once the index is loaded."""
    from playwright.sync_api import sync_playwright

    times = []
    with serve(site) as base, sync_playwright() as playwright:
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


def lighthouse(site: Path) -> dict[tuple[str, str], dict[str, int]]:
    """Lighthouse scores per (page, form factor)."""
    scores = {}
    with serve(site) as base:
        for name, src in PAGES.items():
            for form in ("mobile", "desktop"):
                with tempfile.NamedTemporaryFile(suffix=".json") as report:
                    command = ["npx", "--yes", "lighthouse@12", base + page_url(src), "--quiet", "--output=json",
                               f"--output-path={report.name}", f"--chrome-path={CHROMIUM}",
                               "--chrome-flags=--headless=new --no-sandbox",
                               "--only-categories=performance,accessibility,best-practices,seo"]
                    if form == "desktop":
                        command.append("--preset=desktop")
                    subprocess.run(command, check=True, capture_output=True, env=dict(ENV, CHROME_PATH=CHROMIUM))
                    data = json.loads(Path(report.name).read_text(encoding="utf-8"))
                scores[(name, form)] = {key: round(value["score"] * 100) for key, value in data["categories"].items()}
    return scores


# --- Report ----------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="strict builds to time (default 5)")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse (npx lighthouse@12)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        times = build_times(args.runs, site)
        total, macros = macro_share(Path(tmp) / "site-2")
        rebuilds = rebuild_after_data_edit(3)
        visits = first_visits(site)
        searches = search_latency(site, ["feedback", "talenten", "droomvraag", "historielijn", "complimenten"])
        scores = lighthouse(site) if args.lighthouse else {}
        index = (site / "search" / "search_index.json").read_bytes()
        own = {name: (site / name).read_bytes() for name in OWN_ASSETS if (site / name).is_file()}

    print("## Build\n")
    print("| measure | figure |\n| --- | ---: |")
    print(f"| strict build, median of {len(times)} (min–max) | {statistics.median(times):.2f} s ({min(times):.2f}–{max(times):.2f}) |")
    print(f"| time in mkdocs-macros (one in-process build of {total:.2f} s) | {macros:.2f} s = {macros / total:.0%} |")
    print(f"| saving a worksheet's YAML → rebuilt page under `mkdocs serve`, median of {len(rebuilds)} | {statistics.median(rebuilds):.2f} s |")

    print("\n## First visit (empty cache; gzip at level 6)\n")
    kinds = ["HTML", "CSS", "JS", "images", "fonts", "search index", "other"]
    print("| page | requests | raw | gzip | " + " | ".join(f"{k} (gzip)" for k in kinds) + " |")
    print("| --- | ---: | ---: | ---: | " + " | ".join("---:" for _ in kinds) + " |")
    for name, rows in visits.items():
        requests = sum(row[2] for row in rows.values())
        raw = sum(row[0] for row in rows.values())
        zipped = sum(row[1] for row in rows.values())
        cells = [f"{kb(rows[k][1])} ({rows[k][2]})" if k in rows else "—" for k in kinds]
        print(f"| {name} | {requests} | {kb(raw)} | {kb(zipped)} | " + " | ".join(cells) + " |")

    print("\n## The site's own CSS and JS\n")
    print("| file | raw | gzip |\n| --- | ---: | ---: |")
    for name, data in own.items():
        print(f"| `{name}` | {kb(len(data))} | {kb(gz(data))} |")
    print(f"| together | {kb(sum(len(d) for d in own.values()))} | {kb(sum(gz(d) for d in own.values()))} |")

    print("\n## Search\n")
    print("| measure | figure |\n| --- | ---: |")
    print(f"| search index (`search_index.json`) | {kb(len(index))} raw, {kb(gz(index))} gzip |")
    print(f"| last keystroke → first results, median of {len(searches)} (max) | {ms(statistics.median(searches))} ({ms(max(searches))}) |")

    if scores:
        print("\n## Lighthouse (performance / accessibility / best practices / SEO)\n")
        print("| page | mobile | desktop |\n| --- | --- | --- |")
        for name in PAGES:
            cells = []
            for form in ("mobile", "desktop"):
                s = scores[(name, form)]
                cells.append(" / ".join(str(s[key]) for key in ("performance", "accessibility", "best-practices", "seo")))
            print(f"| {name} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    main()
