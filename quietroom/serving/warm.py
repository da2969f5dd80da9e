"""Read every public page of a site once, as a reader without cookies would.

Rendering a page for the first time writes: Wagtail stores each image rendition it makes in
the database. Done here (after the demo is built, after an import, and by the worker after
each publish) those writes happen while someone is there to see them fail, and not during a
reader's request — perhaps on a disk that has since filled, where the reader would get a 503
for an article. The pages read are kept in the page cache as well, so the first readers get
them at cached speed.
"""

from dataclasses import dataclass

from django.test import Client
from wagtail.models import Page, Site

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
