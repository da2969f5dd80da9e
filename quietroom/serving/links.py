"""Internal page links in rich text, resolved from remembered URLs instead of loading pages."""

from types import MappingProxyType

from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from quietroom.core import generation, memo
from quietroom.core.sites import site_table


@memo.per_site
def live_page_urls(site_id: int) -> MappingProxyType:
    """Page id (as rich text stores it) → URL of every live page of the site.

    The URLs are those Wagtail's own handler gives (relative with one site, absolute with
    several); a publish, move or unpublish on the site starts a new generation. Pages of
    other sites are not in it: links to them are left to Wagtail.
    """
    table = site_table()
    record = table.get(site_id)
    if record is None:
        return MappingProxyType({})
    prefix = "" if len(table.records) == 1 else record.root_url
    cut = len(record.root_url_path) - 1
    pages = Page.objects.live().filter(path__startswith=record.root_path).order_by()
    return MappingProxyType(
        {str(pk): prefix + url_path[cut:] for pk, url_path in pages.values_list("pk", "url_path")}
    )


class RememberedPageLinkHandler(PageLinkHandler):
    """Wagtail's page links, without loading every linked page (one query per page type)
    each time an article is rendered for a reader. Links to anything but a live page of the
    reader's site (a draft, a page that is gone, another practice's page), and every link
    rendered outside a reader's request, are left to Wagtail's handler, unchanged."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        site_id = generation.pinned_site()
        if site_id is None:
            return super().expand_db_attributes_many(attrs_list)
        urls = live_page_urls(site_id)
        found = [urls.get(str(attrs.get("id"))) for attrs in attrs_list]
        if None in found:
            return super().expand_db_attributes_many(attrs_list)
        return [f'<a href="{escape(url)}">' for url in found]
