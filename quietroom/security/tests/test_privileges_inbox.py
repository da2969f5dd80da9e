"""Nobody without the inbox permission, nor a reader of another practice, opens a request."""

import re
import uuid

import pytest
from django.urls import reverse
from wagtail.models import Site

from quietroom.core.tests.factories import make_home, sign_in_verified
from quietroom.inbox.models import AccessLogEntry, InboxGroupSite
from quietroom.inbox.store import store_request
from quietroom.security.tests.scene import CANARY, assert_refused, inbox_readers_group, text

CSRF_TOKEN = re.compile(r'(?i)("csrf_?token": |name="csrfmiddlewaretoken" value=)"[^"]*"')


@pytest.fixture
def consultation(home, inbox_keys):
    return store_request({"name": "Canary Person", "message": CANARY, "email": ""}, home.get_site())


def inbox_urls(pk) -> dict:
    return {
        "detail": reverse("inbox:detail", args=[pk]),
        "status": reverse("inbox:status", args=[pk]),
        "delete": reverse("inbox:delete", args=[pk]),
    }


def answer(response) -> tuple:
    # The admin frame carries a fresh CSRF token on every render; nothing else may differ.
    return response.status_code, CSRF_TOKEN.sub("", response.content.decode())


def assert_unchanged(consultation):
    consultation.refresh_from_db()
    assert consultation.status == "new"
    assert not AccessLogEntry.objects.exists()


def test_a_section_editor_is_refused_every_inbox_view_and_nothing_changes(
    client, section_editor, consultation
):
    urls = inbox_urls(consultation.pk)
    for url in (
        reverse("inbox:index"),
        urls["detail"],
        urls["delete"],
        reverse("inbox:access_log"),
    ):
        assert_refused(client.get(url))
    assert_refused(client.post(urls["status"], {"status": "handled"}))
    assert_refused(client.post(urls["delete"]))

    assert_unchanged(consultation)


def test_without_the_inbox_permission_a_real_and_a_random_id_get_the_same_answer(
    client, section_editor, consultation
):
    real, random = inbox_urls(consultation.pk), inbox_urls(uuid.uuid4())

    assert answer(client.get(real["detail"])) == answer(client.get(random["detail"]))
    assert answer(client.post(real["status"], {"status": "handled"})) == answer(
        client.post(random["status"], {"status": "handled"})
    )
    assert answer(client.post(real["delete"])) == answer(client.post(random["delete"]))
    assert_unchanged(consultation)


def test_a_reader_of_another_practice_gets_the_same_404_for_a_real_and_a_random_id(
    client, django_user_model, home, consultation
):
    other_site = Site.objects.create(hostname="other.example", root_page=make_home("Other"))
    group = inbox_readers_group()
    InboxGroupSite.objects.create(group=group, site=other_site)
    reader = django_user_model.objects.create_user("other-reader", password="a long passphrase")
    reader.groups.add(group)
    sign_in_verified(client, reader)
    real, random = inbox_urls(consultation.pk), inbox_urls(uuid.uuid4())

    for method, name in (("get", "detail"), ("post", "status"), ("post", "delete")):
        send = getattr(client, method)
        data = {"status": "handled"}
        elsewhere, missing = send(real[name], data), send(random[name], data)
        assert elsewhere.status_code == 404
        assert answer(elsewhere) == answer(missing)
        assert CANARY.encode() not in elsewhere.content
    assert CANARY not in text(client.get(reverse("inbox:index"), {"status": "all"}))
    assert_unchanged(consultation)


def test_inbox_ids_are_random_uuids_and_no_other_route_reaches_a_request(
    client, django_user_model, consultation
):
    reader = django_user_model.objects.create_user("reader", password="a long passphrase")
    reader.groups.add(inbox_readers_group())
    sign_in_verified(client, reader)

    assert isinstance(consultation.pk, uuid.UUID)
    assert consultation.pk.version == 4
    for url in (
        "/admin/inbox/1/",
        "/admin/snippets/inbox/consultationrequest/",
        "/admin/snippets/choose/inbox/consultationrequest/",
        "/admin/api/main/consultationrequests/",
    ):
        assert_refused(client.get(url))
    assert_unchanged(consultation)
