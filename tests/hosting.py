"""Hosting the built site as IT does, and checking every link of it.

- ``documented_headers()`` reads the response headers IT is told to send
  (``hosting/headers.http``), so the tests serve exactly what is documented;
  ``page_policy()`` reads the Content-Security-Policy a built page carries
  and what it holds inline.
- ``serve()`` runs a static web server on 127.0.0.1 that serves a folder
  under a sub-path, sends those headers, answers a missing address with the
  site's 404 page and redirects ``…/_root/x`` to ``x`` from the site's root,
  as the server snippets in ``hosting/`` do.
- ``crawl()`` follows every internal link of every page, from a web server or
  from disk, and checks that each page, asset, stylesheet reference and the
  search worker answers.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import mimetypes
import os
import posixpath
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sitebuild import ROOT

SUB_PATH = "/kennisbank/werkboek/"


HOSTING = ROOT / "hosting"


def documented_headers() -> dict[str, str]:
    """The response headers IT is told to send: ``hosting/headers.http``."""
    headers = {}
    for line in (HOSTING / "headers.http").read_text(encoding="utf-8").splitlines():
        if line.strip():
            name, value = line.split(":", 1)
            headers[name.strip()] = value.strip()
    return headers


def documented_csp() -> str:
    return documented_headers()["Content-Security-Policy"]


# --- The policy a page carries -------------------------------------------------

def csp_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


@dataclass
class PagePolicy:
    """What a built page says of its policy and what it holds inline."""

    policy: str | None = None
    before_policy: str = ""  # the first script, style or stylesheet before the policy
    scripts: list[str] = field(default_factory=list)  # inline scripts the browser runs
    styles: list[str] = field(default_factory=list)
    shim: str = ""  # the iframe-worker shim's address, loaded from disk
    worker: str = ""  # the search worker's address (Material's settings)
    shim_script: str = ""  # the script the shim writes into its frame for that worker


class _PolicyReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = PagePolicy()
        self._text: list[str] | None = None
        self._kind = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        found = self.found
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            found.policy = attrs.get("content") or ""
        if found.policy is None and not found.before_policy and (
            tag in ("script", "style") or (tag == "link" and attrs.get("rel") == "stylesheet")
        ):
            found.before_policy = self.get_starttag_text()
        if tag == "script" and "src" not in attrs:
            if attrs.get("data-src"):
                found.shim = attrs["data-src"]
            kind = (attrs.get("type") or "text/javascript").lower()
            self._kind = "script" if kind in ("text/javascript", "module") else ("config" if attrs.get("id") == "__config" else "")
            self._text = []
        elif tag == "style":
            self._kind, self._text = "style", []

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._text is not None:
            text = "".join(self._text)
            if self._kind == "script":
                self.found.scripts.append(text)
            elif self._kind == "style":
                self.found.styles.append(text)
            elif self._kind == "config":
                self.found.worker = json.loads(text).get("search", "")
            self._text = None


def page_policy(page: Path) -> PagePolicy:
    """The policy a built page carries and the inline scripts and styles it
    holds (script and style elements are raw text: their text is what the
    browser hashes)."""
    from macros.site.policy import shim_script

    reader = _PolicyReader()
    reader.feed(page.read_text(encoding="utf-8"))
    reader.close()
    found = reader.found
    # The 404 page's addresses start at the site's root ("_root/"), wherever it is shown.
    site = next((folder for folder in page.parents if (folder / "404.html").is_file()), page.parent)
    shim = (site / found.shim.removeprefix("_root/") if found.shim.startswith("_root/") else page.parent / found.shim) if found.shim else None
    if shim and shim.is_file() and found.worker:
        found.shim_script = shim_script(found.worker, shim.read_text(encoding="utf-8"))
    return found


# --- A static web server -----------------------------------------------------

class HostingHandler(SimpleHTTPRequestHandler):
    """Serves ``directory`` under ``prefix`` with ``extra_headers``; quiet."""

    prefix = "/"
    extra_headers: dict[str, str] = {}

    # Real MIME types (nosniff makes the browser hold the server to them).
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".json": "application/json",
                      ".svg": "image/svg+xml", ".zip": "application/zip", ".css": "text/css"}

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        """Any address with "/_root/" in it is redirected to that path from
        the site's root, as hosting/'s server snippets do (the 404 page's links)."""
        clean = urllib.parse.urlsplit(self.path).path
        match = re.match(rf"^({re.escape(self.prefix)})(?:.*/)?_root/(.*)$", clean)
        if match:
            self.send_response(302)
            self.send_header("Location", match.group(1) + match.group(2))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return super().send_head()

    def translate_path(self, path):
        clean = urllib.parse.urlsplit(path).path
        if clean + "/" == self.prefix:  # the sub-path without its slash: redirected by the base class
            clean = self.prefix
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / "\0outside")  # never a file
        return super().translate_path("/" + clean[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():  # like nginx's error_page / Apache's ErrorDocument
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@contextlib.contextmanager
def serve(directory: Path, prefix: str = "/", headers: dict[str, str] | None = None):
    """Serve ``directory`` at http://127.0.0.1:PORT``prefix``; yield that URL."""
    handler = type("Handler", (HostingHandler,), {"prefix": prefix, "extra_headers": dict(headers or {})})
    server = ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: handler(*a, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


# --- nginx with the project's snippet --------------------------------------------

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").is_file() else None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def nginx(site: Path, tmp: Path):
    """nginx serving ``site`` with exactly hosting/nginx.conf (its root
    moved to ``tmp``); yield the server's address (http://127.0.0.1:PORT)."""
    if NGINX is None:
        raise RuntimeError("nginx is not installed (apt-get install nginx-light; .ci/run does)")
    snippet = (HOSTING / "nginx.conf").read_text(encoding="utf-8")
    # The map goes in the http block, the rest in the server block (as the snippet says).
    http_part = re.search(r"^map .*?^\}\n", snippet, re.S | re.M).group(0)
    server_part = snippet.replace(http_part, "")
    www = tmp / "www"
    (www / SUB_PATH.strip("/")).parent.mkdir(parents=True)
    (www / SUB_PATH.strip("/")).symlink_to(site.resolve(), target_is_directory=True)
    port = free_port()
    temp = {name: tmp / name for name in ("client", "proxy", "fastcgi", "uwsgi", "scgi")}
    for folder in temp.values():
        folder.mkdir()
    config = tmp / "nginx.conf"
    config.write_text(
        f"""daemon off;
{"user root;" if os.geteuid() == 0 else ""}
pid {tmp / "nginx.pid"};
error_log {tmp / "error.log"};
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {temp["client"]}; proxy_temp_path {temp["proxy"]}; fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]}; scgi_temp_path {temp["scgi"]};
{http_part}
    server {{
        listen 127.0.0.1:{port};
        root {tmp / "empty"};
{server_part.replace("root /srv/www;", f"root {www};")}
    }}
}}
""",
        encoding="utf-8",
    )
    server = subprocess.Popen([NGINX, "-c", str(config), "-p", str(tmp)], stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            if server.poll() is not None:
                raise RuntimeError(f"nginx stopped: {server.stderr.read().decode()}")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


# --- A link checker ------------------------------------------------------------

# (tag, attribute) pairs whose URL the browser loads by itself, and links.
ASSET_ATTRS = {("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src"),
               ("video", "src"), ("audio", "src"), ("object", "data"), ("embed", "src")}
LINK_ATTRS = {("a", "href"), ("area", "href")}


class _References(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.assets: list[str] = []
        self.links: list[str] = []
        self._config = False
        self.config_text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for (t, name) in ASSET_ATTRS | LINK_ATTRS:
            if t == tag and attrs.get(name):
                (self.links if (t, name) in LINK_ATTRS else self.assets).append(attrs[name])
        if tag in ("img", "source") and attrs.get("srcset"):
            self.assets += [part.strip().split()[0] for part in attrs["srcset"].split(",") if part.strip()]
        self._config = tag == "script" and attrs.get("id") == "__config"

    def handle_data(self, data):
        if self._config:
            self.config_text += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._config = False


@dataclass
class Answer:
    status: int
    content_type: str
    body: bytes


def fetch(url: str) -> Answer:
    """GET ``url`` (http or file) without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(url, timeout=10) as response:
            content_type = response.headers.get("Content-Type") or mimetypes.guess_type(url)[0] or ""
            return Answer(getattr(response, "status", None) or 200, content_type, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers.get("Content-Type", ""), b"")
    except (urllib.error.URLError, OSError):  # a missing file, from disk
        return Answer(404, "", b"")


@dataclass
class Crawl:
    base: str
    pages: set[str] = field(default_factory=set)
    checked: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    outside_links: set[str] = field(default_factory=set)


def crawl(base: str, start: str = "index.html", allowed_missing: set[str] = frozenset()) -> Crawl:
    """Follow every internal link from ``base + start``; check each answers 200.

    ``base`` is the site's root (``http://host/kennisbank/werkboek/`` or
    ``file:///…/site/``). A reference is internal when it resolves under
    ``base``; an asset (script, style, image, icon, the search worker) must
    be internal; a link elsewhere is only recorded.
    """
    result = Crawl(base)
    queue = [urllib.parse.urljoin(base, start)]
    while queue:
        url = queue.pop()
        if url in result.checked:
            continue
        answer = fetch(url)
        result.checked[url] = answer.status
        if answer.status != 200:
            if url.removeprefix(base) not in allowed_missing:
                result.problems.append(f"{url}: {answer.status}")
            continue
        mime = answer.content_type.split(";")[0].strip()
        if mime == "text/html":
            result.pages.add(url.removeprefix(base))
            queue += _references_of_page(url, answer.body.decode("utf-8"), result)
        elif mime == "text/css":
            queue += _references_of_css(url, answer.body.decode("utf-8"), result)
    return result


def _resolve(url: str, ref: str) -> str:
    return urllib.parse.urldefrag(urllib.parse.urljoin(url, ref.strip())).url


def _internal(target: str, base: str) -> bool:
    return target.startswith(base)


def _references_of_page(url: str, html: str, result: Crawl) -> list[str]:
    refs = _References()
    refs.feed(html)
    follow = []
    config_urls = []
    if refs.config_text:  # Material's settings: the site's base and its search worker
        config = json.loads(refs.config_text)
        search = "search/search_index.json" if result.base.startswith("http") else "search/search_index.js"
        config_urls = [config["search"], posixpath.join(config["base"], search)]
    for ref in refs.assets + config_urls:
        _load(url, ref, result, follow)
    for ref in refs.links:
        if ref.startswith(("#", "mailto:", "tel:")):
            continue
        target = _resolve(url, ref)
        scheme = urllib.parse.urlsplit(target).scheme
        if _internal(target, result.base):
            follow.append(target)
        elif scheme in ("http", "https") and urllib.parse.urlsplit(target).netloc != urllib.parse.urlsplit(result.base).netloc:
            result.outside_links.add(target)  # a link to another site: the reader's choice
        else:
            result.problems.append(f"{url}: link {ref!r} leaves the site's folder")
    return follow


def _references_of_css(url: str, css: str, result: Crawl) -> list[str]:
    follow = []
    for ref in re.findall(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""", css):
        _load(url, ref, result, follow)
    return follow


def _load(url: str, ref: str, result: Crawl, follow: list[str]) -> None:
    """An asset the browser loads by itself: followed inside the site, a
    problem outside it; data: URLs are part of the page."""
    if ref.startswith("data:"):
        return
    target = _resolve(url, ref)
    if _internal(target, result.base):
        follow.append(target)
    else:
        result.problems.append(f"{url}: loads {ref!r} from outside the site")
