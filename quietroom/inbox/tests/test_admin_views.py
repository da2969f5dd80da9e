"""The inbox in the admin: only explicit readers get in, every read is logged, nothing cached."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Site

from quietroom.core.tests.factories import make_home, sign_in_verified
from quietroom.inbox import access
from quietroom.inbox.models import AccessLogEntry, ConsultationRequest, InboxGroupSite
from quietroom.inbox.store import store_request
from quietroom.practice.models import PracticeSettings

SECRET = {"name": "Canary Person", "message": "canary message about grief", "email": ""}


def grant(user, *codenames, group_name="Inbox readers"):
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="inbox", codename__in=codenames),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    user.groups.add(group)
    return group


@pytest.fixture
def request_item(home, inbox_keys):
    return store_request(SECRET, home.get_site())


@pytest.fixture
def reader(django_user_model, home):
    user = django_user_model.objects.create_user("reader", password="pw")
    grant(user, access.READ)
    return user


@pytest.fixture
def editor(django_user_model, home):
    user = django_user_model.objects.create_user("editor", password="pw")
    grant(user, group_name="Editors")
    return user


def urls(item):
    return [reverse("inbox:index"), reverse("inbox:detail", args=[item.pk])]


def test_anonymous_visitors_are_sent_to_the_login_page(client, request_item):
    for url in urls(request_item):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("wagtailadmin_login") in response["Location"]


def test_an_editor_without_the_inbox_permission_is_refused(client, editor, request_item):
    client.force_login(editor)
    for url in urls(request_item):
        response = client.get(url)
        assert response.status_code == 403
        assert b"Canary" not in response.content
    assert not AccessLogEntry.objects.exists()


def test_a_superuser_without_an_explicit_grant_is_refused(client, django_user_model, request_item):
    admin = django_user_model.objects.create_superuser("boss", password="pw")
    sign_in_verified(client, admin)

    response = client.get(reverse("inbox:detail", args=[request_item.pk]))

    assert response.status_code == 403
    assert b"Canary" not in response.content


def test_a_reader_sees_the_list_without_previews_and_opens_a_request(client, reader, request_item):
    sign_in_verified(client, reader)

    listing = client.get(reverse("inbox:index"))
    detail = client.get(reverse("inbox:detail", args=[request_item.pk]))

    assert listing.status_code == 200
    assert b"canary message" not in listing.content
    assert detail.status_code == 200
    assert b"Canary Person" in detail.content
    assert b"canary message about grief" in detail.content


def test_each_open_writes_one_access_log_row(client, reader, request_item):
    sign_in_verified(client, reader)

    client.get(reverse("inbox:detail", args=[request_item.pk]))
    client.get(reverse("inbox:detail", args=[request_item.pk]))

    entries = AccessLogEntry.objects.filter(action=AccessLogEntry.Action.VIEWED)
    assert entries.count() == 2
    assert {(e.user, e.username, e.request_id) for e in entries} == {
        (reader, "reader", request_item.pk)
    }


def test_previews_need_their_own_permission_and_are_logged(client, reader, request_item):
    grant(reader, access.PREVIEW)
    sign_in_verified(client, reader)

    listing = client.get(reverse("inbox:index"))

    assert b"canary message about grief" in listing.content
    assert AccessLogEntry.objects.filter(action=AccessLogEntry.Action.PREVIEWED).count() == 1


def test_inbox_pages_are_never_cached(client, reader, request_item):
    sign_in_verified(client, reader)
    for url in urls(request_item):
        cache_control = client.get(url)["Cache-Control"]
        assert "no-store" in cache_control
        assert "private" in cache_control


def test_xss_in_a_request_is_shown_as_text(client, reader, home, inbox_keys):
    item = store_request({**SECRET, "name": "<img src=x onerror=alert(1)>"}, home.get_site())
    sign_in_verified(client, reader)

    response = client.get(reverse("inbox:detail", args=[item.pk]))

    assert b"&lt;img src=x onerror=alert(1)&gt;" in response.content
    assert b"<img src=x" not in response.content


def test_mark_handled_then_archive_then_delete_for_real(client, reader, request_item):
    sign_in_verified(client, reader)
    status_url = reverse("inbox:status", args=[request_item.pk])

    client.post(status_url, {"status": "handled"})
    request_item.refresh_from_db()
    assert request_item.status == "handled"
    client.post(status_url, {"status": "archived"})
    assert (
        reverse("inbox:detail", args=[request_item.pk]).encode()
        not in client.get(reverse("inbox:index")).content
    )
    client.post(reverse("inbox:delete", args=[request_item.pk]))

    assert not ConsultationRequest.objects.exists()
    actions = list(AccessLogEntry.objects.order_by("at", "pk").values_list("action", "detail"))
    assert actions == [("status", "handled"), ("status", "archived"), ("deleted", "")]


def test_get_never_changes_state(client, reader, request_item):
    sign_in_verified(client, reader)

    client.get(reverse("inbox:status", args=[request_item.pk]) + "?status=archived")
    client.get(reverse("inbox:delete", args=[request_item.pk]))

    request_item.refresh_from_db()
    assert request_item.status == "new"


def test_a_reader_of_one_practice_cannot_open_another_practices_requests(
    client, reader, home, inbox_keys
):
    own_site = home.get_site()
    other_home = make_home("Other practice")
    other_site = Site.objects.create(hostname="other.example", root_page=other_home)
    InboxGroupSite.objects.create(group=reader.groups.get(), site=own_site)
    own = store_request(SECRET, own_site)
    foreign = store_request(SECRET, other_site)
    sign_in_verified(client, reader)

    assert client.get(reverse("inbox:detail", args=[own.pk])).status_code == 200
    missing = client.get(reverse("inbox:detail", args=["00000000-0000-4000-8000-000000000000"]))
    elsewhere = client.get(reverse("inbox:detail", args=[foreign.pk]))
    assert elsewhere.status_code == missing.status_code == 404
    assert client.post(reverse("inbox:delete", args=[foreign.pk])).status_code == 404
    assert ConsultationRequest.objects.filter(pk=foreign.pk).exists()


def test_with_several_practices_an_unbound_group_reads_nothing(client, reader, home, inbox_keys):
    Site.objects.create(hostname="other.example", root_page=make_home("Other"))
    item = store_request(SECRET, Site.objects.get(hostname="localhost"))
    sign_in_verified(client, reader)

    assert client.get(reverse("inbox:detail", args=[item.pk])).status_code == 404


def test_the_access_log_is_for_admins_only(client, reader, django_user_model, request_item):
    sign_in_verified(client, reader)
    client.get(reverse("inbox:detail", args=[request_item.pk]))
    assert client.get(reverse("inbox:access_log")).status_code == 403

    admin = django_user_model.objects.create_superuser("boss", password="pw")
    sign_in_verified(client, admin)
    log = client.get(reverse("inbox:access_log"))

    assert log.status_code == 200
    assert str(request_item.pk).encode() in log.content
    assert b"Canary" not in log.content


def test_a_request_written_with_an_unknown_key_shows_a_mismatch_not_an_error(
    client, reader, request_item
):
    from cryptography.fernet import Fernet

    from quietroom.inbox import crypto

    request_item.ciphertext = crypto.encrypt(SECRET, keys=[Fernet.generate_key()])
    request_item.save()
    sign_in_verified(client, reader)

    response = client.get(reverse("inbox:detail", args=[request_item.pk]))

    assert response.status_code == 200
    assert b"key mismatch" in response.content


def test_the_dashboard_shows_waiting_requests_and_failed_notifications(
    client, reader, home, inbox_keys
):
    item = store_request(SECRET, home.get_site())
    ConsultationRequest.objects.filter(pk=item.pk).update(notification="failed")
    sign_in_verified(client, reader)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "1 new consultation request</a>" in dashboard
    assert "1 notification email could not be sent" in dashboard
    assert "Canary" not in dashboard


def received_at(item, moment):
    ConsultationRequest.objects.filter(pk=item.pk).update(received_at=moment)


def practice_zone(site, name):
    practice = PracticeSettings.for_site(site)
    practice.time_zone = name
    practice.save()


def test_times_are_shown_in_the_practices_own_time_zone(client, reader, home, request_item):
    practice_zone(home.get_site(), "America/Chicago")
    received_at(request_item, datetime.datetime(2026, 7, 1, 3, 30, tzinfo=datetime.UTC))
    sign_in_verified(client, reader)

    listing = client.get(reverse("inbox:index")).content.decode()
    detail = client.get(reverse("inbox:detail", args=[request_item.pk])).content.decode()

    assert "30 Jun 2026, 22:30 CDT" in listing
    assert "30 June 2026, 22:30 CDT" in detail
    assert "03:30" not in listing + detail


def test_each_practice_reads_its_requests_in_its_own_time_zone(client, reader, home, inbox_keys):
    own_site = home.get_site()
    other_site = Site.objects.create(hostname="other.example", root_page=make_home("Other"))
    practice_zone(own_site, "America/Chicago")
    practice_zone(other_site, "Europe/London")
    moment = datetime.datetime(2026, 1, 15, 12, 0, tzinfo=datetime.UTC)
    for site in (own_site, other_site):
        InboxGroupSite.objects.create(group=reader.groups.get(), site=site)
        received_at(store_request(SECRET, site), moment)
    sign_in_verified(client, reader)

    listing = client.get(reverse("inbox:index")).content.decode()

    assert "15 Jan 2026, 06:00 CST" in listing
    assert "15 Jan 2026, 12:00 GMT" in listing


def test_the_practice_time_zone_must_be_a_real_one(home):
    practice = PracticeSettings.for_site(home.get_site())
    practice.time_zone = "Evanston"

    with pytest.raises(ValidationError, match="Choose a time zone"):
        practice.full_clean()


def test_a_new_practice_starts_from_the_deployments_time_zone(home, settings):
    settings.TIME_ZONE = "America/Denver"

    assert PracticeSettings(site=home.get_site()).time_zone == "America/Denver"


def test_readers_allowed_previews_see_who_wrote_each_request(client, reader, request_item):
    grant(reader, access.PREVIEW)
    sign_in_verified(client, reader)

    listing = client.get(reverse("inbox:index")).content.decode()

    assert '<th scope="col">Name</th>' in listing
    assert "<td>Canary Person</td>" in listing


def test_readers_without_previews_see_no_names(client, reader, request_item):
    sign_in_verified(client, reader)

    listing = client.get(reverse("inbox:index")).content.decode()

    assert "Canary Person" not in listing
    assert '<th scope="col">Name</th>' not in listing


def test_marking_a_request_handled_says_so(client, reader, request_item):
    sign_in_verified(client, reader)

    response = client.post(
        reverse("inbox:status", args=[request_item.pk]), {"status": "handled"}, follow=True
    )

    assert "is now marked handled" in response.content.decode()


def test_deleting_a_request_says_so(client, reader, request_item):
    sign_in_verified(client, reader)

    response = client.post(reverse("inbox:delete", args=[request_item.pk]), follow=True)

    assert "was deleted for good" in response.content.decode()


def test_the_group_binding_snippet_has_a_plural_people_can_read():
    assert InboxGroupSite._meta.verbose_name_plural == "inbox sites for groups"
