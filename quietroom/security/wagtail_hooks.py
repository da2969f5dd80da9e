from django.urls import include, path, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail import hooks

from quietroom.security import reach
from quietroom.security.twofactor import urls as twofactor_urls


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("two-factor/", include(twofactor_urls, namespace="twofactor"))]


@hooks.register("construct_page_chooser_queryset")
def chooser_shows_only_reachable_drafts(pages, request):
    return reach.choosable_pages(pages, request.user)


# Later than Wagtail's own registration (order 0), so these endpoints replace its ones.
@hooks.register("construct_admin_api", order=100)
def media_api_limited_to_permitted_collections(router):
    router.register_endpoint("images", reach.PermittedImagesAPIViewSet)
    router.register_endpoint("documents", reach.PermittedDocumentsAPIViewSet)


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return None
    return {
        "url": reverse("twofactor:manage"),
        "label": "Two-factor authentication",
        "help_text": "See how many recovery codes you have left, or make new ones.",
    }
