"""A reader's data request: what the list holds for one address, a copy of it, its deletion.

The admin page and `quietroom subscriber` call these alike, and every call is logged (who,
which practice, what, whether the address was there), never with the address.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from quietroom.subscriptions import access, addresses
from quietroom.subscriptions.models import AddressAccess, Subscriber


@dataclass(frozen=True)
class Held:
    """Everything the list keeps for one address, in the reader's own words' order."""

    hostname: str
    practice: str
    address: str
    frequency: str
    signed_up: datetime
    confirmation_sent: datetime | None
    confirmed: datetime | None

    @classmethod
    def of(cls, subscriber: Subscriber) -> "Held":
        return cls(
            hostname=subscriber.site.hostname,
            practice=subscriber.site.site_name or subscriber.site.hostname,
            address=addresses.unseal(subscriber.site_id, subscriber.address),
            frequency=subscriber.get_frequency_display(),
            signed_up=subscriber.created_at,
            confirmation_sent=subscriber.confirmation_sent_at,
            confirmed=subscriber.confirmed_at,
        )

    def as_json(self) -> dict:
        def moment(value):
            return value.isoformat() if value else None

        return {
            "practice": self.practice,
            "hostname": self.hostname,
            "email": self.address,
            "sends": self.frequency,
            "signed_up": moment(self.signed_up),
            "confirmation_sent": moment(self.confirmation_sent),
            "confirmed": moment(self.confirmed),
            "used_for": "Sending the practice's new articles to this address; nothing else.",
        }


def _find(site, address: str) -> Subscriber | None:
    found = Subscriber.objects.filter(site=site, digest=addresses.digest(site.pk, address))
    return found.select_related("site").first()


def look_up(site, address: str, **who) -> Held | None:
    subscriber = _find(site, address)
    access.log(site, AddressAccess.Action.LOOKED_UP, subscriber is not None, **who)
    return None if subscriber is None else Held.of(subscriber)


def export(site, address: str, **who) -> dict | None:
    subscriber = _find(site, address)
    access.log(site, AddressAccess.Action.EXPORTED, subscriber is not None, **who)
    return None if subscriber is None else Held.of(subscriber).as_json()


def erase(site, address: str, **who) -> bool:
    """Delete the address from `site`'s list; whether it was there."""
    with transaction.atomic():
        subscriber = _find(site, address)
        if subscriber is not None:
            subscriber.delete()
        access.log(site, AddressAccess.Action.DELETED, subscriber is not None, **who)
    return subscriber is not None
