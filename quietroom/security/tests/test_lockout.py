"""Password guessing through the real admin sign-in is stopped by django-axes (E1)."""

import datetime
import logging

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.utils import timezone

from quietroom.security.tests.support import comparable

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


# One success clears only its own failures (issue 11.2)


@pytest.fixture
def editor(django_user_model):
    """An ordinary editor's account: anyone with one could otherwise lift every lockout."""
    return django_user_model.objects.create_user("editor9", "e9@example.org", PASSWORD)


@pytest.mark.django_db
def test_signing_in_to_ones_own_account_does_not_lift_the_lock_on_guesses_at_another(
    client, therapist, editor
):
    answers = []
    for _ in range(5):
        answers += fail(client, "editor1", 4, "127.0.0.30")
        answers.append(sign_in(client, "editor9", PASSWORD, "127.0.0.30"))
        client.logout()

    assert 429 in [answer.status_code for answer in answers]
    assert sign_in(client, "editor1", PASSWORD, "127.0.0.30").status_code == 429
    assert signed_in(sign_in(client, "editor1", PASSWORD, "127.0.0.31"))


@pytest.mark.django_db
def test_a_success_clears_that_usernames_failures_at_that_address_and_nothing_else(
    client, therapist, editor
):
    fail(client, "editor9", 2, "127.0.0.32")
    fail(client, "editor1", 2, "127.0.0.32")
    fail(client, "editor9", 1, "127.0.0.33")

    assert signed_in(sign_in(client, "editor9", PASSWORD, "127.0.0.32"))

    left = set(AccessAttempt.objects.values_list("username", "ip_address", "failures_since_start"))
    assert left == {("editor1", "127.0.0.32", 2), ("editor9", "127.0.0.33", 1)}


# A username guessed from many addresses is slowed down (E1, issue 11.2)


@pytest.fixture
def waits(monkeypatch, settings):
    """The sign-in delays asked for, recorded instead of slept."""
    from quietroom.security import signin

    settings.QUIETROOM_SIGNIN_DELAY_AFTER = 3
    settings.QUIETROOM_SIGNIN_DELAY_BASE = 0.5
    settings.QUIETROOM_SIGNIN_DELAY_MAX = 4
    asked = []
    monkeypatch.setattr(signin, "pause", asked.append)
    return asked


def test_the_delay_grows_with_a_usernames_recent_failures_up_to_a_cap(settings):
    from quietroom.security.signin import delay_for

    settings.QUIETROOM_SIGNIN_DELAY_AFTER = 3
    settings.QUIETROOM_SIGNIN_DELAY_BASE = 0.5
    settings.QUIETROOM_SIGNIN_DELAY_MAX = 4

    assert [delay_for(n) for n in range(9)] == [0, 0, 0, 0.5, 1, 2, 4, 4, 4]


@pytest.mark.django_db
def test_sixty_guesses_from_sixty_addresses_slow_the_next_sign_in_before_its_password_is_checked(
    client, therapist, waits
):
    for n in range(60):
        assert sign_in(client, "editor1", WRONG, f"198.51.100.{n}").status_code == 200

    right = sign_in(client, "editor1", PASSWORD, "198.51.100.200")

    assert signed_in(right)
    assert waits[-1] == 4
    assert waits[:3] == [0.5, 1, 2]
    assert len(waits) == 61 - 3


@pytest.mark.django_db
def test_an_unknown_username_is_slowed_exactly_like_a_real_one(client, therapist, waits):
    for n in range(5):
        sign_in(client, "editor1", WRONG, f"198.51.100.{n}")
    real = list(waits)
    waits.clear()
    for n in range(5):
        sign_in(client, "ghost1", WRONG, f"198.51.100.{n + 10}")

    assert waits == real == [0.5, 1]


@pytest.mark.django_db
def test_a_username_without_recent_failures_signs_in_at_once(client, therapist, waits):
    fail(client, "someone-else", 6, "127.0.0.40")
    waits.clear()

    assert signed_in(sign_in(client, "editor1", PASSWORD, "127.0.0.41"))
    assert waits == []


@pytest.mark.django_db
def test_sign_ins_beyond_the_waiting_limit_are_refused_calmly(client, therapist, waits, settings):
    from quietroom.security import signin

    settings.QUIETROOM_SIGNIN_MAX_WAITING = 1
    for n in range(3):
        sign_in(client, "editor1", WRONG, f"198.51.100.{n}")
    attempts_before = AccessAttempt.objects.count()

    with signin.room.seat(capacity=1):  # another sign-in is waiting already
        refused = sign_in(client, "editor1", PASSWORD, "198.51.100.9")
        not_delayed = sign_in(client, "editor9", WRONG, "198.51.100.10")

    assert refused.status_code == 429
    assert b"Too many sign-in attempts" in refused.content
    assert not signed_in(refused)
    assert AccessAttempt.objects.count() == attempts_before + 1  # only editor9's failure
    assert not_delayed.status_code == 200
    assert signed_in(sign_in(client, "editor1", PASSWORD, "198.51.100.9"))
