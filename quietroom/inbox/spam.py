"""Spam defences that need no third party and no JavaScript.

A honeypot field people never see, a signed start time that must be old enough (a person
takes a few seconds) and young enough (one token cannot be replayed for ever), and a limit on
accepted submissions per address and hour, counted in the database (quietroom/core/throttle.py)
so every worker process shares it.
"""

import time

from django.conf import settings
from django.core import signing

from quietroom.core import throttle

_SALT = "quietroom.contact.started"
SCOPE = "contact"


class OverLimit(Exception):
    """The sender has had as many requests accepted this window as the limit allows."""


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
    """True for a filled honeypot, a forged or missing start time, a form sent too fast, or a
    start time past its lifetime (the person's text is kept and a fresh one given)."""
    if honeypot:
        return True
    elapsed = seconds_since_start(token)
    return (
        elapsed is None
        or elapsed < settings.QUIETROOM_CONTACT_MIN_SECONDS
        or elapsed > settings.QUIETROOM_CONTACT_MAX_SECONDS
    )


def over_limit(ip_address: str) -> bool:
    """A quick look before the form is read; `take_slot` is what holds the limit."""
    return throttle.over_limit(SCOPE, ip_address, *_limit())


def take_slot(ip_address: str) -> None:
    """Count one accepted request from `ip_address`; raises OverLimit at the limit."""
    if not throttle.take(SCOPE, ip_address, *_limit()):
        raise OverLimit


def _limit() -> tuple[int, int]:
    return settings.QUIETROOM_CONTACT_RATE_LIMIT, settings.QUIETROOM_CONTACT_RATE_WINDOW
