"""Sending, by the worker: the confirmation, and one email per subscriber for a new article.

A failed send is logged with the exception's class and the row number, never the address,
and tried again later, like the inbox's notification (quietroom/inbox/tasks.py).
"""

import logging
from datetime import timedelta

from django.db.models import F
from django.utils import timezone
from django_tasks import task
from wagtail.models import Page

from quietroom.subscriptions import digests, mail
from quietroom.subscriptions.models import Mailing, MonthlyDigest, Subscriber

logger = logging.getLogger("quietroom.subscriptions")

# Seconds before the second, third and fourth attempt.
RETRY_DELAYS = (60, 300, 1800)


@task()
def send_confirmation(subscriber_id: int, attempt: int = 1):
    subscriber = Subscriber.objects.select_related("site").filter(pk=subscriber_id).first()
    if subscriber is None or subscriber.confirmed_at:
        return "gone"
    return _send(
        lambda: mail.confirmation(subscriber), send_confirmation, (subscriber_id,), attempt
    )


@task()
def send_article(mailing_id: int):
    """Queue one email per confirmed subscriber of the article's site."""
    mailing = Mailing.objects.filter(pk=mailing_id).first()
    if mailing is None:
        return 0
    confirmed = Subscriber.objects.filter(
        site_id=mailing.site_id,
        confirmed_at__isnull=False,
        frequency=Subscriber.Frequency.EACH,
    )
    ids = list(confirmed.values_list("pk", flat=True))
    for subscriber_id in ids:
        send_article_to.enqueue(mailing_id, subscriber_id)
    return len(ids)


@task()
def send_article_to(mailing_id: int, subscriber_id: int, attempt: int = 1):
    subscriber = Subscriber.objects.select_related("site").filter(pk=subscriber_id).first()
    mailing = Mailing.objects.filter(pk=mailing_id).first()
    page = Page.objects.live().public().filter(pk=mailing.page_id).first() if mailing else None
    if subscriber is None or subscriber.confirmed_at is None or page is None:
        return "gone"  # left the list, or the article was taken down meanwhile
    outcome = _send(
        lambda: mail.article(subscriber, page.specific),
        send_article_to,
        (mailing_id, subscriber_id),
        attempt,
    )
    _count(Mailing, mailing_id, outcome)
    return outcome


@task()
def send_digest_to(digest_id: int, subscriber_id: int, attempt: int = 1):
    subscriber = Subscriber.objects.select_related("site").filter(pk=subscriber_id).first()
    digest = MonthlyDigest.objects.filter(pk=digest_id).first()
    if subscriber is None or subscriber.confirmed_at is None or digest is None:
        return "gone"
    start, end = digests.month_bounds(digest.month)
    articles = list(digests.articles_of(subscriber.site, start, end))
    if not articles:
        return "gone"  # every article of the month was taken down meanwhile
    outcome = _send(
        lambda: mail.digest(subscriber, start, articles),
        send_digest_to,
        (digest_id, subscriber_id),
        attempt,
    )
    _count(MonthlyDigest, digest_id, outcome)
    return outcome


def _send(build, again, arguments: tuple, attempt: int) -> str:
    """'sent', 'retrying' or 'failed' (after the last attempt)."""
    try:
        build().send()
    except Exception as failure:
        retry = attempt <= len(RETRY_DELAYS) and again.get_backend().supports_defer
        logger.warning(
            "%s for subscriber %s failed (attempt %s): %s%s",
            again.name,
            arguments[-1],
            attempt,
            type(failure).__name__,
            "; trying again later" if retry else "",
        )
        if not retry:
            return "failed"
        later = timezone.now() + timedelta(seconds=RETRY_DELAYS[attempt - 1])
        again.using(run_after=later).enqueue(*arguments, attempt + 1)
        return "retrying"
    return "sent"


def _count(model, pk: int, outcome: str) -> None:
    """Add a delivered or a final failure to a mailing's or a digest's counts."""
    if outcome in ("sent", "failed"):
        model.objects.filter(pk=pk).update(**{outcome: F(outcome) + 1})
