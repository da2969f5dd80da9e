"""Where each item of an imported export landed, so importing it again updates in place."""

from django.db import models


class ImportedItem(models.Model):
    """One post, page, attachment or author of a WXR export, keyed by its id in the export."""

    KINDS = [
        ("post", "post"),
        ("page", "page"),
        ("attachment", "attachment"),
        ("image", "image found in a body"),
        ("author", "author"),
    ]

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=255, help_text="The exported site's address.")
    key = models.CharField(max_length=255, help_text="Post id, guid or address in the export.")
    kind = models.CharField(max_length=20, choices=KINDS)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    image = models.ForeignKey(
        "core.CustomImage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    fingerprint = models.CharField(max_length=64, blank=True)
    # False while an image or link it needs is still missing, so the next import retries.
    complete = models.BooleanField(default=False)
    # Kept for an image whose file has not arrived yet.
    alt_text = models.CharField(max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "source", "key"], name="unique_imported_item")
        ]

    def __str__(self):
        return f"{self.source} {self.key}"
