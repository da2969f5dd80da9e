"""In a real Chromium: a hero's alt text starts from the upload's description; author menu."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image
from playwright.sync_api import expect

from quietroom.core.tests.admin_browser import sign_in
from quietroom.core.tests.factories import (
    current_code,
    make_blog,
    make_category,
    make_clinician,
    make_home,
    make_image,
)
from quietroom.theme.tests.browser import chromium_browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DESCRIPTION = "Two armchairs facing each other by a window with morning light"


@pytest.fixture
def writer(live_server, monkeypatch, django_user_model):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    user = django_user_model.objects.create_superuser("writer", "w@example.org", "a-long-password")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return lambda: current_code(device)


def test_an_image_uploaded_with_a_description_fills_the_heros_alt_text(
    live_server, writer, tmp_path
):
    home = make_home()
    blog = make_blog(home, slug="articles")
    make_clinician(home, "Sam Lee")
    make_category("Anxiety")
    make_image("Older picture", description="A garden path in the rain")
    photo = tmp_path / "armchairs.jpg"
    Image.new("RGB", (1200, 800), (150, 120, 90)).save(photo, "JPEG")

    with chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.set_default_timeout(60_000)  # the editor is slow to load on a busy machine
        sign_in(page, live_server.url, "writer", "a-long-password", writer)
        page.goto(f"{live_server.url}/admin/pages/add/blog/articlepage/{blog.pk}/")
        page.locator("#id_hero_image-chooser [data-chooser-action-choose]").first.click()
        modal = page.locator(".modal-dialog")
        modal.get_by_role("tab", name="Upload").click()
        modal.locator("input[type=file]").set_input_files(photo)
        modal.get_by_label("Title").fill("Armchairs")
        modal.get_by_label("Alt text").fill(DESCRIPTION)
        modal.get_by_role("button", name="Upload").click()
        page.locator("#id_hero_image-chooser:not(.blank)").wait_for()
        alt = page.locator("#id_hero_alt")
        expect(alt).to_have_value(DESCRIPTION)
        filled = alt.input_value()
        alt.fill("Two armchairs by a window")
        page.screenshot(path=tmp_path / "hero-alt.png")
        chooser = page.locator("#id_hero_image-chooser")
        chooser.get_by_role("button", name="Actions").click()
        chooser.get_by_role("button", name="Change image").click()
        page.locator(".modal-dialog").get_by_role("link", name="Older picture").click()
        chooser.get_by_text("Older picture").wait_for()
        kept = alt.input_value()
        page.select_option("#id_author", label="Sam Lee")
        page.get_by_label("Anxiety").check()
        page.locator("#id_author").scroll_into_view_if_needed()
        page.screenshot(path=tmp_path / "about-this-article.png")
        ticked = page.get_by_label("Anxiety").is_checked()

    assert filled == DESCRIPTION
    assert kept == "Two armchairs by a window", "what the writer typed is theirs"
    assert ticked, "a category is a checkbox to tick, no Ctrl-click"
