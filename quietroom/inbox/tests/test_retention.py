"""Retention: exactly the expired requests are deleted, for real, and each purge is logged."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from quietroom.inbox import retention
from quietroom.inbox.models import AccessLogEntry, ConsultationRequest
from quietroom.inbox.store import store_request


@pytest.fixture
def aged(inbox_keys, home):
    site = home.get_site()

    def make(days_old):
        item = store_request({"message": f"{days_old} days"}, site)
        item.received_at = timezone.now() - timedelta(days=days_old)
        item.save()
        return item

    return {days: make(days) for days in (31, 29, 1)}


def test_purge_deletes_exactly_the_requests_past_retention(aged):
    deleted = retention.purge(days=30)

    assert deleted == 1
    remaining = set(ConsultationRequest.objects.values_list("pk", flat=True))
    assert remaining == {aged[29].pk, aged[1].pk}
    log = AccessLogEntry.objects.get()
    assert (log.request_id, log.action) == (aged[31].pk, AccessLogEntry.Action.PURGED)


def test_dry_run_counts_and_deletes_nothing(aged):
    assert retention.purge(days=30, dry_run=True) == 1
    assert ConsultationRequest.objects.count() == 3


def test_the_command_uses_the_configured_retention(aged, settings):
    settings.QUIETROOM_INBOX_RETENTION_DAYS = 20
    out = StringIO()

    call_command("purge_inbox", stdout=out)

    assert "2 expired request(s) deleted." in out.getvalue()
    assert list(ConsultationRequest.objects.values_list("pk", flat=True)) == [aged[1].pk]


def test_the_command_refuses_a_retention_below_one_day(aged):
    with pytest.raises(CommandError, match="at least one day"):
        call_command("purge_inbox", days=0)
    assert ConsultationRequest.objects.count() == 3
