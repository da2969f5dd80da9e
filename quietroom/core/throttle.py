"""How often someone did something, per window: one count per sender, scope and window.

Used by the contact form and the password reset. Counts live in the database, so every worker
process and host shares them. What is stored is little and short-lived: a keyed hash of the
sender (never an address or an email), the end of the window, and a count; no moment of any
request. A count is forgotten once its window is over.
"""

import time

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.crypto import salted_hmac

from quietroom.core.models import RateCount


def sender_key(scope: str, value: str) -> str:
    """A keyed hash of `value` (HMAC-SHA256 under a key derived from SECRET_KEY)."""
    return salted_hmac(f"quietroom.throttle.{scope}", value, algorithm="sha256").hexdigest()


def window_end(seconds: int, now: float | None = None) -> int:
    """The end of the clock-aligned window of `seconds` that `now` falls in."""
    moment = time.time() if now is None else now
    return (int(moment) // seconds + 1) * seconds


def take(scope: str, value: str, limit: int, seconds: int, now: float | None = None) -> bool:
    """Count one use by `value` in this window; False, counting nothing, at the limit already.

    Atomic on SQLite and PostgreSQL alike: the count only moves through an UPDATE that checks
    the limit in the same statement, so requests arriving together cannot all pass a check
    made before any of them counted.
    """
    if limit <= 0:
        return False
    ends_at, key = window_end(seconds, now), sender_key(scope, value)
    forget_expired(now)
    mine = RateCount.objects.filter(scope=scope, key=key, ends_at=ends_at)
    if mine.filter(count__lt=limit).update(count=F("count") + 1):
        return True
    # No row below the limit: either none yet, or one at the limit, or one another request
    # committed after the UPDATE above looked (so "a row exists" cannot mean "at the limit").
    # The insert tells these apart, and the unique key makes it safe to try.
    try:
        with transaction.atomic():
            RateCount.objects.create(scope=scope, key=key, ends_at=ends_at, count=1)
        return True
    except IntegrityError:
        if not mine.exists():
            raise  # not a race with another request: a real failure to write
        # Another request made the row first: count on it.
        return bool(mine.filter(count__lt=limit).update(count=F("count") + 1))


def over_limit(scope: str, value: str, limit: int, seconds: int, now: float | None = None) -> bool:
    """Whether `value` has used up this window already; counts nothing."""
    counted = RateCount.objects.filter(
        scope=scope, key=sender_key(scope, value), ends_at=window_end(seconds, now)
    ).values_list("count", flat=True)
    return next(iter(counted), 0) >= limit


def forget_expired(now: float | None = None) -> int:
    """Delete every count whose window has ended; how many."""
    moment = time.time() if now is None else now
    deleted, _ = RateCount.objects.filter(ends_at__lte=int(moment)).delete()
    return deleted
