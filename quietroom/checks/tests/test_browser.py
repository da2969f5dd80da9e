"""In a real Chromium: the content note passes axe, and a finding's link takes the writer to
its field."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.plugins.otp_totp.models import TOTPDevice

from quietroom.blog.models import ArticlePage
from quietroom.core.tests.admin_browser import sign_in
from quietroom.core.tests.factories import current_code, make_image
from quietroom.demo.build import build_demo_site
from quietroom.theme.tests.browser import chromium_browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo(live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    build_demo_site()
    return live_server


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_article_with_a_content_note_has_no_axe_violations(demo, scheme):
    article = ArticlePage.objects.get(slug="grief-has-no-schedule")
    article.content_note = "This article talks about the death of someone close."
    article.save_revision().publish()

    with chromium_browser() as browser:
        page = browser.new_page(color_scheme=scheme)
        page.goto(demo.url + article.url)
        assert page.locator(".content-note .crisis").is_visible()
        results = Axe().run(page)

    assert results.violations_count == 0, results.generate_report()


def test_a_finding_link_scrolls_the_editor_to_the_field_and_focuses_it(demo, django_user_model):
    writer = django_user_model.objects.create_superuser(
        "writer", "w@example.org", "a-long-password"
    )
    device = TOTPDevice.objects.create(user=writer, name="phone", confirmed=True)
    article = ArticlePage.objects.get(slug="first-therapy-session")
    image = {"image": make_image().pk, "alt_text": "", "caption": ""}
    article.body = [*article.body.raw_data, {"type": "image", "value": image}]
    article.title = "What your first therapy session is actually like, step by step"
    article.save_revision()

    with chromium_browser() as browser:
        # wait_for_function evaluates its string with eval(), which the admin's CSP forbids.
        page = browser.new_page(bypass_csp=True)
        page.goto(f"{demo.url}/admin/login/")
        page.fill("#id_username", "writer")
        page.fill("#id_password", "a-long-password")
        page.click("button[type=submit]")
        page.fill("#id_token", current_code(device))  # a superuser proves a second factor
        page.click("button[type=submit]")
        page.wait_for_url(f"{demo.url}/admin/")
        page.goto(f"{demo.url}/admin/pages/{article.pk}/edit/")
        page.get_by_role("link", name="Body, block 6 (image)").click()
        page.wait_for_function("(document.activeElement.name || '').endsWith('-value-alt_text')")
        in_body = page.evaluate("document.activeElement.name")
        page.get_by_role("link", name="Title tag (Promote tab)").click()
        page.wait_for_function("document.activeElement.name === 'seo_title'")
        on_promote_tab = page.url

    assert in_body.endswith("-value-alt_text")
    assert on_promote_tab.endswith("#tab-promote")


WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


def test_the_preview_panel_shows_the_article_and_its_quality_report_under_the_real_policy(
    demo, django_user_model, tmp_path
):
    writer = django_user_model.objects.create_superuser(
        "writer", "w@example.org", "a-long-password"
    )
    device = TOTPDevice.objects.create(user=writer, name="phone", confirmed=True)
    article = ArticlePage.objects.get(slug="first-therapy-session")
    console = []

    with chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 900})  # the real policy
        page.set_default_timeout(60_000)  # the editor is slow to load on a busy machine
        page.add_init_script(WATCH_CSP)
        page.on("console", lambda message: console.append(message.text))
        sign_in(page, demo.url, "writer", "a-long-password", lambda: current_code(device))
        page.goto(f"{demo.url}/admin/pages/{article.pk}/edit/")
        page.click("button[data-side-panel-toggle=preview]")
        preview = page.frame_locator("#w-preview-iframe")
        preview.locator("h1", has_text=article.title).wait_for()
        page.screenshot(path=tmp_path / "preview-article.png")
        page.select_option("#id_preview_mode", "quality")
        preview.locator("h1", has_text="Quality report").wait_for()
        report_text = preview.locator("main").inner_text()
        page.screenshot(path=tmp_path / "preview-quality.png")
        frames = [frame.evaluate("window.__csp") for frame in page.frames]

    assert f"For “{article.title}”" in report_text
    assert "min to read" in report_text
    assert [violation for found in frames for violation in found] == []
    assert not [m for m in console if "Content Security Policy" in m or "frame-ancestors" in m]
