"""Recovery codes stand in for the app once each, and never for the second factor itself (E7)."""

import logging
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from quietroom.core.tests.factories import current_code, sign_in_verified
from quietroom.security.tests.support import location
from quietroom.security.twofactor import recovery
from quietroom.security.twofactor.views import THROTTLED, WRONG_CODE, WRONG_RECOVERY_CODE

INBOX = "/admin/inbox/"
SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"
MANAGE = "/admin/two-factor/"
SHOWN_CODE = re.compile(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>")


@pytest.fixture
def codes(reader, enrolled):
    return recovery.replace_codes(reader)


def sign_in_again(client, user):
    client.post(reverse("wagtailadmin_logout"))
    client.force_login(user)


def made_up(codes) -> str:
    candidate = "abcde-fghjk"
    assert candidate not in codes
    return candidate


def stored_tokens(user) -> set[str]:
    return set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))


@pytest.mark.django_db
def test_enrolment_shows_ten_codes_once_on_an_uncacheable_page_and_never_again(client, reader):
    client.force_login(reader)
    client.get(SETUP)
    app = TOTPDevice.objects.get(user=reader)

    done = client.post(SETUP, {"token": current_code(app), "next": INBOX})

    html = done.content.decode()
    shown = SHOWN_CODE.findall(html)
    assert done.status_code == 200
    assert "no-store" in done["Cache-Control"]
    assert "somewhere safe" in html
    assert len(set(shown)) == 10
    assert {recovery.digest(recovery.normalise(code)) for code in shown} == stored_tokens(reader)
    for url in (SETUP, MANAGE, VERIFY, INBOX):
        again = client.get(url, follow=True).content.decode()
        assert not set(SHOWN_CODE.findall(again)) & set(shown), url
        assert not any(code in again for code in shown), url


@pytest.mark.django_db
def test_a_recovery_code_verifies_opens_the_inbox_and_the_page_says_how_many_are_left(
    client, reader, codes
):
    client.force_login(reader)
    assert location(client.get(INBOX)).startswith(VERIFY)

    response = client.post(VERIFY, {"token": codes[0], "next": INBOX})

    assert location(response).startswith(f"{MANAGE}?next=")
    page = client.get(location(response)).content.decode()
    assert "You have 9 unused recovery codes" in page
    assert f'href="{INBOX}"' in page
    assert client.get(INBOX).status_code == 200


@pytest.mark.django_db
def test_a_recovery_code_typed_in_capitals_with_spaces_still_works(client, reader, codes):
    client.force_login(reader)

    typed = " " + codes[3].upper().replace("-", " ") + " "
    client.post(VERIFY, {"token": typed, "next": INBOX})

    assert client.get(INBOX).status_code == 200


@pytest.mark.django_db
def test_the_verification_page_offers_recovery_codes_in_its_label(client, reader, codes):
    client.force_login(reader)

    page = client.get(VERIFY).content.decode()

    assert "or one of your recovery codes" in page


@pytest.mark.django_db
def test_using_a_recovery_code_is_logged_with_the_user_id_and_never_the_code(
    client, reader, codes, caplog
):
    client.force_login(reader)
    with caplog.at_level(logging.INFO, logger="quietroom.security"):
        client.post(VERIFY, {"token": codes[0]})

    messages = [r.getMessage() for r in caplog.records if r.name == "quietroom.security"]
    assert messages == [f"User {reader.pk} signed in with a recovery code; 9 left."]
    assert recovery.normalise(codes[0]) not in caplog.text
    assert codes[0] not in caplog.text


@pytest.mark.django_db
def test_a_recovery_code_works_only_once(client, reader, codes):
    client.force_login(reader)
    assert client.post(VERIFY, {"token": codes[0]}).status_code == 302
    sign_in_again(client, reader)

    replay = client.post(VERIFY, {"token": codes[0], "next": INBOX})

    assert replay.status_code == 200
    assert WRONG_RECOVERY_CODE in replay.content.decode()
    assert client.get(INBOX).status_code == 302
    assert len(stored_tokens(reader)) == 9


