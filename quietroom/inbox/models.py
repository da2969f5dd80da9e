"""Consultation requests (ciphertext only), who opened them, and which groups read which site."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class ConsultationRequestQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site)

    def open(self):
        return self.exclude(status=ConsultationRequest.Status.ARCHIVED)

    def received_before(self, moment):
        return self.filter(received_at__lt=moment)

    def newest_first(self):
        return self.order_by("-received_at", "-pk")


class ConsultationRequest(models.Model):
    """One request from the contact form. Everything the person wrote is in `ciphertext`."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        HANDLED = "handled", "Handled"
        ARCHIVED = "archived", "Archived"

    class Notification(models.TextChoices):
        PENDING = "pending", "Pending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        NOT_CONFIGURED = "none", "No practice email set"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    ciphertext = models.TextField()
    notification = models.CharField(
        max_length=10, choices=Notification.choices, default=Notification.PENDING
    )
    notification_error = models.CharField(max_length=200, blank=True)

    objects = ConsultationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "consultation request"
        default_permissions = ()
        permissions = [
            ("read_consultationrequest", "Can open and manage consultation requests"),
            ("preview_consultationrequest", "Can see message previews in the inbox list"),
        ]

    def __str__(self):
        return f"Consultation request of {self.received_at:%Y-%m-%d %H:%M}"


class AccessLogEntry(models.Model):
    """Who did what to which request, and when. Holds no content of the request."""

    class Action(models.TextChoices):
        VIEWED = "viewed", "Opened"
        PREVIEWED = "previewed", "Previewed in the list"
        STATUS = "status", "Changed status"
        DELETED = "deleted", "Deleted"
        PURGED = "purged", "Purged after the retention period"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True)
    request_id = models.UUIDField(db_index=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    detail = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = "inbox access log entry"
        verbose_name_plural = "inbox access log"
        ordering = ["-at", "-pk"]
        default_permissions = ()

    def __str__(self):
        return f"{self.username or 'someone'} {self.get_action_display().lower()} {self.request_id}"


class InboxGroupSite(models.Model):
    """Where several practices share a deployment: the sites a group's inbox readers may read."""

    group = models.ForeignKey("auth.Group", on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "inbox site for a group"
        verbose_name_plural = "inbox sites for groups"
        unique_together = [("group", "site")]
        default_permissions = ()

    def __str__(self):
        return f"{self.group} reads the inbox of {self.site}"


class SiteKeyRing(models.Model):
    """A practice's own inbox keys, newest first, sealed with the deployment's inbox keys
    (quietroom/inbox/keyring.py). Goes with its site: what the practice sealed can then no
    longer be read."""

    site = models.OneToOneField("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    sealed_keys = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    rotated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "practice's inbox key ring"
        default_permissions = ()

    def __str__(self):
        return f"Inbox keys of {self.site}"
