"""Pages restricted by password or sign-in open, through their real forms, for the people
allowed in, and for nobody else; none of it reaches the page cache (issue 11.12)."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from quietroom.security.tests.support import CANARY, fill, form_of, restricted
from quietroom.serving.tests.support import stored_entry

PAGE_PASSWORD = "harbour lights at seven"
USER_PASSWORD = "a long passphrase for readers"


@pytest.fixture
def password_page(blog):
    return restricted(blog, restriction_type="password", password=PAGE_PASSWORD)


@pytest.fixture
def login_page(blog):
    return restricted(blog, restriction_type="login")


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("member", "m@example.org", USER_PASSWORD)


def cached(page) -> bool:
    """Whether the page cache holds the page for the test client's host or the site's own."""
    hosts = ("testserver", "localhost")
    return any(stored_entry(page.url, host=host) is not None for host in hosts)


def test_the_right_page_password_opens_the_page_through_its_form(client, password_page):
    asked = client.get(password_page.url)
    assert asked.status_code == 200
    assert CANARY not in asked.content.decode()

    sent = fill(client, asked, password=PAGE_PASSWORD)
    assert sent.status_code == 302
    opened = client.get(sent["Location"])

    assert opened.status_code == 200
    assert CANARY in opened.content.decode()


def test_a_wrong_page_password_opens_nothing(client, password_page):
    sent = fill(client, client.get(password_page.url), password="not the password")

    assert sent.status_code == 200
    assert CANARY not in sent.content.decode()
    assert CANARY not in client.get(password_page.url).content.decode()


def test_a_sign_in_restricted_page_opens_after_the_sites_sign_in_form(client, login_page, member):
    asked = client.get(login_page.url)
    assert asked.status_code == 302
    login = client.get(asked["Location"])
    assert login.status_code == 200

    sent = fill(client, login, username="member", password=USER_PASSWORD)
    assert sent.status_code == 302
    assert sent["Location"] == login_page.url
    opened = client.get(login_page.url)

    assert opened.status_code == 200
    assert CANARY in opened.content.decode()


def test_a_wrong_password_on_the_sites_sign_in_form_opens_nothing(client, login_page, member):
    login = client.get(client.get(login_page.url)["Location"])

    sent = fill(client, login, username="member", password="not my password")

    assert sent.status_code == 200
    assert client.get(login_page.url).status_code == 302


def test_a_restricted_page_is_never_cached_for_anyone(password_page, login_page, member):
    reader = Client()
    form = reader.get(password_page.url, headers={"cookie": "csrftoken=" + "x" * 32})
    fill(reader, reader.get(password_page.url), password=PAGE_PASSWORD)
    opened = reader.get(password_page.url)
    someone_else = Client().get(password_page.url)

    assert "no-store" in form["Cache-Control"]
    assert "no-store" in opened["Cache-Control"]
    assert CANARY in opened.content.decode()
    assert CANARY not in someone_else.content.decode()
    assert not cached(password_page)
    assert not cached(login_page)


def test_the_password_form_is_never_cached_with_one_readers_csrf_token(password_page):
    first, second = Client(), Client()
    first.get("/")  # any earlier visit that left a CSRF cookie
    first.cookies["csrftoken"] = "a" * 32
    shown_to_first = first.get(password_page.url)
    shown_to_second = second.get(password_page.url)

    assert form_of(shown_to_first)[1] != form_of(shown_to_second)[1]
    assert not cached(password_page)


def test_the_sites_sign_in_and_password_forms_look_like_the_site(client, password_page):
    for response in (client.get("/_util/login/"), client.get(password_page.url)):
        page = BeautifulSoup(response.content, "html.parser")
        assert page.select_one("header.site-header") is not None
        assert page.find("meta", attrs={"name": "robots", "content": "noindex"}) is not None


def test_page_passwords_cannot_be_guessed_without_end(client, password_page, settings):
    settings.QUIETROOM_PAGE_PASSWORD_LIMIT = 10
    form = client.get(password_page.url)
    wrong = [fill(client, form, password=f"guess {n}").status_code for n in range(10)]

    refused = fill(client, form, password=PAGE_PASSWORD)
    elsewhere = Client()
    action, hidden = form_of(elsewhere.get(password_page.url))
    opened = elsewhere.post(action, {**hidden, "password": PAGE_PASSWORD}, REMOTE_ADDR="10.0.0.9")

    assert wrong == [200] * 10
    assert refused.status_code == 429
    assert CANARY not in client.get(password_page.url).content.decode()
    assert opened.status_code == 302
