from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from quietroom.inbox import access, urls
from quietroom.inbox.models import InboxGroupSite
from quietroom.inbox.panels import InboxSummaryPanel

register_snippet(InboxGroupSite)


@hooks.register("register_admin_urls")
def inbox_urls():
    return [path("inbox/", include(urls, namespace="inbox"))]


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return access.can_read_inbox(request.user)


class AccessLogMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_menu_item")
def inbox_menu_item():
    return InboxMenuItem("Inbox", reverse("inbox:index"), icon_name="mail", order=150)


@hooks.register("register_settings_menu_item")
def access_log_menu_item():
    return AccessLogMenuItem("Inbox access log", reverse("inbox:access_log"), icon_name="list-ul")


@hooks.register("register_permissions")
def inbox_permissions():
    return Permission.objects.filter(
        content_type__app_label="inbox",
        codename__in=[access.READ, access.PREVIEW],
    )


@hooks.register("construct_homepage_panels")
def failed_notifications_notice(request, panels):
    if access.can_read_inbox(request.user):
        panels.insert(0, InboxSummaryPanel(access.readable_requests(request.user)))


@hooks.register("quietroom_reads_sensitive_data")
def reads_the_inbox(user) -> bool:
    """Inbox readers must prove a second factor (security/twofactor)."""
    return access.can_read_inbox(user)