@pytest.mark.django_db
def test_a_made_up_recovery_code_is_refused(client, reader, codes):
    client.force_login(reader)

    refused = client.post(VERIFY, {"token": made_up(codes), "next": INBOX})

    assert refused.status_code == 200
    assert WRONG_RECOVERY_CODE in refused.content.decode()
    assert client.get(INBOX).status_code == 302
    assert len(stored_tokens(reader)) == 10


@pytest.mark.django_db
def test_holding_recovery_codes_without_entering_one_opens_nothing(client, reader, codes):
    client.force_login(reader)

    for url in (INBOX, "/admin/", "/admin/pages/", MANAGE):
        assert location(client.get(url)).startswith(f"{VERIFY}?next="), url
    # A code sent anywhere but the verification page proves nothing and is not spent.
    assert location(client.post(MANAGE, {"token": codes[0]})).startswith(VERIFY)
    assert location(client.get(INBOX)).startswith(VERIFY)
    assert len(stored_tokens(reader)) == 10


@pytest.mark.django_db
def test_the_inbox_itself_refuses_a_reader_whose_codes_were_never_entered(
    client, reader, codes, settings
):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "SecondFactor" not in m] + [
        "django_otp.middleware.OTPMiddleware"
    ]
    client.force_login(reader)

    assert client.get(INBOX).status_code == 302


@pytest.mark.django_db
def test_recovery_codes_without_an_enrolled_app_do_not_verify(client, reader, codes, enrolled):
    enrolled.delete()
    client.force_login(reader)

    response = client.post(VERIFY, {"token": codes[0], "next": INBOX})

    assert location(response).startswith(SETUP)
    assert client.get(INBOX).status_code == 302
    assert len(stored_tokens(reader)) == 10


@pytest.mark.django_db
def test_new_codes_need_a_fresh_app_code_and_replace_all_the_old_ones(client, reader):
    app = sign_in_verified(client, reader)
    old = recovery.replace_codes(reader)

    done = client.post(MANAGE, {"token": current_code(app), "next": INBOX})

    new = SHOWN_CODE.findall(done.content.decode())
    assert done.status_code == 200
    assert "no-store" in done["Cache-Control"]
    assert len(set(new)) == 10
    assert not set(new) & set(old)
    assert stored_tokens(reader) == {recovery.digest(recovery.normalise(code)) for code in new}
    assert not SHOWN_CODE.findall(client.get(MANAGE).content.decode())
    sign_in_again(client, reader)
    assert client.post(VERIFY, {"token": new[0]}).status_code == 302
    sign_in_again(client, reader)
    assert WRONG_RECOVERY_CODE in client.post(VERIFY, {"token": old[0]}).content.decode()


@pytest.mark.django_db
def test_new_codes_are_refused_without_a_right_app_code(client, reader):
    app = sign_in_verified(client, reader)
    old = recovery.replace_codes(reader)
    wrong = f"{(int(current_code(app)) + 1) % 1_000_000:06d}"

    refused = client.post(MANAGE, {"token": wrong})
    with_recovery_code = client.post(MANAGE, {"token": old[0]})

    assert WRONG_CODE in refused.content.decode()
    assert "The code is six digits." in with_recovery_code.content.decode()
    assert stored_tokens(reader) == {recovery.digest(recovery.normalise(code)) for code in old}


@pytest.mark.django_db
def test_the_two_factor_page_suggests_new_codes_when_few_or_none_are_left(client, reader):
    sign_in_verified(client, reader)
    recovery.replace_codes(reader)
    plenty = client.get(MANAGE).content.decode()
    tokens = StaticToken.objects.filter(device__user=reader)
    StaticToken.objects.filter(pk__in=list(tokens.values_list("pk", flat=True)[:8])).delete()
    few = client.get(MANAGE).content.decode()
    tokens.delete()
    none = client.get(MANAGE).content.decode()

    assert "You have 10 unused recovery codes" in plenty
    assert "Make new ones now" not in plenty
    assert "You have 2 unused recovery codes" in few
    assert "Few codes are left" in few
    assert "You have 0 unused recovery codes" in none
    assert "No codes are left" in none


