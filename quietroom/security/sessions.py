"""Staff sessions end after a while: sooner, and when idle, for those who can read the inbox."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from quietroom.security.paths import is_admin_path
from quietroom.security.twofactor.required import requires_second_factor

SIGNED_IN_AT = "quietroom_signed_in_at"
SEEN_AT = "quietroom_seen_at"
# Stamping every request would write the session row on every click; a minute is enough.
STAMP_EVERY = 60


def expired(session, strict: bool, now: float) -> bool:
    """True when a session is past its absolute age, or (when `strict`) idle for too long."""
    signed_in = session.get(SIGNED_IN_AT, now)
    if now - signed_in > settings.QUIETROOM_SESSION_MAX_AGE:
        return True
    seen = session.get(SEEN_AT, signed_in)
    return strict and now - seen > settings.QUIETROOM_SESSION_IDLE_TIMEOUT


class StaffSessionTimeoutMiddleware:
    """Sign out an expired session: in the admin, back to the sign-in page; elsewhere quietly."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            now = time.time()
            if expired(request.session, requires_second_factor(user), now):
                logout(request)
                if is_admin_path(request.path_info):
                    login = reverse("wagtailadmin_login")
                    return redirect_to_login(request.get_full_path(), login_url=login)
            else:
                stamp(request.session, now)
        return self.get_response(request)


def stamp(session, now: float) -> None:
    session.setdefault(SIGNED_IN_AT, now)
    if now - session.get(SEEN_AT, 0) > STAMP_EVERY:
        session[SEEN_AT] = now


def stamp_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SIGNED_IN_AT] = now
        request.session[SEEN_AT] = now


def connect() -> None:
    user_logged_in.connect(stamp_sign_in, dispatch_uid="quietroom.security.stamp_sign_in")
