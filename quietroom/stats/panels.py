"""The dashboard's Readers panel (the last 30 days of each practice the user may see) and the
article editor's chart of the article's own views."""

from django.conf import settings
from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component

from quietroom.core.models import ReaderCounting
from quietroom.stats import chart, report

SITES_SHOWN = 5  # a deployment of many practices lists the rest on the report's index


class ReadersPanel(Component):
    name = "readers"
    order = 55
    template_name = "stats/panel.html"

    def __init__(self, sites):
        self.sites = sites

    def get_context_data(self, parent_context=None):
        sites = list(self.sites.order_by("site_name", "hostname")[:SITES_SHOWN])
        rows = []
        for n, site in enumerate(sites):
            figures = report.report(site, 30)
            rows.append(
                {
                    "site": site,
                    "figures": figures,
                    "chart": chart.bar_chart(figures.daily),
                    "chart_id": f"readers-panel-{n}",
                }
            )
        made_up = ReaderCounting.objects.filter(site__in=sites, made_up_figures=True).exists()
        return {
            "rows": rows,
            "made_up": made_up,
            "retention_days": settings.QUIETROOM_STATS_RETENTION_DAYS,
        }


class PageReadersPanel(Panel):
    """The article editor's small chart: this page's views over the last 30 days."""

    def __init__(self, heading="Readers", **kwargs):
        super().__init__(heading=heading, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "stats/page_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            parts = (
                self.instance.get_url_parts() if self.instance.pk and self.instance.live else None
            )
            context["published"] = parts is not None
            if parts is not None:
                site_id, _, path = parts
                daily = report.page_daily(site_id, path, 30)
                context["chart"] = chart.bar_chart(daily)
                context["views"] = sum(day.views for day in daily)
            return context
