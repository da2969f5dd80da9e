"""`quietroom stats`: the reader statistics the admin's Readers report shows."""

import json

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from quietroom.stats import report


class Command(BaseCommand):
    help = "Print the reader statistics of every site (or one): views, top pages, referrers."

    def add_arguments(self, parser):
        parser.add_argument("--site", metavar="HOSTNAME", help="one site only")
        parser.add_argument("--days", type=int, default=30, help="the last N days (default 30)")
        parser.add_argument("--json", action="store_true", help="print JSON (docs/statistics.md)")

    def handle(self, *args, **options):
        site, days = options["site"], options["days"]
        try:
            report.check_days(days)
            sites = [report.site_named(site)] if site else list(Site.objects.order_by("hostname"))
        except report.ReportError as error:
            raise CommandError(str(error), returncode=2) from None
        reports = [report.report(each, days) for each in sites]
        if options["json"]:
            self.stdout.write(as_json(reports))
            return
        for each in reports:
            self.stdout.write(as_text(each))


def as_json(reports) -> str:
    return json.dumps({"sites": [each.as_json() for each in reports]}, indent=2)


def as_text(each: report.Report) -> str:
    lines = [
        f"{each.site_name} ({each.hostname}), {each.first} to {each.last}",
        f"  views: {each.views}; automated: {each.automated} ({each.automated_share:.0%})",
        "  top pages:",
        *(f"    {page.views:>8}  {page.path}  {page.title}" for page in each.top_pages),
        "  referring sites:",
        *(f"    {ref.views:>8}  {ref.host}" for ref in each.referrers),
        "  views per day:",
        *(f"    {day.day}  {day.views:>8}  (+{day.automated} automated)" for day in each.daily),
        "",
    ]
    if not each.top_pages:
        lines.insert(3, "    none yet")
    return "\n".join(lines)
