"""Retention: requests older than the retention period are deleted for good."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from quietroom.core import throttle
from quietroom.inbox.models import AccessLogEntry, ConsultationRequest


def expired(days: int | None = None, now=None):
    """Requests received more than `days` days before `now` (default: the configured period)."""
    days = settings.QUIETROOM_INBOX_RETENTION_DAYS if days is None else days
    if days < 1:
        raise ValueError("The retention period must be at least one day.")
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return ConsultationRequest.objects.received_before(cutoff)


@transaction.atomic
def purge(days: int | None = None, now=None, dry_run: bool = False) -> int:
    """Delete expired requests (rows, not flags) and log each purge; return how many.

    Rate-limit counts whose window is over go too, so none outlives its hour by more than a
    day even on a site nobody writes to.
    """
    doomed = list(expired(days, now).values_list("pk", flat=True))
    if dry_run:
        return len(doomed)
    throttle.forget_expired()
    if not doomed:
        return 0
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(username="retention", request_id=pk, action=AccessLogEntry.Action.PURGED)
        for pk in doomed
    )
    ConsultationRequest.objects.filter(pk__in=doomed).delete()
    return len(doomed)
