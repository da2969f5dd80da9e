"""Named querysets for articles: every listing, feed, sitemap and neighbour link uses these."""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import PageManager, PageQuerySet

from quietroom.core.restrictions import restricted_paths


class ArticleQuerySet(PageQuerySet):
    def published(self):
        """Live, public articles whose schedule has started and not yet ended."""
        now = timezone.now()
        return (
            self.live()
            .without_restricted()
            .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        )

    def without_restricted(self):
        """Like Wagtail's public(), without a query for the restrictions on every call."""
        private = Q()
        for path in restricted_paths():
            private |= Q(path__startswith=path)
        return self.exclude(private) if private else self

    def in_blog(self, blog):
        return self.child_of(blog)

    def newest_first(self):
        """The blog index order; pk breaks ties between articles of the same date."""
        return self.order_by("-date", "-pk")

    def previous_to(self, article):
        """Published articles of the same blog just above `article` in the index (newer)."""
        newer = Q(date__gt=article.date) | Q(date=article.date, pk__gt=article.pk)
        return (
            self.published()
            .sibling_of(article, inclusive=False)
            .filter(newer)
            .order_by("date", "pk")
        )

    def next_to(self, article):
        """Published articles of the same blog just below `article` in the index (older)."""
        older = Q(date__lt=article.date) | Q(date=article.date, pk__lt=article.pk)
        return self.published().sibling_of(article, inclusive=False).filter(older).newest_first()


ArticleManager = PageManager.from_queryset(ArticleQuerySet)
