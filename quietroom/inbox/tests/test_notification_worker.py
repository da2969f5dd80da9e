"""The notification email goes out from the worker, and is tried again when the mail server
fails, with nothing of the request or the practice's address in the log."""

import logging

import pytest
from wagtail.models import Site

from quietroom.core.tests.smtp_server import running_smtp
from quietroom.inbox import tasks
from quietroom.inbox.models import ConsultationRequest
from quietroom.inbox.store import notify, store_request
from quietroom.jobs import worker

PRACTICE_EMAIL = "front-desk@linden.example"
CANARY = "Robin Canary-Name"


# The worker closes and reopens database connections between tasks, as a real one does:
# outside the test's own transaction, with the database restored afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_failed_notification_is_tried_again_and_sent_once_the_server_answers(
    home, inbox_keys, queued_tasks, smtp, monkeypatch, caplog
):
    monkeypatch.setattr(tasks, "RETRY_DELAYS", (0, 0, 0))
    site = Site.objects.get(is_default_site=True)
    request = store_request({"name": CANARY, "message": "About sleep."}, site)
    notify(request, PRACTICE_EMAIL, "Linden Tree Counselling")
    assert ConsultationRequest.objects.get(pk=request.pk).notification == "pending"

    with caplog.at_level(logging.INFO):
        worker.run_queued(batch=True, max_tasks=1)  # no mail server on the port yet
    failed = ConsultationRequest.objects.get(pk=request.pk)

    with running_smtp(smtp) as (_, mailbox):
        worker.run_queued(batch=True)

    assert failed.notification == "failed"
    assert failed.notification_error  # the exception's class only
    assert ConsultationRequest.objects.get(pk=request.pk).notification == "sent"
    assert len(mailbox.messages) == 1
    sent = mailbox.messages[0]
    assert sent["to"] == [PRACTICE_EMAIL]
    assert CANARY not in sent["message"].as_string()
    assert PRACTICE_EMAIL not in caplog.text
    assert CANARY not in caplog.text
    assert "trying again later" in caplog.text


def test_after_the_last_attempt_the_notification_stays_failed(
    home, inbox_keys, queued_tasks, smtp, monkeypatch
):
    monkeypatch.setattr(tasks, "RETRY_DELAYS", (0,))
    site = Site.objects.get(is_default_site=True)
    request = store_request({"name": "Someone", "message": "Hello."}, site)
    notify(request, PRACTICE_EMAIL, "Linden Tree Counselling")

    worker.run_queued(batch=True)  # both attempts fail: nobody listens

    assert ConsultationRequest.objects.get(pk=request.pk).notification == "failed"
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.count() == 2
    assert not DBTaskResult.objects.ready().exists()
