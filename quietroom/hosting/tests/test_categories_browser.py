"""In a real Chromium: a practice's owner adds a blog category of their own, with no menu of
practices to pick from (they work on one), and sees it listed."""

import os

import pytest
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from quietroom.blog.models import BlogCategory
from quietroom.core.tests.admin_browser import sign_in
from quietroom.core.tests.factories import current_code, make_category
from quietroom.theme.tests.browser import chromium_browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHOTS = os.environ.get("QUIETROOM_SHOTS")  # a folder to keep the screenshots in, to look at


def test_an_owner_adds_a_category_to_their_own_practice(live_server, practices, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    willow, birch = practices
    owner = get_user_model().objects.get(username="ana@willow.example")
    owner.set_password("a-long-password")
    owner.save()
    device = TOTPDevice.objects.create(user=owner, name="phone", confirmed=True)
    make_category("Birch's own", site=birch.site)

    with chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(60_000)
        sign_in(
            page, live_server.url, owner.username, "a-long-password", lambda: current_code(device)
        )
        for width, scheme in ((1280, "light"), (390, "dark")):
            page.set_viewport_size({"width": width, "height": 900})
            page.emulate_media(color_scheme=scheme)
            page.goto(f"{live_server.url}/admin/snippets/blog/blogcategory/add/")
            assert page.locator("select[name=site]").count() == 0  # one practice: no menu
            name = f"Sleep {width}"
            page.fill("#id_name", name)
            page.fill("#id_description", "On rest, and what gets in its way.")
            if SHOTS:
                page.screenshot(path=f"{SHOTS}/category-add-{width}-{scheme}.png", full_page=True)
            page.get_by_role("button", name="Save").first.click()
            page.get_by_role("link", name=name).wait_for()
            listing = page.content()
            if SHOTS:
                page.screenshot(path=f"{SHOTS}/category-list-{width}-{scheme}.png", full_page=True)
            assert "Birch" not in listing
            made = BlogCategory.objects.get(name=name)
            assert made.site_id == willow.site.pk
            assert made.slug == f"sleep-{width}"
