"""The custom image model (in place from the first migration so it can grow without pain), its
renditions, the counts behind rate limits, and whether a site counts its readers."""

import os
import secrets
from dataclasses import dataclass

from django.db import models
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage
from wagtail.models import Collection

from quietroom.core import generation, memo

# Django's FileField keeps names to 100 characters; Wagtail stops its own at 95.
NAME_LIMIT = 95


def practice_folder(collection_id) -> str:
    """`<pk>` of the practice's own collection (the top one above `collection_id`), the folder
    its files are kept in, so one practice's objects in a shared bucket are listed, copied
    and removed by one prefix; "" for the root collection (a single practice's uploads)."""
    if collection_id is None:
        return ""
    path = Collection.objects.filter(pk=collection_id).values_list("path", flat=True).first()
    if not path or len(path) <= Collection.steplen:
        return ""
    top = Collection.objects.filter(path=path[: 2 * Collection.steplen]).values_list("pk")
    return str(top.first()[0])


def _within_limit(folder: str, name: str) -> str:
    """`folder/name`, the name shortened before its extension to fit NAME_LIMIT."""
    while len(os.path.join(folder, name)) >= NAME_LIMIT and "." in name[1:]:
        stem, dot, extension = name.rpartition(".")
        if not stem:
            break
        name = stem[:-1] + dot + extension
    return os.path.join(folder, name)


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

    def get_upload_to(self, filename):
        """`original_images/<practice>/<name>`: Wagtail's folder, one folder per practice."""
        folder, _, name = super().get_upload_to(filename).rpartition("/")
        return _within_limit(os.path.join(folder, practice_folder(self.collection_id)), name)

    @property
    def default_alt_text(self) -> str:
        """What a use of the image starts from: its description, never its title (often a
        file name such as IMG_2034, which says nothing to someone who cannot see it)."""
        return self.description.strip()

    def get_rendition(self, filter):
        spec = filter if isinstance(filter, str) else filter.spec
        found = self._remembered((spec,))
        if found is None:
            return super().get_rendition(filter)
        return self._rendition(found[0])

    def get_renditions(self, *filters):
        """Renditions remembered per site generation for readers' pages (editing an image
        changes its file or focal point, and so the key).

        Wagtail's own rendition cache pickles every rendition in and out on each call;
        skipping it took an uncached article's render here from 4.8 to 3.7 ms.
        """
        specs = tuple(f if isinstance(f, str) else f.spec for f in filters)
        found = self._remembered(specs)
        if found is None:
            return super().get_renditions(*filters)
        return {record.filter_spec: self._rendition(record) for record in found}

    def _remembered(self, specs: tuple[str, ...]):
        """Records of the renditions for `specs`, or None outside a reader's request."""
        site_id = generation.pinned_site()
        if self.pk is None or site_id is None:
            return None
        return remembered_renditions(
            site_id, self.pk, self.file.name, self.focal_point_key_parts, specs, image=self
        )

    @property
    def focal_point_key_parts(self) -> tuple:
        """The focal point as the keys of remembered renditions hold it."""
        return (
            self.focal_point_x,
            self.focal_point_y,
            self.focal_point_width,
            self.focal_point_height,
        )

    def _rendition(self, record: "RenditionRecord"):
        """A rendition of this very instance (whose alt text it uses), for one use."""
        rendition = CustomRendition(
            id=record.id,
            image=self,
            filter_spec=record.filter_spec,
            file=record.file,
            width=record.width,
            height=record.height,
            focal_point_key=record.focal_point_key,
        )
        rendition._state.adding = False
        rendition._state.db = "default"
        return rendition

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"
        permissions = [("choose_image", "Can choose image")]


@dataclass(frozen=True)
class RenditionRecord:
    id: int
    filter_spec: str
    file: str
    width: int
    height: int
    focal_point_key: str


@memo.per_site
def remembered_renditions(site_id, image_id, file_name, focal_point, specs, *, image=None):
    """The renditions of `image` for `specs`, made if need be (keys come from the image row,
    never from a request). Without `image` (a rebuild after a publish), the row is read again
    by its id, and must still be the one the keys describe."""
    if image is None:
        image = image_described(image_id, file_name, focal_point)
    made = super(CustomImage, image).get_renditions(*specs)
    return tuple(
        RenditionRecord(r.pk, spec, r.file.name, r.width, r.height, r.focal_point_key)
        for spec, r in made.items()
    )


def image_described(image_id, file_name, focal_point) -> CustomImage:
    """The image row `image_id` if its file and focal point are still these; else
    `memo.Gone` (an edit since made new keys, which readers ask for instead)."""
    image = CustomImage.objects.filter(pk=image_id).first()
    if image is None or (image.file.name, image.focal_point_key_parts) != (file_name, focal_point):
        raise memo.Gone(f"image {image_id}")
    return image


# Random bytes in every rendition's name. Wagtail names a rendition after the original and the
# filter (`client-letter.max-165x165.jpg`, the admin's thumbnail), so anyone who knew or guessed
# an upload's name could fetch its thumbnails, private collection or not.
RENDITION_NAME_BYTES = 16


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    def get_upload_to(self, filename):
        """`images/<practice>/<22 random characters>-<Wagtail's name>`: only those shown it
        know it."""
        token = secrets.token_urlsafe(RENDITION_NAME_BYTES)
        name = self.file.field.storage.get_valid_name(filename)
        folder = os.path.join("images", practice_folder(self.image.collection_id))
        return os.path.join(folder, f"{token}-{name}")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class RateCount(models.Model):
    """How many times one sender did one thing in one window (quietroom/core/throttle.py).

    `key` is a keyed hash of the sender, `ends_at` the end of the window (Unix seconds).
    """

    scope = models.CharField(max_length=32)
    key = models.CharField(max_length=64)
    ends_at = models.BigIntegerField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["scope", "key", "ends_at"], name="one_count_per_window")
        ]

    def __str__(self):
        return f"{self.count} in {self.scope} until {self.ends_at}"


@register_setting(icon="view")
class ReaderCounting(BaseSiteSetting):
    """Whether the site counts its page views (quietroom.stats): read into the table of sites,
    so the page cache's fast path knows without a query."""

    count_readers = models.BooleanField(
        "count page views",
        default=True,
        help_text="Counts views of each page per day and the sites readers came from. No "
        "cookie, no IP address, no browser details and no identifier of any kind are kept.",
    )
    # Set by `quietroom demo`, whose figures are made up: the admin says so beside them.
    made_up_figures = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = "reader statistics"
