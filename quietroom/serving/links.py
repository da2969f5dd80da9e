"""Internal page links in rich text, resolved from remembered URLs instead of loading pages."""

from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from quietroom.serving.memo import per_generation


def live_page_urls() -> dict[str, str]:
    """Page id (as rich text stores it) → URL of every live page, remembered per generation.

    The URLs are those Wagtail's own handler gives (relative on a one-site install, absolute
    with several); a publish, move or unpublish starts a new generation.
    """
    return per_generation(
        "live-page-urls",
        lambda: {
            str(page.pk): page.url
            for page in Page.objects.live().only("id", "url_path", "path", "depth", "locale")
        },
    )


class RememberedPageLinkHandler(PageLinkHandler):
    """Wagtail's page links, without loading every linked page (one query per page type)
    each time an article is rendered. Links to anything but a live page (a draft, a page that
    is gone) are left to Wagtail's handler, unchanged."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        urls = live_page_urls()
        found = [urls.get(str(attrs.get("id"))) for attrs in attrs_list]
        if None in found:
            return super().expand_db_attributes_many(attrs_list)
        return [f'<a href="{escape(url)}">' for url in found]
