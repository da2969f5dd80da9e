"""The dashboard panel: each practice's list by the numbers, and what was sent. No address."""

from django.db.models import Count, Q
from wagtail.admin.ui.components import Component

from quietroom.subscriptions.models import Mailing, MonthlyDigest, Subscriber


def counts(sites) -> list[tuple]:
    """(site, confirmed, waiting to confirm) for each of `sites`, by name."""
    rows = (
        Subscriber.objects.filter(site__in=sites)
        .values("site")
        .annotate(
            confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
            waiting=Count("pk", filter=Q(confirmed_at__isnull=True)),
        )
    )
    by_site = {row["site"]: row for row in rows}
    return [
        (
            site,
            by_site.get(site.pk, {}).get("confirmed", 0),
            by_site.get(site.pk, {}).get("waiting", 0),
        )
        for site in sites.order_by("site_name", "hostname")
    ]


class SubscribersPanel(Component):
    name = "subscribers"
    order = 60
    template_name = "subscriptions/panel.html"

    def __init__(self, sites):
        self.sites = sites

    def get_context_data(self, parent_context=None):
        return {
            "rows": counts(self.sites),
            "mailings": Mailing.objects.filter(site__in=self.sites).select_related("site")[:5],
            "digests": MonthlyDigest.objects.filter(site__in=self.sites, articles__gt=0)[:3],
        }
