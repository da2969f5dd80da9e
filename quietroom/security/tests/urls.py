"""The site's URLs plus one view that fails, to see the 500 page's headers."""

from django.urls import path

from quietroom.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("a deliberate failure for the 500-page test")


urlpatterns = [path("broken/", broken_view), *site_urlpatterns]
