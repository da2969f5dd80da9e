"""axe-core in a real Chromium finds no violation on any reader template of the demo site."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from quietroom.core.tests.pages import public_paths
from quietroom.demo.build import build_demo_site
from quietroom.practice.models import ContactPage
from quietroom.theme.tests.browser import chromium_browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


NOT_HTML = {"feed", "atom feed", "robots", "sitemap"}


def page_paths():
    paths = {name: path for name, path in public_paths().items() if name not in NOT_HTML}
    return {**paths, "404": "/this-page-does-not-exist/"}


def format_violations(results) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in results.response["violations"]
    )


@pytest.fixture
def built_demo(monkeypatch, settings, tmp_path):
    # Playwright's sync API runs an event loop; Django's ORM calls stay in this thread.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.DATA_DIR = tmp_path
    build_demo_site()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_the_demo_site(live_server, built_demo, scheme):
    paths = page_paths()
    axe = Axe()
    failures = {}
    with chromium_browser() as browser:
        page = browser.new_page(color_scheme=scheme)
        for name, path in paths.items():
            response = page.goto(live_server.url + path)
            assert response.status == (404 if name == "404" else 200), name
            results = axe.run(page)
            if results.violations_count:
                failures[name] = format_violations(results)
    assert not failures, "\n".join(f"{name}:\n{text}" for name, text in failures.items())


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_contact_form_showing_errors_has_no_violations(live_server, built_demo, scheme):
    axe = Axe()
    with chromium_browser() as browser:
        page = browser.new_page(color_scheme=scheme)
        page.goto(live_server.url + ContactPage.objects.get().url)
        page.fill("#id_name", "Robin")
        page.click("button[type=submit]")
        page.wait_for_selector(".error-summary")
        assert page.locator("[aria-invalid=true]").count() >= 3
        assert page.input_value("#id_name") == "Robin"
        results = axe.run(page)
    assert not results.violations_count, format_violations(results)
