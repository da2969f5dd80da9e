"""Where a practice's people may go in the admin: their own practice, never another.

A user whose groups are bound to sites (the binding `add_practice` makes) works on those
sites only; a user bound to none (a superuser, or anyone on a deployment of one practice)
is not narrowed here. Pages, images and documents are bounded by the groups' page and
collection rights, site settings by Wagtail's per-site settings rights (GroupSitePermission).
What Wagtail scopes by model rather than by site is narrowed by the apps below, which ask
core/bounds.py (answered from here): the page chooser's list of live pages
(security/reach.py) and the blog's categories (blog/wagtail_hooks.py); the page chooser
opened on another practice's page is refused here.
"""

from django.http import Http404
from wagtail.models import Page, Site

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


def within(page_path: str, roots: list[str]) -> bool:
    """Whether a page at `page_path` is one of `roots`, under one, or above them all (the
    tree's root, where a chooser starts)."""
    return any(page_path.startswith(root) or root.startswith(page_path) for root in roots)


class PracticeBoundaryMiddleware:
    """Refuses the page chooser opened on another practice's page: its title heads the
    listing even when the listing itself is narrowed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        match = request.resolver_match
        if match is None or match.url_name != "wagtailadmin_choose_page_child":
            return None
        sites = bound_sites(request.user)
        if sites is None:
            return None
        parent = Page.objects.filter(pk=kwargs["parent_page_id"]).values_list("path", flat=True)
        if not parent or not within(parent[0], root_paths(sites)):
            raise Http404
        return None
