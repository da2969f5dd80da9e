"""Whose figures a user of the admin may see: their own practice's, never another's."""

from wagtail.models import Site

from quietroom.inbox.models import InboxGroupSite


def visible_sites(user):
    """Every site for an administrator, or for anyone on a deployment whose groups are not
    bound to practices; a practice's people (groups bound to sites, as `add_practice` makes
    them) only their own. Nobody without access to the admin."""
    if not (
        user.is_authenticated and user.is_active and user.has_perm("wagtailadmin.access_admin")
    ):
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    bound = InboxGroupSite.objects.filter(group__user=user).values("site")
    return Site.objects.filter(pk__in=bound) if bound.exists() else Site.objects.all()
