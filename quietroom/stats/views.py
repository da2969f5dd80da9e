"""The Readers report in the admin: one site's figures, its chart and a CSV of them."""

import csv

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from quietroom.core.models import ReaderCounting
from quietroom.stats import access, chart, report


def index(request):
    sites = access.visible_sites(request.user).order_by("site_name", "hostname")
    if len(sites) == 1:
        return redirect("stats:report", sites[0].pk)
    return TemplateResponse(
        request,
        "stats/index.html",
        {"page_title": "Readers", "header_icon": "view", "sites": sites},
    )


def _site_and_days(request, site_id):
    site = get_object_or_404(access.visible_sites(request.user), pk=site_id)
    try:
        days = int(request.GET.get("days", "30"))
    except ValueError:
        days = 30
    return site, days if days in report.PERIODS else 30


def site_report(request, site_id):
    site, days = _site_and_days(request, site_id)
    figures = report.report(site, days)
    switch = ReaderCounting.for_site(site)
    return TemplateResponse(
        request,
        "stats/report.html",
        {
            "page_title": f"Readers: {figures.site_name}",
            "header_icon": "view",
            "site": site,
            "figures": figures,
            "chart": chart.bar_chart(figures.daily),
            "periods": report.PERIODS,
            "counting": switch.count_readers,
            "made_up": switch.made_up_figures,
            "retention_days": settings.QUIETROOM_STATS_RETENTION_DAYS,
            "automated_percent": f"{figures.automated_share:.0%}",
            "settings_url": reverse(
                "wagtailsettings:edit", args=["core", "readercounting", site.pk]
            ),
            "csv_url": reverse("stats:csv", args=[site.pk]) + f"?days={days}",
        },
    )


def site_csv(request, site_id):
    site, days = _site_and_days(request, site_id)
    figures = report.report(site, days)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="readers-{site.hostname}-{figures.first}-{figures.last}.csv"'
    )
    write_csv(response, figures)
    return response


def write_csv(out, figures: report.Report) -> None:
    """Views per day, then the top pages and the referring sites of the period."""
    writer = csv.writer(out)
    writer.writerow(["day", "views", "automated"])
    writer.writerows([day.day.isoformat(), day.views, day.automated] for day in figures.daily)
    writer.writerow([])
    writer.writerow(["page", "title", "views"])
    writer.writerows([_safe(p.path), _safe(p.title), p.views] for p in figures.top_pages)
    writer.writerow([])
    writer.writerow(["referring site", "views"])
    writer.writerows([_safe(r.host), r.views] for r in figures.referrers)


def _safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (a page title is anyone's text)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
