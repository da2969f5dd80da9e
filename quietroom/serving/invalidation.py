"""When public content changes, every cached page becomes stale.

A practice's site is small and changes rarely, so one site-wide generation is both simpler and
safer than tracking which pages show what: a published article changes its own page, its
neighbours' Previous/Next, its blog's listings, feeds, tag and category pages, the home page
and the sitemap, and a settings change alters every page's footer.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from quietroom.blog.models import BlogCategory
from quietroom.serving import generation

# Saves Wagtail makes while a page is being read (an image's hash and size, filled in on its
# first rendition): nothing a reader sees changes.
BOOKKEEPING_FIELDS = frozenset({"file_hash", "file_size"})


def content_changed(sender=None, update_fields=None, **kwargs) -> None:
    if update_fields and BOOKKEEPING_FIELDS.issuperset(update_fields):
        return
    generation.bump()


def page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) and instance.live:
        generation.bump()


def setting_changed(sender, **kwargs) -> None:
    if issubclass(sender, BaseSiteSetting):
        generation.bump()


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"quietroom-cache-{id(signal)}")
    post_delete.connect(page_deleted, dispatch_uid="quietroom-cache-page-deleted")
    for signal in (post_save, post_delete):
        signal.connect(setting_changed, dispatch_uid=f"quietroom-cache-settings-{id(signal)}")
        for model in (BlogCategory, Redirect, Site, PageViewRestriction, get_image_model()):
            signal.connect(
                content_changed,
                sender=model,
                dispatch_uid=f"quietroom-cache-{model.__name__}-{id(signal)}",
            )
