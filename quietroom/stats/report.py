"""The figures the admin's Readers report, its CSV and `quietroom stats` show, as plain data."""

import datetime
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db.models import Sum
from wagtail.models import Page, Site

from quietroom.stats.models import PageDay, ReferrerDay

PERIODS = (7, 30, 365)
TOP = 10


class ReportError(ValueError):
    """A site or a period the report cannot be made for; the message says which."""


@dataclass(frozen=True)
class Day:
    day: datetime.date
    views: int
    automated: int


@dataclass(frozen=True)
class TopPage:
    path: str
    title: str
    views: int


@dataclass(frozen=True)
class Referrer:
    host: str
    views: int


@dataclass(frozen=True)
class Report:
    hostname: str
    site_name: str
    days: int
    first: datetime.date
    last: datetime.date
    views: int
    automated: int
    daily: tuple[Day, ...]
    top_pages: tuple[TopPage, ...]
    referrers: tuple[Referrer, ...]

    @property
    def automated_share(self) -> float:
        """Of all requests counted, the share made by bots, 0 to 1."""
        total = self.views + self.automated
        return round(self.automated / total, 4) if total else 0.0

    def as_json(self) -> dict:
        """The shape documented in docs/statistics.md."""
        data = asdict(self)
        data["automated_share"] = self.automated_share
        data["first"], data["last"] = self.first.isoformat(), self.last.isoformat()
        data["daily"] = [{**day, "day": day["day"].isoformat()} for day in data["daily"]]
        data["top_pages"], data["referrers"] = list(data["top_pages"]), list(data["referrers"])
        return data


def today() -> datetime.date:
    """The day views are counted under: the UTC date (see counting.py)."""
    return datetime.datetime.now(datetime.UTC).date()


def check_days(days: int) -> int:
    longest = settings.QUIETROOM_STATS_RETENTION_DAYS
    if not 1 <= days <= longest:
        raise ReportError(f"--days must be between 1 and {longest} (counts are kept that long)")
    return days


def site_named(hostname: str) -> Site:
    site = Site.objects.filter(hostname=hostname.lower()).order_by("-is_default_site", "pk").first()
    if site is None:
        known = ", ".join(Site.objects.order_by("hostname").values_list("hostname", flat=True))
        raise ReportError(f"No site is called {hostname!r}; the sites are: {known}")
    return site


def report(site: Site, days: int = 30, last: datetime.date | None = None) -> Report:
    """The figures of `site` for the `days` days up to `last` (default today), both included."""
    check_days(days)
    last = last or today()
    first = last - datetime.timedelta(days=days - 1)
    rows = PageDay.objects.filter(site=site, day__range=(first, last))
    by_day = {
        row["day"]: row
        for row in rows.values("day").annotate(v=Sum("views"), a=Sum("automated")).order_by()
    }
    daily = tuple(
        Day(day, by_day.get(day, {}).get("v", 0), by_day.get(day, {}).get("a", 0))
        for day in (first + datetime.timedelta(days=n) for n in range(days))
    )
    top = rows.values("path").annotate(v=Sum("views")).filter(v__gt=0).order_by("-v", "path")
    top = list(top[:TOP])
    titles = page_titles(site, [row["path"] for row in top])
    referrers = (
        ReferrerDay.objects.filter(site=site, day__range=(first, last))
        .values("host")
        .annotate(v=Sum("views"))
        .order_by("-v", "host")[:TOP]
    )
    return Report(
        hostname=site.hostname,
        site_name=site.site_name or site.hostname,
        days=days,
        first=first,
        last=last,
        views=sum(day.views for day in daily),
        automated=sum(day.automated for day in daily),
        daily=daily,
        top_pages=tuple(TopPage(r["path"], titles.get(r["path"], ""), r["v"]) for r in top),
        referrers=tuple(Referrer(r["host"], r["v"]) for r in referrers),
    )


def page_titles(site: Site, paths: list[str]) -> dict[str, str]:
    """Titles of the pages of `site` at these paths (a path that is no page has none)."""
    root = site.root_page.url_path
    url_paths = {root + path.lstrip("/"): path for path in paths}
    found = Page.objects.filter(url_path__in=url_paths).values_list("url_path", "title")
    return {url_paths[url_path]: title for url_path, title in found}


def page_daily(site_id: int, path: str, days: int = 30) -> tuple[Day, ...]:
    """One page's views per day over the last `days` days, for its editor's chart."""
    last = today()
    first = last - datetime.timedelta(days=days - 1)
    rows = PageDay.objects.filter(site_id=site_id, path=path, day__range=(first, last))
    found = {
        day: (views, automated)
        for day, views, automated in rows.values_list("day", "views", "automated")
    }
    return tuple(
        Day(day, *found.get(day, (0, 0)))
        for day in (first + datetime.timedelta(days=n) for n in range(days))
    )


def forget_expired(now: datetime.date | None = None) -> int:
    """Delete the counts of days older than QUIETROOM_STATS_RETENTION_DAYS; how many rows."""
    oldest = (now or today()) - datetime.timedelta(days=settings.QUIETROOM_STATS_RETENTION_DAYS - 1)
    pages, _ = PageDay.objects.filter(day__lt=oldest).delete()
    referrers, _ = ReferrerDay.objects.filter(day__lt=oldest).delete()
    return pages + referrers
