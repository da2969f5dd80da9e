from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from quietroom.stats import access, urls
from quietroom.stats.panels import ReadersPanel


@hooks.register("register_admin_urls")
def stats_urls():
    return [path("readers/", include(urls, namespace="stats"))]


class ReadersMenuItem(MenuItem):
    def is_shown(self, request):
        return access.visible_sites(request.user).exists()


@hooks.register("register_admin_menu_item")
def readers_menu_item():
    return ReadersMenuItem("Readers", reverse("stats:index"), icon_name="view", order=160)


@hooks.register("construct_homepage_panels")
def readers_panel(request, panels):
    sites = access.visible_sites(request.user)
    if sites.exists():
        panels.append(ReadersPanel(sites))
