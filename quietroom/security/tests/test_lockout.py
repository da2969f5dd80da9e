"""Password guessing through the real admin sign-in is stopped by django-axes (E1)."""

import datetime
import logging
import re

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.utils import timezone

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"
WRONG = "wrong-password-canary-7731"


@pytest.fixture
def therapist(django_user_model):
    return django_user_model.objects.create_superuser("editor1", "e@example.org", PASSWORD)


def sign_in(client, username, password, ip, **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
        headers=headers,
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.wsgi_request.session


def comparable(response, username) -> str:
    """The page without what differs by design: CSRF tokens and the echoed username."""
    text = response.content.decode().replace(f'value="{username}"', 'value="?"')
    return re.sub(r'(CSRF_TOKEN": "|csrfmiddlewaretoken" value=")[^"]+', r"\1?", text)


def fail(client, username, times, ip, **headers):
    return [sign_in(client, username, WRONG, ip, **headers) for _ in range(times)]


@pytest.mark.django_db
def test_five_wrong_passwords_lock_that_address_even_for_the_right_password(client, therapist):
    first_four = fail(client, "editor1", 4, "127.0.0.10")
    fifth = sign_in(client, "editor1", WRONG, "127.0.0.10")
    sixth = sign_in(client, "editor1", PASSWORD, "127.0.0.10")

    assert [r.status_code for r in first_four] == [200] * 4
    assert not any(signed_in(r) for r in first_four)
    assert fifth.status_code == 429
    assert sixth.status_code == 429
    assert not signed_in(sixth)
    assert b"Sign-in paused" in sixth.content


@pytest.mark.django_db
def test_a_lockout_from_one_address_does_not_lock_the_therapist_out_elsewhere(client, therapist):
    fail(client, "editor1", 5, "127.0.0.10")

    assert signed_in(sign_in(client, "editor1", PASSWORD, "127.0.0.11"))


@pytest.mark.django_db
def test_a_forged_forwarded_for_header_neither_resets_nor_dodges_the_lock(client, therapist):
    fail(client, "editor1", 5, "127.0.0.10")

    for n in range(20):
        response = sign_in(
            client, "editor1", PASSWORD, "127.0.0.10", x_forwarded_for=f"198.51.100.{n}"
        )
        assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.10"}


@pytest.mark.django_db
def test_behind_a_trusted_proxy_the_forwarded_address_is_the_one_locked(
    client, therapist, settings
):
    settings.QUIETROOM_TRUSTED_PROXIES = ["127.0.0.1"]
    fail(client, "editor1", 5, "127.0.0.1", x_forwarded_for="203.0.113.5")

    locked = sign_in(client, "editor1", PASSWORD, "127.0.0.1", x_forwarded_for="203.0.113.5")
    elsewhere = sign_in(client, "editor1", PASSWORD, "127.0.0.1", x_forwarded_for="203.0.113.6")

    assert locked.status_code == 429
    assert signed_in(elsewhere)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}


@pytest.mark.django_db
def test_an_unknown_username_is_treated_exactly_like_a_real_one(client, therapist):
    real = fail(client, "editor1", 6, "127.0.0.20")
    ghost = fail(client, "ghost1", 6, "127.0.0.21")

    assert [r.status_code for r in real] == [r.status_code for r in ghost]
    for mine, theirs in zip(real, ghost, strict=True):
        assert comparable(mine, "editor1") == comparable(theirs, "ghost1")


@pytest.mark.django_db
def test_the_lock_lifts_after_the_thirty_minute_cool_off(client, therapist):
    fail(client, "editor1", 5, "127.0.0.10")
    assert sign_in(client, "editor1", PASSWORD, "127.0.0.10").status_code == 429

    half_an_hour_ago = timezone.now() - datetime.timedelta(minutes=31)
    AccessAttempt.objects.update(attempt_time=half_an_hour_ago)

    assert signed_in(sign_in(client, "editor1", PASSWORD, "127.0.0.10"))


@pytest.mark.django_db
def test_an_administrator_unlocks_a_user_with_the_axes_command(client, therapist):
    fail(client, "editor1", 5, "127.0.0.10")

    call_command("axes_reset_username", "editor1")

    assert signed_in(sign_in(client, "editor1", PASSWORD, "127.0.0.10"))


@pytest.mark.django_db
def test_lockouts_are_logged_without_the_password(client, therapist, caplog):
    with caplog.at_level(logging.INFO):
        fail(client, "editor1", 6, "127.0.0.10")

    lockouts = [r.getMessage() for r in caplog.records if "Locking out" in r.getMessage()]
    assert lockouts
    assert all("editor1" in line and "127.0.0.10" in line for line in lockouts)
    assert WRONG not in caplog.text
    for attempt in AccessAttempt.objects.all():
        assert WRONG not in f"{attempt.get_data} {attempt.post_data}"
