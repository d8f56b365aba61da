"""A minimal client of Firefox's Marionette protocol, enough to open pages
and run scripts in Debian's firefox-esr (Playwright's own Firefox cannot be
downloaded here). Messages are `length:json`; a command is
[0, id, name, params], its answer [1, id, error, result]."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path


def find_firefox() -> str | None:
    return shutil.which("firefox-esr") or shutil.which("firefox")


class Marionette:
    def __init__(self, port: int):
        deadline = time.monotonic() + 30
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        self.buffer = b""
        self.next_id = 0
        self._read()  # the server's greeting
        self.command("WebDriver:NewSession", {"capabilities": {"alwaysMatch": {"acceptInsecureCerts": True}}})

    def _read(self):
        while b":" not in self.buffer:
            self.buffer += self.sock.recv(65536)
        length, rest = self.buffer.split(b":", 1)
        while len(rest) < int(length):
            rest += self.sock.recv(65536)
        self.buffer = rest[int(length):]
        return json.loads(rest[: int(length)])

    def command(self, name: str, params: dict | None = None):
        self.next_id += 1
        data = json.dumps([0, self.next_id, name, params or {}]).encode()
        self.sock.sendall(str(len(data)).encode() + b":" + data)
        while True:
            answer = self._read()
            if answer[0] == 1 and answer[1] == self.next_id:
                if answer[2]:
                    raise RuntimeError(f"{name}: {answer[2]}")
                return answer[3]

    def navigate(self, url: str) -> None:
        self.command("WebDriver:Navigate", {"url": url})

    def run(self, script: str, args: list | None = None):
        """Run the body of a function (`return …`) in the page."""
        return self.command("WebDriver:ExecuteScript", {"script": script, "args": args or []}).get("value")


@contextmanager
def firefox(path: str, port: int = 2828):
    profile = Path(tempfile.mkdtemp(prefix="pig-firefox-"))
    (profile / "user.js").write_text(
        f'user_pref("marionette.port", {port});\n'
        'user_pref("browser.shell.checkDefaultBrowser", false);\n'
        'user_pref("app.update.enabled", false);\n'
        'user_pref("datareporting.policy.dataSubmissionEnabled", false);\n'
        'user_pref("network.proxy.type", 0);\n',
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [path, "--headless", "--marionette", "--no-remote", "--profile", str(profile)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        client = Marionette(port)
        yield client
        try:
            client.command("Marionette:Quit")
        except Exception:
            pass
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)
