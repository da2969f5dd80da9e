"""In a real Chromium: rename the practice once, and every place shows the new name."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Site

from quietroom.core.tests.admin_browser import sign_in
from quietroom.core.tests.factories import current_code, make_home
from quietroom.theme.tests.browser import chromium_browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_NAME = "Willow Street Therapy"


def test_a_practice_renamed_in_its_settings_is_renamed_everywhere(
    live_server, monkeypatch, django_user_model, tmp_path
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    home = make_home()
    site = Site.objects.get(is_default_site=True)
    owner = django_user_model.objects.create_superuser("owner", "o@example.org", "a-long-pw-1")
    device = TOTPDevice.objects.create(user=owner, name="phone", confirmed=True)

    with chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(60_000)  # the admin is slow to load on a busy machine
        page.goto(live_server.url + home.url)
        heading_before = page.locator("h1").inner_text()
        sign_in(page, live_server.url, "owner", "a-long-pw-1", lambda: current_code(device))
        page.goto(f"{live_server.url}/admin/settings/practice/practicesettings/{site.pk}/")
        page.fill("#id_name", NEW_NAME)
        page.get_by_role("button", name="Save").first.click()
        page.get_by_text("updated").first.wait_for()
        dashboard = page.goto(f"{live_server.url}/admin/") and page.locator("h1").inner_text()
        page.goto(f"{live_server.url}/admin/sites/")
        sites_list = page.locator("main").inner_text()
        page.goto(live_server.url + home.url)
        heading_after = page.locator("h1").inner_text()
        page.screenshot(path=tmp_path / "home-renamed.png")
        signed_out = browser.new_page()
        signed_out.goto(f"{live_server.url}/admin/login/")
        sign_in_heading = signed_out.locator("h1").inner_text()
        sign_in_title = signed_out.title()

    assert heading_before == "Our practice"
    assert heading_after == NEW_NAME
    assert dashboard == NEW_NAME
    assert NEW_NAME in sites_list
    assert sign_in_heading == f"Sign in to {NEW_NAME}"
    assert sign_in_title == f"Sign in - {NEW_NAME}"
