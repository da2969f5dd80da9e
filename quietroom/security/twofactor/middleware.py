"""Keep users who need a second factor out of the admin, and out of everything restricted to
signed-in readers, until they have proved one."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse
from django_otp import user_has_device
from django_otp.middleware import OTPMiddleware

from quietroom.security.paths import is_admin_path
from quietroom.security.twofactor.required import is_verified, requires_second_factor

# What an unverified user may still reach: signing in and out, enrolling, verifying, and
# the admin's icon sprite and translations those pages load.
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "twofactor:setup",
    "twofactor:verify",
}


# The site's own sign-in page (pages and documents restricted to signed-in readers send people
# there): someone held to a second factor who already gave their password is asked for the code.
SITE_SIGN_IN = "wagtailcore_login"


def second_factor_redirect(request):
    """A redirect to enrolment or verification, or None when the request may go on."""
    user = request.user
    if not requires_second_factor(user) or is_verified(user):
        return None
    if not is_admin_path(request.path_info):
        return outside_the_admin(request)
    if view_name_of(request) in OPEN_VIEWS:
        return None
    return next_step(request)


def outside_the_admin(request):
    """A password alone opens nothing here: the user is a reader not signed in, except on the
    site's sign-in page, which sends them on to the code (and then where they were going)."""
    if request.method in ("GET", "HEAD") and view_name_of(request) == SITE_SIGN_IN:
        return redirect_to_login(
            request.GET.get("next", "/"), login_url=reverse(next_step_name(request))
        )
    request.user = AnonymousUser()
    return None


def view_name_of(request) -> str | None:
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return None


def next_step_name(request) -> str:
    enrolled = user_has_device(request.user, confirmed=True)
    return "twofactor:verify" if enrolled else "twofactor:setup"


def next_step(request):
    """Send the user to verify their device, or to enrol one when they have none."""
    return redirect_to_login(request.get_full_path(), login_url=reverse(next_step_name(request)))


class SecondFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (it marks `request.user` verified or not), plus the gate."""

    sync_capable = True
    async_capable = False

    def __call__(self, request):
        self._install_lazy_accessors(request)
        return second_factor_redirect(request) or self.get_response(request)
