from django.urls import include, path
from wagtail import hooks

from quietroom.security.twofactor import urls as twofactor_urls


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("two-factor/", include(twofactor_urls, namespace="twofactor"))]
