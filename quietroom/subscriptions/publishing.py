"""An article's first publication queues one mailing to its practice's list; nothing after.

An article published long ago and brought in by an import, or one published again after an
edit, sends nothing: the mailing row is made once per article, and only for an article whose
first publication is now.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published

# An article first published longer ago than this (an import keeps its original date) is not
# news to anyone.
FRESH = timedelta(days=1)


def connect() -> None:
    page_published.connect(article_published, dispatch_uid="quietroom.subscriptions")


def article_published(sender, instance, **kwargs):
    from quietroom.blog.models import ArticlePage

    if isinstance(instance, ArticlePage):
        queue_mailing(instance)


def queue_mailing(page, now=None):
    """The mailing for `page`, made and queued now, or None when it is not news."""
    from quietroom.subscriptions import tasks
    from quietroom.subscriptions.models import Mailing

    now = now or timezone.now()
    first = page.first_published_at
    if first is None or now - first > FRESH or Mailing.objects.filter(page=page).exists():
        return None
    if not Page.objects.public().filter(pk=page.pk).exists():
        return None  # behind a password or for signed-in members only: not for a list
    site = page.get_site()
    if site is None:
        return None
    try:
        with transaction.atomic():
            mailing = Mailing.objects.create(page=page, site=site, title=page.title[:255])
    except IntegrityError:  # published twice at once: the other made it
        return None
    transaction.on_commit(lambda: tasks.send_article.enqueue(mailing.pk))
    return mailing
