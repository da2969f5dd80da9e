"""A second factor guards the inbox and the admin for those who can read it or grant it (E7)."""

import base64
import re
import time
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from quietroom.core.tests.factories import make_home
from quietroom.security.tests.support import code, location
from quietroom.security.twofactor.views import THROTTLED, WRONG_CODE

INBOX = "/admin/inbox/"
SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"


def wrong(device) -> str:
    return f"{(int(code(device)) + 1) % 1_000_000:06d}"


@pytest.mark.django_db
def test_a_reader_without_a_second_factor_is_sent_to_enrol_from_every_admin_url(client, reader):
    client.force_login(reader)
    for url in (INBOX, "/admin/", "/admin/pages/", "/admin/images/"):
        assert location(client.get(url)).startswith(f"{SETUP}?next=")


@pytest.mark.django_db
def test_the_inbox_view_itself_refuses_an_unverified_reader(client, reader, settings):
    # Even with the admin-wide gate removed, the inbox's own decorator holds.
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "SecondFactor" not in m] + [
        "django_otp.middleware.OTPMiddleware"
    ]
    client.force_login(reader)

    assert location(client.get(INBOX)).startswith(SETUP)


@pytest.mark.django_db
def test_enrolling_shows_a_local_qr_code_and_needs_a_correct_code(client, reader):
    client.force_login(reader)
    page = client.get(f"{SETUP}?next={INBOX}")
    device = TOTPDevice.objects.get(user=reader)
    html = page.content.decode()

    assert page.status_code == 200
    assert "<svg" in html
    assert not re.search(r'src="(https?:)?//', html)
    shown_key = re.search(r"<code>([A-Z2-7 ]+)</code>", html).group(1).replace(" ", "")
    assert base64.b32decode(shown_key + "=" * (-len(shown_key) % 8)) == device.bin_key
    assert not device.confirmed

    done = client.post(SETUP, {"token": code(device), "next": INBOX})
    assert done.status_code == 200
    assert f'href="{INBOX}"' in done.content.decode()
    assert TOTPDevice.objects.get(user=reader).confirmed
    assert client.get(INBOX).status_code == 200


@pytest.mark.django_db
def test_enrolment_refuses_a_wrong_code_and_stays_unconfirmed(client, reader):
    client.force_login(reader)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=reader)

    refused = client.post(SETUP, {"token": wrong(device), "next": INBOX})

    assert WRONG_CODE in refused.content.decode()
    assert not TOTPDevice.objects.get(user=reader).confirmed
    assert client.get(INBOX).status_code == 302


@pytest.mark.django_db
def test_an_enrolled_reader_verifies_and_gets_a_new_session_key(client, reader, enrolled):
    client.force_login(reader)
    before = client.session.session_key

    assert location(client.get(INBOX)).startswith(f"{VERIFY}?next=")
    assert location(client.post(VERIFY, {"token": code(enrolled), "next": INBOX})) == INBOX
    assert client.get(INBOX).status_code == 200
    assert client.session.session_key != before


@pytest.mark.django_db
def test_a_code_cannot_be_used_twice(client, reader, enrolled):
    token = code(enrolled)
    client.force_login(reader)
    assert client.post(VERIFY, {"token": token}).status_code == 302
    client.post(reverse("wagtailadmin_logout"))

    client.force_login(reader)
    replay = client.post(VERIFY, {"token": token})

    assert replay.status_code == 200
    assert WRONG_CODE in replay.content.decode()
    assert client.get(INBOX).status_code == 302


@pytest.mark.django_db
def test_wrong_codes_are_throttled_so_even_the_right_one_waits(client, reader, enrolled):
    client.force_login(reader)
    right = code(enrolled)
    first = client.post(VERIFY, {"token": wrong(enrolled)}).content.decode()
    for _ in range(2):
        client.post(VERIFY, {"token": wrong(enrolled)})
    assert WRONG_CODE in first

    throttled = client.post(VERIFY, {"token": right})

    assert throttled.status_code == 200
    assert THROTTLED in throttled.content.decode()
    assert client.get(INBOX).status_code == 302


@pytest.mark.django_db
def test_a_phone_clock_thirty_seconds_slow_is_accepted(client, reader, enrolled):
    client.force_login(reader)

    response = client.post(VERIFY, {"token": code(enrolled, at=time.time() - 30), "next": INBOX})

    assert location(response) == INBOX


@pytest.mark.django_db
def test_a_code_from_the_next_minute_but_one_is_refused(client, reader, enrolled):
    client.force_login(reader)

    late = client.post(VERIFY, {"token": code(enrolled, at=time.time() + 90)})

    assert WRONG_CODE in late.content.decode()


@pytest.mark.django_db
def test_after_verifying_the_next_url_never_leaves_the_site(client, reader, enrolled):
    client.force_login(reader)

    response = client.post(VERIFY, {"token": code(enrolled), "next": "https://evil.test/"})

    assert location(response) == reverse("wagtailadmin_home")


@pytest.mark.django_db
def test_an_enrolled_user_cannot_enrol_another_device_without_verifying(client, reader, enrolled):
    client.force_login(reader)

    assert location(client.get(SETUP)).startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=reader).count() == 1


@pytest.mark.django_db
def test_a_superuser_can_grant_the_inbox_so_needs_a_second_factor_too(client, admin_user):
    client.force_login(admin_user)

    assert location(client.get("/admin/")).startswith(SETUP)


@pytest.mark.django_db
def test_an_editor_who_cannot_reach_the_inbox_needs_no_second_factor(client, django_user_model):
    make_home()
    editor = django_user_model.objects.create_user("editor", password="a long passphrase")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    editor.groups.add(editors)
    client.force_login(editor)

    assert client.get("/admin/").status_code == 200
    assert client.get(INBOX).status_code == 403


@pytest.mark.django_db
def test_the_demo_admin_gets_a_key_that_the_printed_secret_reproduces(inbox_keys, monkeypatch):
    monkeypatch.setenv("QUIETROOM_ADMIN_PASSWORD", "a-long-demo-passphrase")
    out = StringIO()
    call_command("demo", no_serve=True, stdout=out)
    printed = re.search(r"key: ([A-Z2-7 ]+)", out.getvalue()).group(1).replace(" ", "")
    device = TOTPDevice.objects.get(user__username="admin", confirmed=True)

    assert "otpauth://totp/" in out.getvalue()
    assert base64.b32decode(printed + "=" * (-len(printed) % 8)) == device.bin_key
    second = StringIO()
    call_command("demo", no_serve=True, stdout=second)
    assert "otpauth://" not in second.getvalue()
