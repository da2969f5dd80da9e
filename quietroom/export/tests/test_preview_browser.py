"""In a real Chromium: the static copy, previewed as the export's summary says, works."""

import re
import shlex
import socket
import subprocess
import sys
import time

import pytest

from quietroom.blog.models import ArticlePage
from quietroom.core.tests.ports import free_port
from quietroom.export.static import export_static
from quietroom.theme.tests.browser import chromium_browser

pytestmark = pytest.mark.browser


def wait_for(port: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing answered on port {port}")


@pytest.mark.django_db
def test_the_copy_previewed_as_the_summary_says_shows_its_articles_and_heroes(demo_site, tmp_path):
    report = export_static(tmp_path / "site", base_url="https://linden.example/")
    article = ArticlePage.objects.published().newest_first().first()
    port = free_port()
    hint = re.search(
        r": (python3 -m http\.server .*), then open (\S+)$", report.how_to_preview(port)
    )
    command = [sys.executable, *shlex.split(hint.group(1))[1:]]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(port)
        with chromium_browser() as browser:
            page = browser.new_page()
            page.goto(hint.group(2))
            page.get_by_role("link", name="Articles", exact=True).first.click()
            page.wait_for_load_state()
            listing = page.locator("h1").inner_text()
            page.get_by_role("link", name=article.title, exact=True).first.click()
            page.wait_for_load_state()
            hero = page.get_by_alt_text(article.hero_alt, exact=True)
            hero.wait_for()
            width = hero.evaluate("image => image.complete ? image.naturalWidth : 0")
            page.screenshot(path=tmp_path / "preview.png")
    finally:
        server.terminate()
        server.wait(timeout=10)

    assert listing == "Articles"
    assert width > 0, "the hero image loads"
