"""Subscribing and leaving: plain functions the views and the tests call alike."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from quietroom.core import throttle
from quietroom.subscriptions import addresses
from quietroom.subscriptions.models import Subscriber

SCOPE = "subscribe"
# Sign-ups accepted per connection and hour: a household's worth, not a script's.
LIMIT, WINDOW = 5, 3600


class OverLimit(Exception):
    """This connection has asked for as many subscriptions this hour as it may."""


def subscribe(
    site, address: str, ip_address: str, frequency: str = Subscriber.Frequency.EACH
) -> Subscriber | None:
    """Ask `address` to confirm, unless it is on the list already or was asked a moment ago.

    The answer the reader sees is the same either way, so the form tells nobody whether an
    address is subscribed; and one address gets at most one confirmation email per
    QUIETROOM_SUBSCRIBE_RESEND_MINUTES, whoever types it in. Returns the row a confirmation
    should be sent for, or None.
    """
    from quietroom.subscriptions import tasks

    if not throttle.take(SCOPE, ip_address, LIMIT, WINDOW):
        raise OverLimit
    now = timezone.now()
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.select_for_update().get_or_create(
            site=site,
            digest=addresses.digest(site.pk, address),
            defaults={"address": addresses.seal(site.pk, address), "frequency": frequency},
        )
        if subscriber.confirmed_at:
            return None  # a change of frequency is made from the unsubscribe page
        subscriber.frequency = frequency
        resend = timedelta(minutes=settings.QUIETROOM_SUBSCRIBE_RESEND_MINUTES)
        sent = subscriber.confirmation_sent_at
        if sent and sent + resend > now:
            return None
        subscriber.confirmation_sent_at = now
        subscriber.save(update_fields=["confirmation_sent_at", "frequency"])
        transaction.on_commit(lambda: tasks.send_confirmation.enqueue(subscriber.pk))
    return subscriber


def confirm(subscriber: Subscriber) -> None:
    if not subscriber.confirmed_at:
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at"])


def change_frequency(subscriber: Subscriber, frequency: str) -> None:
    if frequency not in Subscriber.Frequency.values:
        raise ValueError(f"Unknown frequency {frequency!r}")
    subscriber.frequency = frequency
    subscriber.save(update_fields=["frequency"])


def leave(subscriber: Subscriber) -> None:
    """Unsubscribing deletes the address: nothing of the reader is kept."""
    subscriber.delete()


def forget_unconfirmed(now=None) -> int:
    """Delete the rows whose confirmation link has expired; how many."""
    now = now or timezone.now()
    expired = now - timedelta(hours=settings.QUIETROOM_SUBSCRIBE_CONFIRM_HOURS)
    stale = Subscriber.objects.filter(confirmed_at__isnull=True, confirmation_sent_at__lt=expired)
    return stale.delete()[0]
