"""Who sees what of a practice's list: counts for its staff, addresses only by a grant."""

from wagtail.models import Site

from quietroom.inbox import access as inbox_access
from quietroom.subscriptions.models import AddressAccess

APP_LABEL = "quietroom_subscriptions"
MANAGE = "manage_subscriber_addresses"


def visible_sites(user):
    """Sites whose counts and send log `user` sees: every site for an administrator; for
    the practice's staff, the sites of their inbox."""
    return Site.objects.all() if user.is_superuser else inbox_access.readable_sites(user)


def can_manage_addresses(user) -> bool:
    """A deliberate grant, like the inbox's: being the administrator is not enough to see
    who asked a therapy practice for its articles."""
    return inbox_access.has_explicit_permission(user, MANAGE, APP_LABEL)


def manageable_sites(user):
    """Sites whose addresses `user` may look up, export and delete."""
    if not can_manage_addresses(user):
        return Site.objects.none()
    return Site.objects.all() if user.is_superuser else inbox_access.bound_sites(user)


def log(site, action: str, found: bool, user=None, username: str = "") -> None:
    AddressAccess.objects.create(
        site=site,
        action=action,
        found=found,
        user=user,
        username=username or (user.get_username() if user else ""),
    )
