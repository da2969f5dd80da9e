"""In a real Chromium at phone width: the crisis line first, and after a mistake the summary."""

import pytest

from quietroom.core.tests.factories import make_contact_page, make_home
from quietroom.theme.tests.browser import chromium_browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


def in_viewport(page, selector) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + 40 <= PHONE["height"]


def test_on_a_phone_a_refused_request_opens_at_its_error_summary(
    live_server, inbox_keys, monkeypatch, tmp_path
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    contact = make_contact_page(make_home())

    with chromium_browser() as browser:
        page = browser.new_page(viewport=PHONE, java_script_enabled=False)
        page.goto(live_server.url + contact.url)
        crisis_first = in_viewport(page, "section[aria-labelledby=crisis-top]")
        page.fill("#id_name", "Robin")
        page.click("main button[type=submit]")
        page.wait_for_selector("#errors")
        page.screenshot(path=tmp_path / "contact-errors-phone.png")
        summary_shown = in_viewport(page, "#errors")
        scrolled = page.evaluate("window.scrollY")

    assert crisis_first, "the crisis line is on the first screen"
    assert summary_shown, "the error summary is on the screen after the refusal"
    assert scrolled > 0, "the page moved to the summary rather than opening at the top"
