"""Each write path is one transaction: a failure part way leaves nothing half-written."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse

from quietroom.core.models import RateCount
from quietroom.core.tests.factories import sign_in_verified, valid_request
from quietroom.demo.build import ADMIN_USERNAME, build_demo_site, ensure_admin
from quietroom.inbox import access
from quietroom.inbox.models import AccessLogEntry, ConsultationRequest
from quietroom.inbox.store import store_request
from quietroom.practice.contact_form import save_submission
from quietroom.practice.models import HomePage
from quietroom.reliability.tests.broken import refused

THROTTLE = RateCount._meta.db_table
ACCESS_LOG = AccessLogEntry._meta.db_table


@pytest.fixture
def reader(client, django_user_model, home, inbox_keys):
    user = django_user_model.objects.create_user("reader", password="pw")
    group = Group.objects.create(name="Inbox readers")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="inbox", codename=access.READ),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    user.groups.add(group)
    sign_in_verified(client, user)  # inbox readers prove a second factor
    return client


@pytest.fixture
def item(home, inbox_keys):
    return store_request({"name": "Sam", "message": "about sleep", "email": ""}, home.get_site())


def test_a_submission_whose_throttle_record_fails_is_not_stored(contact_page, inbox_keys):
    with refused(THROTTLE), pytest.raises(DatabaseError):
        save_submission({"message": "half-written?"}, contact_page.get_site(), "192.0.2.7")

    assert not ConsultationRequest.objects.exists()
    assert not RateCount.objects.exists()


def test_the_contact_form_answers_a_failed_save_with_a_calm_500_and_stores_nothing(
    contact_page, inbox_keys
):
    client = Client(raise_request_exception=False)
    with refused(THROTTLE):
        response = client.post(contact_page.url, valid_request(message="never half-stored"))

    assert response.status_code == 500
    assert b"Traceback" not in response.content
    assert b"may not have been saved" in response.content
    assert not ConsultationRequest.objects.exists()
    assert not RateCount.objects.exists()


def test_a_status_change_whose_log_entry_fails_is_undone(reader, item):
    url = reverse("inbox:status", args=[item.pk])
    with refused(ACCESS_LOG), pytest.raises(DatabaseError):
        reader.post(url, {"status": ConsultationRequest.Status.HANDLED})

    item.refresh_from_db()
    assert item.status == ConsultationRequest.Status.NEW
    assert not AccessLogEntry.objects.exists()


def test_a_deletion_that_fails_leaves_no_log_entry_claiming_it(reader, item):
    url = reverse("inbox:delete", args=[item.pk])
    with refused(ConsultationRequest._meta.db_table, "DELETE"), pytest.raises(DatabaseError):
        reader.post(url)

    assert ConsultationRequest.objects.filter(pk=item.pk).exists()
    assert not AccessLogEntry.objects.exists()


def test_a_demo_build_failing_at_its_last_step_leaves_no_half_built_site(db, inbox_keys):
    # The sample requests are stored last, after every page and image.
    with refused(ConsultationRequest._meta.db_table), pytest.raises(DatabaseError):
        build_demo_site()

    assert not HomePage.objects.exists()
    assert not Group.objects.filter(name="Inbox readers").exists()


def test_a_demo_admin_whose_group_cannot_be_joined_is_not_created(django_user_model, db):
    with refused(django_user_model.groups.through._meta.db_table), pytest.raises(DatabaseError):
        ensure_admin("a-password")

    assert not django_user_model.objects.filter(username=ADMIN_USERNAME).exists()
