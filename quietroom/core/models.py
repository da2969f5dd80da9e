"""The custom image model, in place from the first migration so it can grow without pain."""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage


class CustomImage(AbstractImage):
    """A Wagtail image whose description doubles as the default alt text."""

    description = models.CharField(
        "alt text",
        max_length=255,
        blank=True,
        default="",
        help_text=(
            "Describe what the image shows for someone who cannot see it. "
            "Pages that use the image start from this text."
        ),
    )

    admin_form_fields = WagtailImage.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"
        permissions = [("choose_image", "Can choose image")]


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
