from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from quietroom.core.views import robots_txt
from quietroom.reliability.views import healthz
from quietroom.search.views import search_view
from quietroom.security import admin_urls as security_admin_urls
from quietroom.security import page_password
from quietroom.security.media import serve_media
from quietroom.serving import views as serving_views
from quietroom.subscriptions import urls as subscription_urls

urlpatterns = [
    # Before Wagtail's own: sign-out, password reset and a report, hardened.
    path("admin/", include(security_admin_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
    path("search/", search_view, name="search"),
    path("", include(subscription_urls)),
    # Before Wagtail's own: the page-password form, limited per address.
    path("", include(page_password)),
]

# Renditions (and staff avatars, with QUIETROOM_SERVE_MEDIA); never documents or originals.
# What is served is decided on the normalised path, in quietroom/security/media.py.
urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve_media))

urlpatterns += [
    # Same pattern as Wagtail's page view, served with memoized site lookups (serving/views.py),
    # leaving Wagtail's `_util/` views (its sign-in and page-password forms) to Wagtail's URLs.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", serving_views.serve),
    path("", include(wagtail_urls)),
]

handler400 = "quietroom.reliability.views.bad_request"
handler500 = "quietroom.reliability.views.server_error"
