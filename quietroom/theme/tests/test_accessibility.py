"""axe-core in a real Chromium finds no violation on any reader template, in every style,
light and dark. One demo and one browser for the whole sweep."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from wagtail.models import Site

from quietroom.core.tests.pages import public_paths
from quietroom.demo.build import build_demo_site
from quietroom.practice.models import ContactPage
from quietroom.theme.branding import BrandChange, change_brand
from quietroom.theme.palette import STYLES
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


def use_style(name: str) -> None:
    site = Site.objects.get(is_default_site=True)
    change_brand(site, BrandChange(style=name, accent_colour=STYLES[name].suggested_accent))


def contact_form_with_errors(page, url):
    page.goto(url)
    page.fill("#id_name", "Robin")
    page.click("main button[type=submit]")
    page.wait_for_selector(".error-summary")
    assert page.locator("[aria-invalid=true]").count() >= 3
    assert page.input_value("#id_name") == "Robin"


def test_axe_finds_no_violations_in_any_style_light_or_dark(live_server, built_demo):
    paths = page_paths()
    contact = ContactPage.objects.get().url
    axe = Axe()
    failures = {}
    with chromium_browser() as browser:
        for style in STYLES:
            use_style(style)
            for scheme in ("light", "dark"):
                page = browser.new_page(color_scheme=scheme)
                for name, path in paths.items():
                    response = page.goto(live_server.url + path)
                    assert response.status == (404 if name == "404" else 200), name
                    results = axe.run(page)
                    if results.violations_count:
                        failures[f"{style}, {scheme}, {name}"] = format_violations(results)
                contact_form_with_errors(page, live_server.url + contact)
                results = axe.run(page)
                if results.violations_count:
                    failures[f"{style}, {scheme}, contact form with errors"] = format_violations(
                        results
                    )
                page.close()
    assert not failures, "\n".join(f"{name}:\n{text}" for name, text in failures.items())
