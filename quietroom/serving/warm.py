"""Read every public page of a site once, as a reader without cookies would.

Rendering a page for the first time writes: Wagtail stores each image rendition it makes in
the database. Done here (after the demo is built, after an import, and by the worker after
each publish or a change to an image on a page) those writes happen while someone is there
to see them fail, and not during a reader's request — perhaps on a disk that has since
filled, where the reader would get a 503 for an article. The pages read are kept in the
page cache as well, so the first readers get them at cached speed.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.test import Client
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, ReferenceIndex, Site

from quietroom.serving.middleware import WARMING


@dataclass(frozen=True)
class Warmed:
    url: str
    status: int


def public_pages(site: Site):
    """The live pages of `site` anyone may read (no password, no sign-in)."""
    return site.root_page.get_descendants(inclusive=True).live().public().order_by("path")


def warm_site(site: Site) -> tuple[Warmed, ...]:
    """Request every public page of `site` through the whole stack; each URL and its status."""
    return read_pages(site, public_pages(site))


def warm_after_change(page: Page) -> tuple[Warmed, ...]:
    """Read what a publish or unpublish of `page` changed most: the page itself if readers
    may see it, and the pages above it on its site, which list it (its blog, the home page)."""
    site = page.get_site()
    if site is None:
        return ()
    above = Page.objects.ancestor_of(page, inclusive=True).descendant_of(
        site.root_page, inclusive=True
    )
    return read_pages(site, above.live().public().order_by("-depth"))


def warm_pages_showing(image) -> tuple[Warmed, ...]:
    """Read the public pages that show `image` (by Wagtail's reference index), and the home
    page of each site whose settings do (a logo is on every page), so the renditions a new
    file or focal point needs are made by the worker, not on a reader's first view."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids, setting_sites = set(), set()
    for reference in ReferenceIndex.get_references_to(image).select_related("base_content_type"):
        if reference.base_content_type_id == page_type.pk:
            page_ids.add(int(reference.object_id))
            continue
        model = reference.base_content_type.model_class()
        if model is not None and issubclass(model, BaseSiteSetting):
            setting_sites |= set(
                model.objects.filter(pk=reference.object_id).values_list("site_id", flat=True)
            )
    answers = []
    for site in Site.objects.select_related("root_page").order_by("pk"):
        shown = Page.objects.filter(pk__in=page_ids).descendant_of(site.root_page, inclusive=True)
        if site.pk in setting_sites:
            shown = shown | Page.objects.filter(pk=site.root_page_id)
        if page_ids or site.pk in setting_sites:
            answers += read_pages(site, shown.live().public().order_by("path"))
    return tuple(answers)


def read_pages(site: Site, pages) -> tuple[Warmed, ...]:
    """Request `pages` of `site` as an anonymous reader would; each URL and its status."""
    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    client = Client(HTTP_HOST=host, raise_request_exception=False)
    answers = []
    for page in pages.specific(defer=True):
        url = page.get_url(None, site)
        if not url:
            continue
        if url.startswith(("http://", "https://")):
            url = "/" + url.split("/", 3)[-1]
        response = client.get(url, secure=site.port == 443, **{WARMING: True})
        answers.append(Warmed(url, response.status_code))
    return tuple(answers)
