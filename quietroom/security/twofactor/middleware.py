"""Keep users who need a second factor out of the admin until they have proved one."""

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


def second_factor_redirect(request):
    """A redirect to enrolment or verification, or None when the request may go on."""
    user = request.user
    if not is_admin_path(request.path_info):
        return None
    if not requires_second_factor(user) or is_verified(user):
        return None
    try:
        view_name = resolve(request.path_info).view_name
    except Resolver404:
        return None
    if view_name in OPEN_VIEWS:
        return None
    return next_step(request)


def next_step(request):
    """Send the user to verify their device, or to enrol one when they have none."""
    enrolled = user_has_device(request.user, confirmed=True)
    step = "twofactor:verify" if enrolled else "twofactor:setup"
    return redirect_to_login(request.get_full_path(), login_url=reverse(step))


class SecondFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (it marks `request.user` verified or not), plus the gate."""

    sync_capable = True
    async_capable = False

    def __call__(self, request):
        self._install_lazy_accessors(request)
        return second_factor_redirect(request) or self.get_response(request)
