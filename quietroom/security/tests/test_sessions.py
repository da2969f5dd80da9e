"""Cookies, session fixation, staff timeouts, passwords, sign-in redirects (E3, E4, E8, B3)."""

import time

import pytest
from django.contrib.auth import get_user_model, password_validation
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.exceptions import ValidationError

from quietroom.core.tests.factories import sign_in_verified
from quietroom.security import outbox, sessions
from quietroom.settings import https as https_settings

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def over_https(settings):
    """The production settings that need HTTPS, on top of the test settings."""
    for name in dir(https_settings):
        if name.isupper():
            setattr(settings, name, getattr(https_settings, name))


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor1", "e@example.org", PASSWORD)


def sign_in(client, password=PASSWORD, **extra):
    return client.post(
        LOGIN, {"username": "editor1", "password": password}, REMOTE_ADDR="127.0.0.5", **extra
    )


@pytest.mark.django_db
def test_over_https_both_cookies_are_host_only_secure_and_httponly(client, editor, over_https):
    client.get(LOGIN, secure=True)
    csrf = client.cookies["__Host-csrftoken"]
    sign_in(client, secure=True)
    session = client.cookies["__Host-sessionid"]

    for cookie in (csrf, session):
        assert cookie["secure"] is True
        assert cookie["httponly"] is True
        assert cookie["path"] == "/"
        assert cookie["domain"] == ""
    assert csrf["samesite"] == "Strict"
    assert csrf["max-age"] == ""  # gone when the browser closes
    assert session["samesite"] == "Lax"


@pytest.mark.django_db
def test_an_anonymous_reader_gets_no_cookie(client, demo_site):
    for path in ("/", "/articles/", "/this-does-not-exist/"):
        assert not client.get(path).cookies, path


@pytest.mark.django_db
def test_signing_in_replaces_a_session_key_chosen_beforehand(client, editor):
    client.get(LOGIN)
    session = client.session
    session["planted"] = "by an attacker"
    session.save()
    planted_key = session.session_key
    client.cookies["sessionid"] = planted_key

    sign_in(client)

    assert client.session.session_key != planted_key
    assert not Session.objects.filter(session_key=planted_key).exists()


@pytest.mark.django_db
def test_after_signing_out_the_old_session_cookie_opens_nothing(client, editor):
    sign_in_verified(client, editor)
    old_key = client.session.session_key
    assert client.get("/admin/").status_code == 200

    client.post("/admin/logout/")
    client.cookies["sessionid"] = old_key

    assert client.get("/admin/").status_code == 302
    assert not Session.objects.filter(session_key=old_key).exists()


@pytest.mark.django_db
def test_changing_the_password_ends_the_other_browsers_sessions(client, editor, django_user_model):
    from django.test import Client

    other_browser = Client()
    sign_in_verified(other_browser, editor)
    assert other_browser.get("/admin/").status_code == 200

    user = django_user_model.objects.get(pk=editor.pk)
    user.set_password("another long passphrase")
    user.save()

    assert other_browser.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_an_inbox_reader_idle_for_half_an_hour_is_signed_out(client, editor):
    sign_in_verified(client, editor)
    session = client.session
    session[sessions.SEEN_AT] = time.time() - 31 * 60
    session.save()

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_an_active_session_still_ends_eight_hours_after_sign_in(client, editor):
    sign_in_verified(client, editor)
    session = client.session
    session[sessions.SIGNED_IN_AT] = time.time() - 8 * 3600 - 60
    session[sessions.SEEN_AT] = time.time()
    session.save()

    assert client.get("/admin/").status_code == 302


def test_idle_time_only_counts_for_staff_held_to_the_strict_rule():
    now = time.time()
    quiet_hour = {sessions.SIGNED_IN_AT: now - 3600, sessions.SEEN_AT: now - 3600}

    assert sessions.expired(quiet_hour, strict=True, now=now)
    assert not sessions.expired(quiet_hour, strict=False, now=now)


@pytest.mark.parametrize(
    "password",
    ["short pass", "password1234", "editor1-pass", "12345678901234"],
)
def test_weak_passwords_are_refused(password):
    user = get_user_model()(username="editor1", email="e@example.org")
    with pytest.raises(ValidationError):
        password_validation.validate_password(password, user)


def test_a_long_passphrase_is_accepted():
    password_validation.validate_password("quiet lanterns over the harbour")


@pytest.mark.django_db
def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, editor, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://practice.example"
    reset = "/admin/password_reset/"
    known = client.post(reset, {"email": "e@example.org"}, headers={"host": "other.example"})
    unknown = client.post(reset, {"email": "nobody@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    outbox.flush()  # reset emails leave after the reply
    assert len(mail.outbox) == 1
    assert "https://practice.example/admin/password_reset/confirm/" in mail.outbox[0].body
    assert "other.example" not in mail.outbox[0].body


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["https://evil.test/", "//evil.test/", "/\\evil.test/"])
def test_signing_in_never_redirects_off_the_site(client, editor, target):
    response = client.post(
        LOGIN,
        {"username": "editor1", "password": PASSWORD, "next": target},
        REMOTE_ADDR="127.0.0.6",
    )

    assert response.status_code == 302
    assert "evil.test" not in response["Location"]


@pytest.mark.django_db
def test_an_unknown_host_header_is_refused(client, settings, home):
    settings.ALLOWED_HOSTS = ["practice.example"]
    for path in ("/", "/admin/login/", "/admin/password_reset/"):
        assert client.get(path, headers={"host": "evil.test"}).status_code == 400


@pytest.mark.django_db
def test_deactivating_a_user_ends_their_sessions_at_the_next_request(client, editor):
    sign_in_verified(client, editor)
    assert client.get("/admin/").status_code == 200

    type(editor).objects.filter(pk=editor.pk).update(is_active=False)

    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_an_admin_post_without_a_csrf_token_or_from_another_origin_is_refused(editor, home):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    sign_in_verified(browser, editor)
    edit = f"/admin/pages/{home.pk}/edit/"

    missing = browser.post(edit, {"title": "Defaced"})
    token = browser.get(edit).context["csrf_token"]
    foreign = browser.post(
        edit,
        {"title": "Defaced", "csrfmiddlewaretoken": str(token)},
        headers={"origin": "https://evil.test"},
        secure=True,
    )

    assert missing.status_code == foreign.status_code == 403
    home.refresh_from_db()
    assert home.title != "Defaced"
