"""The demo's reader statistics: 90 days of made-up counts, the same on every build, marked
as made up so the admin says so beside them."""

import datetime
import math
import random

from wagtail.models import Page, Site

from quietroom.core.models import ReaderCounting
from quietroom.stats.models import PageDay, ReferrerDay
from quietroom.stats.report import today

DAYS = 90
READS_A_DAY = 140  # a small practice's blog, a quarter ago; it grows by half since
REFERRERS = {
    "www.google.com": 0.34,
    "duckduckgo.com": 0.07,
    "www.psychologytoday.com": 0.05,
    "www.bing.com": 0.03,
    "l.facebook.com": 0.02,
    "www.reddit.com": 0.01,
}


def ensure_reader_counts(site: Site) -> int:
    """Made-up counts for the site's live pages over the last 90 days, unless it has counts
    already (a second build, or a site that counted real readers); how many rows."""
    if PageDay.objects.filter(site=site).exists() or ReferrerDay.objects.filter(site=site).exists():
        return 0
    # Not a secret: the number, so that every build shows the same figures.
    dice = random.Random(16)  # noqa: S311
    paths = live_paths(site)
    # Articles are what readers find; a few of them much more than the rest.
    weights = {
        path: dice.paretovariate(1.2) * (3 if path.startswith("/articles/") else 1)
        for path in paths
    }
    total_weight = sum(weights.values())
    pages, referrers = [], []
    last = today()
    for age in range(DAYS):
        day = last - datetime.timedelta(days=age)
        # A gentle rise over the quarter, quieter weekends, and some noise.
        level = READS_A_DAY * (1 + (DAYS - age) / DAYS / 2) * (0.7 if day.weekday() >= 5 else 1)
        for path, weight in weights.items():
            views = round(level * weight / total_weight * dice.uniform(0.6, 1.4))
            if views:
                automated = int(views * dice.uniform(0.1, 0.6))
                pages.append(
                    PageDay(site=site, path=path, day=day, views=views, automated=automated)
                )
        total = sum(page.views for page in pages if page.day == day)
        for host, share in REFERRERS.items():
            views = math.floor(total * share * dice.uniform(0.7, 1.3))
            if views:
                referrers.append(ReferrerDay(site=site, host=host, day=day, views=views))
    PageDay.objects.bulk_create(pages)
    ReferrerDay.objects.bulk_create(referrers)
    ReaderCounting.objects.update_or_create(site=site, defaults={"made_up_figures": True})
    return len(pages)


def live_paths(site: Site) -> list[str]:
    root = site.root_page.url_path
    found = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
    return sorted(
        "/" + url_path.removeprefix(root) for url_path in found.values_list("url_path", flat=True)
    )
