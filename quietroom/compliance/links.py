"""The practice's policy pages, linked from every page's footer, remembered per site."""

from django.utils.functional import SimpleLazyObject

from quietroom.compliance.models import PolicyPage
from quietroom.core import memo, sites
from quietroom.core.restrictions import is_restricted

ORDER = [kind for kind, _ in PolicyPage.Kind.choices]


@memo.per_site
def policy_links(site_id: int) -> tuple[tuple[str, str], ...]:
    """(title, path) of each live, public policy page of the site, in a fixed order."""
    record = sites.site_table().get(site_id)
    if record is None:
        return ()
    pages = PolicyPage.objects.live().filter(path__startswith=record.root_path)
    found = [
        page
        for page in pages.only("title", "kind", "url_path", "path")
        if not is_restricted(page.path)
    ]
    found.sort(key=lambda page: ORDER.index(page.kind))
    prefix = len(record.root_url_path) - 1
    return tuple((page.title, page.url_path[prefix:]) for page in found)


def context(request) -> dict:
    """Context processor: `policy_links` in every template, read only if one uses it."""

    def links():
        record = sites.record_for(request.META)
        return () if record is None else policy_links(record.id)

    return {"policy_links": SimpleLazyObject(links)}
