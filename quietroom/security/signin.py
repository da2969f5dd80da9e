"""Sign-in throttling beyond django-axes' lockouts: a delay per username, and a success that
clears only its own failures.

Axes locks an address after five failures, and a username from one address. A username
guessed from many addresses is never locked (anyone could then lock a therapist out); instead
every sign-in for it waits, before its password is checked, for as long as its recent failures
ask: nothing for the first few, then doubling up to a cap. So that waiting sign-ins cannot take
every server thread, only a few may wait at once in a process; beyond that the answer is a
calm 429.
"""

import threading
import time
from contextlib import contextmanager

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.utils import timezone

from quietroom.security.clientip import client_ip

pause = time.sleep  # the tests record the delays instead of waiting them out


class SignInBusy(Exception):
    """More sign-ins are waiting in this process than QUIETROOM_SIGNIN_MAX_WAITING allows."""


def delay_for(failures: int) -> float:
    """Seconds a sign-in waits after `failures` recent failures for its username."""
    after, base = settings.QUIETROOM_SIGNIN_DELAY_AFTER, settings.QUIETROOM_SIGNIN_DELAY_BASE
    if failures < after or base <= 0:
        return 0
    return min(settings.QUIETROOM_SIGNIN_DELAY_MAX, base * 2 ** (failures - after))


def recent_failures(username: str) -> int:
    """Failures for `username` from every address within axes' cool-off time."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(username=username, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class WaitingRoom:
    """How many sign-ins of this process are waiting out their delay right now."""

    def __init__(self):
        self._lock = threading.Lock()
        self.waiting = 0

    @contextmanager
    def seat(self, capacity: int):
        """Wait inside; raises SignInBusy when `capacity` sign-ins are waiting already."""
        with self._lock:
            if self.waiting >= capacity:
                raise SignInBusy
            self.waiting += 1
        try:
            yield
        finally:
            with self._lock:
                self.waiting -= 1


room = WaitingRoom()


class SignInDelayBackend:
    """An authentication backend that authenticates nobody: it only waits.

    Listed after axes' backend (a locked-out sign-in is refused at once, without a seat) and
    before Django's, which checks the password. Known and unknown usernames wait alike. It
    has no `get_user`, so no session is ever tied to it (Django's force_login would pick it).
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is not None and username:
            wait = delay_for(recent_failures(username))
            if wait > 0:
                with room.seat(settings.QUIETROOM_SIGNIN_MAX_WAITING):
                    pause(wait)
        return None


class SignInBusyMiddleware:
    """Turns SignInBusy into a page that says to try again in a minute (429)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, SignInBusy):
            return None
        response = TemplateResponse(request, "security/signin_busy.html", status=429)
        response["Retry-After"] = "60"
        return response.render()


def clear_own_failures(sender, request, user, **kwargs):
    """A success clears the failures of that username at that address, nothing else.

    Axes' own reset (AXES_RESET_ON_SUCCESS) clears every record its lockout parameters match,
    the address-wide one included: one real sign-in to any account wiped the failures of every
    username tried from that address. It is off; this takes its place.
    """
    if request is None:
        return
    address = getattr(request, "axes_ip_address", None) or client_ip(request)
    AccessAttempt.objects.filter(username=user.get_username(), ip_address=address).delete()


def connect() -> None:
    user_logged_in.connect(clear_own_failures, dispatch_uid="quietroom.signin.clear_own_failures")