@pytest.mark.django_db
def test_the_account_page_links_to_the_two_factor_page_for_an_enrolled_user(client, reader):
    sign_in_verified(client, reader)

    page = client.get(reverse("wagtailadmin_account")).content.decode()

    assert f'href="{MANAGE}"' in page


@pytest.mark.django_db
def test_reset_two_factor_removes_the_recovery_codes_too(client, reader, codes):
    out = StringIO()
    call_command("reset_two_factor", "reader", "--dry-run", stdout=out)
    assert "would remove 1 authenticator device(s) and 10 recovery code(s)" in out.getvalue()
    assert len(stored_tokens(reader)) == 10

    call_command("reset_two_factor", "reader", stdout=out)

    assert "removed 1 authenticator device(s) and 10 recovery code(s)" in out.getvalue()
    assert not StaticDevice.objects.filter(user=reader).exists()
    client.force_login(reader)
    assert location(client.post(VERIFY, {"token": codes[0]})).startswith(SETUP)
    assert location(client.get(INBOX)).startswith(SETUP)


@pytest.mark.django_db
def test_a_session_verified_by_a_recovery_code_ends_when_the_codes_are_reset(client, reader, codes):
    client.force_login(reader)
    client.post(VERIFY, {"token": codes[0]})
    assert client.get(INBOX).status_code == 200

    call_command("reset_two_factor", "reader", stdout=StringIO())

    assert location(client.get(INBOX)).startswith(SETUP)


@pytest.mark.django_db
def test_wrong_recovery_codes_are_throttled_so_even_a_right_one_waits(
    client, reader, codes, settings
):
    # A long first wait, so the test does not depend on how fast it runs.
    settings.OTP_STATIC_THROTTLE_FACTOR = 60
    client.force_login(reader)
    first = client.post(VERIFY, {"token": made_up(codes)}).content.decode()
    for _ in range(2):
        client.post(VERIFY, {"token": made_up(codes)})

    throttled = client.post(VERIFY, {"token": codes[0], "next": INBOX})

    assert WRONG_RECOVERY_CODE in first
    assert THROTTLED in throttled.content.decode()
    assert StaticDevice.objects.get(user=reader).throttling_failure_count >= 1
    assert client.get(INBOX).status_code == 302
    assert len(stored_tokens(reader)) == 10


@pytest.mark.django_db
def test_codes_are_drawn_from_an_unambiguous_alphabet_and_differ_each_time(reader):
    first = recovery.replace_codes(reader)
    second = recovery.replace_codes(reader)

    assert not set(first) & set(second)
    assert all(recovery.is_code(recovery.normalise(code)) for code in first + second)
    assert not any(ch in "01ilo" for code in first + second for ch in code.replace("-", ""))
    assert StaticDevice.objects.filter(user=reader).count() == 1


@pytest.mark.django_db
def test_the_database_holds_no_recovery_code_only_keyed_digests(reader):
    codes = [recovery.normalise(code) for code in recovery.replace_codes(reader)]

    stored = stored_tokens(reader)
    assert not stored & set(codes)
    assert not any(code in token or token in code for code in codes for token in stored)
    assert stored == {recovery.digest(code) for code in codes}


@pytest.mark.django_db
def test_codes_made_before_a_secret_key_rotation_still_work(reader, settings):
    old_key = settings.SECRET_KEY
    codes = recovery.replace_codes(reader)
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "a-new-secret-key-" + "x" * 40, [old_key]

    device = recovery.recovery_device(reader)
    assert recovery.use_code(device, recovery.normalise(codes[0]))
    assert not recovery.use_code(device, recovery.normalise(codes[0]))
