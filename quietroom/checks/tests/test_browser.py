"""In a real Chromium: the content note passes axe, and a finding's link takes the writer to
its field."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from quietroom.blog.models import ArticlePage
from quietroom.core.tests.factories import make_image
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
    django_user_model.objects.create_superuser("writer", "w@example.org", "a-long-password")
    article = ArticlePage.objects.get(slug="first-therapy-session")
    image = {"image": make_image().pk, "alt_text": "", "caption": ""}
    article.body = [*article.body.raw_data, {"type": "image", "value": image}]
    article.title = "What your first therapy session is actually like, step by step"
    article.save_revision()

    with chromium_browser() as browser:
        page = browser.new_page()
        page.goto(f"{demo.url}/admin/login/")
        page.fill("#id_username", "writer")
        page.fill("#id_password", "a-long-password")
        page.click("button[type=submit]")
        page.goto(f"{demo.url}/admin/pages/{article.pk}/edit/")
        page.get_by_role("link", name="Body, block 6 (image)").click()
        page.wait_for_function("(document.activeElement.name || '').endsWith('-value-alt_text')")
        in_body = page.evaluate("document.activeElement.name")
        page.get_by_role("link", name="Title tag (Promote tab)").click()
        page.wait_for_function("document.activeElement.name === 'seo_title'")
        on_promote_tab = page.url

    assert in_body.endswith("-value-alt_text")
    assert on_promote_tab.endswith("#tab-promote")
