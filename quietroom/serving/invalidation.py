"""When public content changes, the cached pages of the site it is on become stale.

A practice's site is small and changes rarely, so one generation per site is both simpler
and safer than tracking which pages show what: a published article changes its own page,
its neighbours' Previous/Next, its blog's listings, feeds, tag and category pages, the home
page and the sitemap, and a settings change alters every page's footer. Another practice's
pages show none of it, and keep their cache.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from quietroom.blog.models import BlogCategory
from quietroom.core import generation
from quietroom.core.sites import site_table
from quietroom.serving import tasks

# Saves Wagtail makes while a page is being read (an image's hash and size, filled in on its
# first rendition): nothing a reader sees changes.
BOOKKEEPING_FIELDS = frozenset({"file_hash", "file_size"})


def sites_showing(paths) -> set[int]:
    """Ids of the sites whose trees hold the pages at these tree paths."""
    table = site_table.uncached()
    return {site_id for path in paths for site_id in table.containing(path)}


def bump(site_ids) -> None:
    for site_id in site_ids:
        generation.bump_site(site_id)


def page_changed(sender, instance, **kwargs) -> None:
    paths = {instance.path}
    bump(sites_showing(paths))
    if any(instance.pk == record.root_page_id for record in site_table.uncached().records):
        generation.bump_sites()  # a root's URL path is part of the table


def page_moved(sender, instance, url_path_before="", url_path_after="", **kwargs) -> None:
    # The tree path changed too, and the sites are found by the old and new tree paths; the
    # old one is gone, so the sites whose root URL paths held the old URL are bumped as well.
    table = site_table.uncached()
    moved_from = {r.id for r in table.records if url_path_before.startswith(r.root_url_path)}
    bump(moved_from | sites_showing([instance.path]))
    generation.bump_sites()


def page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) and instance.live:
        bump(sites_showing([instance.path]))


def setting_changed(sender, instance=None, **kwargs) -> None:
    if issubclass(sender, BaseSiteSetting) and instance is not None:
        generation.bump_site(instance.site_id)


def site_saving(sender, instance, raw=False, **kwargs) -> None:
    """Note the hostname a site had before this save (a page cached for it must go)."""
    if instance.pk and not raw:
        instance._hostname_before = (
            Site.objects.filter(pk=instance.pk).values_list("hostname", flat=True).first()
        )


def site_changed(sender, instance, update_fields=None, **kwargs) -> None:
    generation.bump_sites()
    if update_fields and set(update_fields) == {"site_name"}:
        # A practice renamed in its settings: its own pages change, no address does.
        generation.bump_site(instance.pk)
        return
    # Pages are cached by hostname and port: every site with this hostname (before or after
    # the save) may now answer some of those addresses differently (a new exact match, a new
    # default).
    hostnames = {instance.hostname, getattr(instance, "_hostname_before", None)} - {None}
    same_name = Site.objects.filter(hostname__in=hostnames).values_list("pk", flat=True)
    bump({instance.pk, *same_name})
    if Site.objects.count() in (1, 2):
        # Going from one site to two (or back) changes how every page's links are written
        # (relative with one site, absolute with several).
        generation.bump_every_site()


def restriction_changed(sender, instance, **kwargs) -> None:
    generation.bump_sites()  # which sections are private is one value for the deployment
    bump(sites_showing([instance.page.path]))


def redirect_changed(sender, instance, **kwargs) -> None:
    if instance.site_id is None:
        generation.bump_every_site()
    else:
        generation.bump_site(instance.site_id)


def image_changed(sender, instance, created=False, update_fields=None, **kwargs) -> None:
    if created or (update_fields and BOOKKEEPING_FIELDS.issuperset(update_fields)):
        return  # a new image is on no page yet
    bump(sites_using(instance))
    if kwargs.get("signal") is post_save:
        tasks.image_changed(instance.pk)


def sites_using(instance) -> set[int]:
    """Sites whose pages or settings refer to `instance` (Wagtail's reference index)."""
    page_type = ContentType.objects.get_for_model(Page)
    found: set[int] = set()
    for reference in ReferenceIndex.get_references_to(instance).select_related("base_content_type"):
        if reference.base_content_type_id == page_type.pk:
            path = Page.objects.filter(pk=reference.object_id).values_list("path", flat=True)
            found |= sites_showing(path)
            continue
        model = reference.base_content_type.model_class()
        if model is not None and issubclass(model, BaseSiteSetting):
            found |= set(
                model.objects.filter(pk=reference.object_id).values_list("site_id", flat=True)
            )
        else:
            return {record.id for record in site_table.uncached().records}
    return found


def category_changed(sender, instance, **kwargs) -> None:
    generation.bump_site(instance.site_id)  # a category is one practice's


def connect() -> None:
    for signal in (page_published, page_unpublished):
        signal.connect(page_changed, dispatch_uid=f"quietroom-cache-page-{id(signal)}")
        signal.connect(tasks.page_changed, dispatch_uid=f"quietroom-warm-page-{id(signal)}")
    post_page_move.connect(page_moved, dispatch_uid="quietroom-cache-page-moved")
    post_delete.connect(page_deleted, dispatch_uid="quietroom-cache-page-deleted")
    for signal in (post_save, post_delete):
        suffix = id(signal)
        signal.connect(setting_changed, dispatch_uid=f"quietroom-cache-settings-{suffix}")
        signal.connect(site_changed, sender=Site, dispatch_uid=f"quietroom-cache-site-{suffix}")
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"quietroom-cache-restriction-{suffix}",
        )
        signal.connect(
            redirect_changed, sender=Redirect, dispatch_uid=f"quietroom-cache-redirect-{suffix}"
        )
        signal.connect(
            image_changed, sender=get_image_model(), dispatch_uid=f"quietroom-cache-image-{suffix}"
        )
    pre_save.connect(site_saving, sender=Site, dispatch_uid="quietroom-cache-site-saving")
    post_save.connect(category_changed, sender=BlogCategory, dispatch_uid="quietroom-cache-cat")
    pre_delete.connect(
        category_changed, sender=BlogCategory, dispatch_uid="quietroom-cache-cat-delete"
    )
