"""Who may read the inbox, which requests they may read, and the log of every read."""

from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.models import Site

from quietroom.inbox import keyring
from quietroom.inbox.models import AccessLogEntry, ConsultationRequest, InboxGroupSite

READ = "read_consultationrequest"
PREVIEW = "preview_consultationrequest"


def has_explicit_permission(user, codename: str, app_label: str = "inbox") -> bool:
    """True only when the permission was granted to the user or one of their groups.

    Superuser status alone does not open the inbox (or the subscribers' addresses): reading
    health information is a deliberate grant, never a side effect of being the site's
    administrator.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    granted = Permission.objects.filter(codename=codename, content_type__app_label=app_label)
    return granted.filter(Q(user=user) | Q(group__user=user)).exists()


def can_read_inbox(user) -> bool:
    return has_explicit_permission(user, READ)


def can_preview(user) -> bool:
    return can_read_inbox(user) and has_explicit_permission(user, PREVIEW)


def readable_sites(user):
    """Sites whose requests `user` may read."""
    if not can_read_inbox(user):
        return Site.objects.none()
    return bound_sites(user)


def bound_sites(user):
    """A deployment with a single practice needs no more than the permission. Where several
    practices share one deployment, a group's members see only the sites bound to that group.
    """
    if Site.objects.count() == 1:
        return Site.objects.all()
    return Site.objects.filter(
        pk__in=InboxGroupSite.objects.filter(group__user=user).values("site")
    )


def readable_requests(user):
    return ConsultationRequest.objects.filter(site__in=readable_sites(user))


def log(user, request_id, action: str, detail: str = "") -> None:
    AccessLogEntry.objects.create(
        user=user, username=user.get_username(), request_id=request_id, action=action, detail=detail
    )


def read(consultation: ConsultationRequest, user, action=AccessLogEntry.Action.VIEWED) -> dict:
    """Decrypt a request for `user` and log the read; a key mismatch is logged and re-raised."""
    log(user, consultation.pk, action)
    return keyring.open_sealed(consultation.site_id, consultation.ciphertext)
