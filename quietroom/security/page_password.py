"""The page-password form, limited: a page's password cannot be guessed without end.

Wagtail takes any number of tries. A password shared with a few readers (an imported
WordPress password post's, often a short word) would fall to a script; one address may try
QUIETROOM_PAGE_PASSWORD_LIMIT times an hour, right or wrong, across every page.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import path
from wagtail.views import authenticate_with_password

from quietroom.core import throttle
from quietroom.security.clientip import client_ip

HOUR = 3600


def limited_authenticate_with_password(request, page_view_restriction_id, page_id):
    if request.method == "POST" and not throttle.take(
        "page-password", client_ip(request), settings.QUIETROOM_PAGE_PASSWORD_LIMIT, HOUR
    ):
        response = TemplateResponse(request, "security/page_password_limited.html", status=429)
        response["Retry-After"] = str(HOUR)
        response["Cache-Control"] = "private, no-store"
        return response
    return authenticate_with_password(request, page_view_restriction_id, page_id)


# Included at the site's root, before Wagtail's own URLs: same address, same name.
urlpatterns = [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        limited_authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
]
