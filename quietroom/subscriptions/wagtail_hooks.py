from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from quietroom.subscriptions import access, admin_urls
from quietroom.subscriptions.panels import SubscribersPanel


@hooks.register("construct_homepage_panels")
def subscribers_panel(request, panels):
    sites = access.visible_sites(request.user)
    if sites.exists():
        panels.append(SubscribersPanel(sites))


@hooks.register("register_admin_urls")
def subscriber_urls():
    return [path("subscribers/", include(admin_urls, namespace="subscriptions"))]


class SubscribersMenuItem(MenuItem):
    def is_shown(self, request):
        return access.visible_sites(request.user).exists()


class AddressLogMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_menu_item")
def subscribers_menu_item():
    return SubscribersMenuItem(
        "Subscribers", reverse("subscriptions:index"), icon_name="group", order=160
    )


@hooks.register("register_settings_menu_item")
def address_log_menu_item():
    return AddressLogMenuItem(
        "Subscriber address log", reverse("subscriptions:access_log"), icon_name="list-ul"
    )


@hooks.register("register_permissions")
def subscriber_permissions():
    return Permission.objects.filter(
        content_type__app_label=access.APP_LABEL, codename=access.MANAGE
    )


@hooks.register("quietroom_reads_sensitive_data")
def reads_addresses(user) -> bool:
    """Whoever may see the list's addresses proves a second factor, like the inbox's readers."""
    return access.can_manage_addresses(user)
