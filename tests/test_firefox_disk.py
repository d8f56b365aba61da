"""The site from disk in Debian's Firefox ESR, driven over Marionette
(tests/marionette.py): an answer typed on a sheet is on Mijn antwoorden, and
the probe for storage kept per file gives no false alarm where storage is
shared. (The probe's alarm itself is tested in Chromium, test_browser_store.py:
the Firefox ESR of this machine, 140, shares storage among files.) Skips
where no Firefox is installed, except under CI=true (.ci/run installs it)."""

import os
import shutil
import time

import pytest

from marionette import find_firefox, firefox
from sitebuild import page_url

pytestmark = pytest.mark.browser

STORE = "pig/positief-in-gesprek/v2"


def wait(ff, script, timeout=15.0):
    deadline = time.monotonic() + timeout
    while not ff.run(script):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {script}")
        time.sleep(0.1)


@pytest.mark.skipif(find_firefox() is None and not os.environ.get("CI"), reason="no firefox-esr installed (apt-get install firefox-esr)")
def test_from_disk_in_firefox_answers_reach_mijn_antwoorden(site_dir, tmp_path):
    root = tmp_path / "werkboek"
    shutil.copytree(site_dir, root)
    with firefox(find_firefox()) as ff:
        ff.navigate((root / page_url("werkbladen/hefbomen.md")).as_uri())
        wait(ff, "return document.documentElement.classList.contains('pig-answers-ready')")
        ff.run("""const a = document.querySelector('textarea');
                  a.value = 'Uit Firefox'; a.dispatchEvent(new Event('input')); a.dispatchEvent(new Event('blur'));""")
        wait(ff, f"return (localStorage.getItem('{STORE}') || '').includes('Uit Firefox')")
        time.sleep(3.2)  # the probe's answer (or its time-out) has come
        assert not ff.run("return document.querySelector('[data-pig-perfile]') !== null"), "false alarm"
        ff.navigate((root / page_url("mijn-antwoorden.md")).as_uri())
        wait(ff, "return document.documentElement.classList.contains('pig-answers-ready')")
        shown = ff.run("return [...document.querySelectorAll('.pig-mine__item:not([hidden]) .pig-mine__answer')].map(e => e.textContent)")
        assert shown == ["Uit Firefox"]
