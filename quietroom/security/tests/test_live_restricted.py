"""Restricted pages over real HTTP, through their real forms (issue 11: 5 and 12).

A page password or an account opens the page for that reader; nobody else sees it, from the
page cache or otherwise; someone held to a second factor needs their code as well.
"""

from pathlib import Path

import pytest
from django_otp.oath import TOTP

from quietroom.security.tests.live_scene import (
    LOGIN_PAGE_CANARY,
    PAGE_PASSWORD,
    PASSWORD,
    PASSWORD_PAGE_CANARY,
)
from quietroom.security.tests.visitors import Visitor

pytestmark = pytest.mark.sqlite_server
VERIFY = "/admin/two-factor/verify/"


def visitor(secure_server, address: str) -> Visitor:
    server, _ = secure_server
    return Visitor(server.port, address=address)


def follow(who: Visitor, answer, where: str = "", hops: int = 6):
    """Follow redirects on this site as a browser would: the last answer and its address."""
    for _ in range(hops):
        if answer.status not in (301, 302, 303):
            break
        where = answer.location
        answer = who.get(where)
    return answer, where


def cached_anywhere(secure_site, canary: str) -> bool:
    env, _ = secure_site
    pages = Path(env["QUIETROOM_DATA_DIR"]) / "cache" / "pages"
    return any(canary.encode() in path.read_bytes() for path in pages.rglob("*") if path.is_file())


def test_the_page_password_opens_the_page_for_that_reader_only(secure_server, secure_site):
    _, scene = secure_server
    page = scene["password_page"]
    reader = visitor(secure_server, "203.0.113.50")

    asked = reader.get(page)
    assert asked.status == 200
    assert PASSWORD_PAGE_CANARY not in asked.text()
    opened, _ = follow(reader, reader.submit(page, {"password": PAGE_PASSWORD}))
    someone_else = visitor(secure_server, "203.0.113.51").get(page)

    assert opened.status == 200
    assert PASSWORD_PAGE_CANARY in opened.text()
    assert "no-store" in opened.headers["cache-control"]
    assert someone_else.status == 200
    assert PASSWORD_PAGE_CANARY not in someone_else.text()
    assert not cached_anywhere(secure_site, PASSWORD_PAGE_CANARY)


def test_a_wrong_page_password_opens_nothing(secure_server):
    _, scene = secure_server
    reader = visitor(secure_server, "203.0.113.52")

    answer, _ = follow(reader, reader.submit(scene["password_page"], {"password": "guess"}))

    assert PASSWORD_PAGE_CANARY not in answer.text()
    assert PASSWORD_PAGE_CANARY not in reader.get(scene["password_page"]).text()


def test_a_sign_in_restricted_page_opens_after_the_sites_sign_in_form(secure_server, secure_site):
    _, scene = secure_server
    page = scene["login_page"]
    reader = visitor(secure_server, "203.0.113.53")

    sent_to_sign_in = reader.get(page)
    assert sent_to_sign_in.status == 302
    login = sent_to_sign_in.location
    signed_in = reader.submit(login, {"username": "reader1", "password": PASSWORD})
    opened, _ = follow(reader, signed_in)

    assert opened.status == 200
    assert LOGIN_PAGE_CANARY in opened.text()
    assert LOGIN_PAGE_CANARY not in visitor(secure_server, "203.0.113.54").get(page).text()
    assert not cached_anywhere(secure_site, LOGIN_PAGE_CANARY)


def test_someone_held_to_a_second_factor_needs_their_code_for_the_page(secure_server):
    _, scene = secure_server
    page = scene["login_page"]
    therapist = visitor(secure_server, "203.0.113.55")
    login = therapist.get(page).location

    signed_in = therapist.submit(login, {"username": "therapist2", "password": PASSWORD})
    asked, where = follow(therapist, signed_in)
    assert where.startswith(f"{VERIFY}?next=")
    assert LOGIN_PAGE_CANARY not in asked.text()

    code = f"{TOTP(bytes.fromhex(scene['totp_key'])).token():06d}"
    opened, where = follow(therapist, therapist.submit(where, {"token": code}))

    assert where == page
    assert opened.status == 200
    assert LOGIN_PAGE_CANARY in opened.text()
