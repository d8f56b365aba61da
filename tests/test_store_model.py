"""The store's rules (docs/assets/answers-store.js) tested without a
browser: node runs tests/js/*.test.js (fast; the browser tests keep the
journeys). Without node the test skips, except under CI=true."""

import os
import re
import shutil
import subprocess

import pytest

from sitebuild import DOCS, ROOT

MODEL = DOCS / "assets" / "answers-store.js"


def test_the_store_model_has_no_page_code():
    code = re.sub(r"//[^\n]*", "", MODEL.read_text(encoding="utf-8"))
    for page_word in ["document", "window", "localStorage", "location", "addEventListener"]:
        assert page_word not in code, page_word


def test_the_store_model_passes_its_node_tests():
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but node is missing (apt-get install nodejs)")
        pytest.skip("node is missing (apt-get install nodejs)")
    done = subprocess.run([node, "--test", str(ROOT / "tests" / "js")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert re.search(r"^# pass [1-9]", done.stdout, re.M), done.stdout[-2000:]
