"""Admin views Quietroom replaces, matched before Wagtail's own (same addresses and names),
and wrapped as Wagtail wraps its own: admin access where Wagtail asks for it, never cached."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from quietroom.security.logout import PostOnlyLogoutView
from quietroom.security.password_reset import LimitedPasswordResetView
from quietroom.security.reach import PermittedPageTypesUsageView

PAGE_TYPES = "reports/page-types-usage/"

for_admin_users = [
    # Signing out only by POST.
    path("logout/", PostOnlyLogoutView.as_view(), name="wagtailadmin_logout"),
    # Only pages the user may explore.
    path(PAGE_TYPES, PermittedPageTypesUsageView.as_view()),
    path(f"{PAGE_TYPES}results/", PermittedPageTypesUsageView.as_view(results_only=True)),
]
for_anyone = [
    # Limited, and sending its email after the reply.
    path("password_reset/", LimitedPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
]
urlpatterns = decorate_urlpatterns(
    decorate_urlpatterns(for_admin_users, require_admin_access) + for_anyone, never_cache
)
