"""The monthly digest: early each month, last month's new articles in one email to each
subscriber who chose once a month. Months are counted in UTC."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Site

from quietroom.subscriptions.models import MonthlyDigest, Subscriber


def last_month(now: datetime.datetime) -> datetime.date:
    """The first day of the month before `now`'s."""
    this = now.astimezone(datetime.UTC).date().replace(day=1)
    return (this - datetime.timedelta(days=1)).replace(day=1)


def month_bounds(first: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The first moment of the month that begins on `first`, and of the next."""
    start = datetime.datetime.combine(first, datetime.time(), datetime.UTC)
    return start, (start + datetime.timedelta(days=32)).replace(day=1)


def articles_of(site, start: datetime.datetime, end: datetime.datetime):
    """The site's public articles first published between `start` and `end`, oldest first."""
    from quietroom.blog.models import ArticlePage

    return (
        ArticlePage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .filter(first_published_at__gte=start, first_published_at__lt=end)
        .order_by("first_published_at")
    )


def monthly_subscribers(site):
    return Subscriber.objects.filter(
        site=site, confirmed_at__isnull=False, frequency=Subscriber.Frequency.MONTHLY
    )


def send_due(now: datetime.datetime | None = None) -> list[MonthlyDigest]:
    """Make last month's digest for every site that has monthly subscribers and none yet,
    and queue its emails; a month without a new article is recorded and sends nothing."""
    from quietroom.subscriptions import tasks

    month = last_month(now or timezone.now())
    start, end = month_bounds(month)
    made = []
    waiting = Subscriber.objects.filter(
        confirmed_at__isnull=False, frequency=Subscriber.Frequency.MONTHLY
    )
    for site in Site.objects.filter(pk__in=waiting.values("site")):
        if MonthlyDigest.objects.filter(site=site, month=month).exists():
            continue
        count = articles_of(site, start, end).count()
        try:
            with transaction.atomic():
                digest = MonthlyDigest.objects.create(site=site, month=month, articles=count)
        except IntegrityError:  # another worker made it a moment ago
            continue
        made.append(digest)
        if count:
            for subscriber_id in monthly_subscribers(site).values_list("pk", flat=True):
                tasks.send_digest_to.enqueue(digest.pk, subscriber_id)
    return made
