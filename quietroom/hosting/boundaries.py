"""Where a practice's people may go in the admin: their own practice, never another.

A user whose groups are bound to sites (the binding `add_practice` makes) works on those
sites only; a user bound to none (a superuser, or anyone on a deployment of one practice)
is not narrowed here. Pages, images and documents are already bounded by the groups' page
and collection rights; what Wagtail scopes by model rather than by site is narrowed here:
site settings, and the page chooser's list of live pages (security/reach.py asks through
the `quietroom_user_sites` hook).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from wagtail.models import Site

from quietroom.inbox.models import InboxGroupSite


def bound_sites(user) -> frozenset[int] | None:
    """Ids of the sites `user` works on, or None when they are not bound to any."""
    if not user.is_authenticated or user.is_superuser:
        return None
    found = frozenset(
        InboxGroupSite.objects.filter(group__user=user).values_list("site_id", flat=True)
    )
    return found or None


def root_paths(site_ids) -> list[str]:
    return list(Site.objects.filter(pk__in=site_ids).values_list("root_page__path", flat=True))


class PracticeBoundaryMiddleware:
    """Refuses the settings of another practice's site (Wagtail's settings permission is per
    model, so it would otherwise open every site's)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        match = request.resolver_match
        if match is None or "wagtailsettings" not in match.namespaces:
            return None
        sites = bound_sites(request.user)
        if sites is None:
            return None
        site_pk = kwargs.get("pk")
        if site_pk is None:
            if "app_name" in kwargs and "model_name" in kwargs:
                return redirect(
                    "wagtailsettings:edit", kwargs["app_name"], kwargs["model_name"], min(sites)
                )
            return None
        if int(site_pk) not in sites:
            raise PermissionDenied
        return None
