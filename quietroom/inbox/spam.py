"""Spam defences that need no third party and no JavaScript.

A honeypot field people never see, a signed start time that must be old enough, and a
per-IP limit on accepted submissions kept in the database so every worker process shares it.
"""

import hashlib
import hmac
import time
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from quietroom.inbox.models import SubmissionThrottle

_SALT = "quietroom.contact.started"


def start_token(now: float | None = None) -> str:
    """A signed record of when the form was shown."""
    return signing.dumps(now if now is not None else time.time(), salt=_SALT)


def seconds_since_start(token: str, now: float | None = None) -> float | None:
    """Seconds since the form was shown, or None when the token is missing or forged."""
    try:
        started = float(signing.loads(token, salt=_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return (now if now is not None else time.time()) - started


def looks_automated(honeypot: str, token: str) -> bool:
    """True for a filled honeypot, a forged or missing start time, or a form sent too fast."""
    if honeypot:
        return True
    elapsed = seconds_since_start(token)
    return elapsed is None or elapsed < settings.QUIETROOM_CONTACT_MIN_SECONDS


def client_key(ip_address: str) -> str:
    """A keyed hash of the address, so no IP address is stored."""
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, ip_address.encode(), hashlib.sha256).hexdigest()


def over_limit(ip_address: str) -> bool:
    window_start = timezone.now() - timedelta(seconds=settings.QUIETROOM_CONTACT_RATE_WINDOW)
    recent = SubmissionThrottle.objects.filter(key=client_key(ip_address), at__gte=window_start)
    return recent.count() >= settings.QUIETROOM_CONTACT_RATE_LIMIT


@transaction.atomic
def record_submission(ip_address: str) -> None:
    window_start = timezone.now() - timedelta(seconds=settings.QUIETROOM_CONTACT_RATE_WINDOW)
    SubmissionThrottle.objects.filter(at__lt=window_start).delete()
    SubmissionThrottle.objects.create(key=client_key(ip_address))
