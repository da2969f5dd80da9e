from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from quietroom.compliance import admin_urls


@hooks.register("register_admin_urls")
def review_urls():
    return [path("reviews/", include(admin_urls, namespace="compliance"))]


@hooks.register("register_reports_menu_item")
def reviews_menu_item():
    return MenuItem("Due for review", reverse("compliance:reviews"), icon_name="calendar-check")
