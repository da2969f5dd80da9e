"""Who asked for new articles by email, and what was sent: addresses only as ciphertext."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Subscriber(models.Model):
    """One address on one practice's list.

    `address` is the address encrypted with the inbox keys (quietroom/inbox/crypto.py), so
    the database and its backups hold no readable address; `digest` is a keyed hash of the
    address, so the same person subscribing twice finds their row without anything being
    decrypted. A row without `confirmed_at` is waiting for its confirmation link and is
    never mailed; unconfirmed rows are deleted when their link has expired.
    """

    class Frequency(models.TextChoices):
        EACH = "each", "Each new article"
        MONTHLY = "monthly", "Once a month"

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64)
    address = models.TextField()
    frequency = models.CharField(max_length=8, choices=Frequency.choices, default=Frequency.EACH)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "digest"], name="one_subscription_per_address")
        ]
        permissions = [
            ("manage_subscriber_addresses", "Can look up, export and delete a subscriber's address")
        ]

    def __str__(self):
        return f"Subscriber {self.pk}"


class Mailing(models.Model):
    """A new article sent to a practice's list: one per article, ever, so a re-publish or an
    edit sends nothing. Counts only: the log names no address."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    sent = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class MonthlyDigest(models.Model):
    """One month's articles sent to a practice's monthly subscribers: one row per site and
    month, so a second worker or a second run sends nothing. Counts only, like Mailing."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    month = models.DateField(help_text="The first day of the month the articles are from.")
    articles = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    sent = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(fields=["site", "month"], name="one_digest_per_site_and_month")
        ]

    def __str__(self):
        return f"{self.month:%B %Y}"


class AddressAccess(models.Model):
    """Who looked up, exported or deleted a subscriber's address, and when: the log of the
    one admin page that shows an address. It holds no address itself, or it would become the
    list it guards."""

    class Action(models.TextChoices):
        LOOKED_UP = "looked_up", "Looked up an address"
        EXPORTED = "exported", "Exported an address"
        DELETED = "deleted", "Deleted an address"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True)
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    action = models.CharField(max_length=10, choices=Action.choices)
    found = models.BooleanField(help_text="Whether the list held the address asked about.")

    class Meta:
        verbose_name = "subscriber address access"
        verbose_name_plural = "subscriber address log"
        ordering = ["-at", "-pk"]
        default_permissions = ()

    def __str__(self):
        return f"{self.username or 'someone'}: {self.get_action_display().lower()}"
