"""Related reading: up to three other published articles of the same blog, by what they share."""

import datetime

from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from quietroom.blog.models import BlogCategory
from quietroom.blog.models.article import blog_path, blog_related
from quietroom.core import memo
from quietroom.core.tests.factories import make_article, make_blog, make_draft


def day(n):
    return datetime.date(2026, 5, n)


def filed(page, tags=(), categories=()):
    page.tags.add(*tags)
    page.categories = [
        BlogCategory.objects.get_or_create(site=Site.objects.get(is_default_site=True), name=name)[
            0
        ]
        for name in categories
    ]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def related_titles(client, page) -> list[str]:
    response = client.get(page.url)
    assert response.status_code == 200
    return [item.title for item in response.context["related"]]


def test_shared_tags_rank_before_shared_categories_and_then_the_newest(client, blog):
    reading = filed(make_article(blog, "Reading", day(1)), ["sleep", "worry"], ["Anxiety"])
    filed(make_article(blog, "Category only, newest", day(9)), [], ["Anxiety"])
    filed(make_article(blog, "One tag", day(3)), ["sleep"])
    filed(make_article(blog, "Two tags", day(2)), ["sleep", "worry"])
    filed(make_article(blog, "One tag and the category", day(4)), ["worry"], ["Anxiety"])
    filed(make_article(blog, "Nothing shared", day(8)), ["gardening"], ["Hobbies"])

    assert related_titles(client, reading) == ["Two tags", "One tag and the category", "One tag"]


def test_drafts_private_future_and_other_blogs_articles_never_appear(client, home, blog):
    reading = filed(make_article(blog, "Reading", day(1)), ["grief"])
    draft = make_draft(blog, "A draft", day(2))
    draft.tags.add("grief")
    draft.save_revision()  # tagged, never published
    private = filed(make_article(blog, "Private", day(3)), ["grief"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    later = timezone.now() + datetime.timedelta(days=2)
    filed(make_article(blog, "Not yet", day(4), go_live_at=later), ["grief"])
    other_blog = make_blog(home, "Other notes", slug="other-notes")
    filed(make_article(other_blog, "Another blog", day(5)), ["grief"])
    filed(make_article(blog, "Published", day(6)), ["grief"])

    assert related_titles(client, reading) == ["Published"]


def test_an_article_that_shares_nothing_shows_no_related_reading(client, blog):
    alone = filed(make_article(blog, "Alone", day(1)), ["solitude"])
    filed(make_article(blog, "Elsewhere", day(2)), ["gardening"])

    response = client.get(alone.url)
    assert response.context["related"] == ()
    assert b"Related reading" not in response.content


def test_the_related_articles_are_remembered_until_the_site_changes(blog):
    reading = filed(make_article(blog, "Reading", day(1)), ["rest"])
    filed(make_article(blog, "Older", day(2)), ["rest"])
    site_id = Site.objects.get(is_default_site=True).pk
    first = blog_related(site_id, blog_path(reading), reading.pk)
    computed = memo.computed()

    assert blog_related(site_id, blog_path(reading), reading.pk) is first
    assert memo.computed() == computed
    filed(make_article(blog, "Newest", day(9)), ["rest"])
    again = blog_related(site_id, blog_path(reading), reading.pk)
    assert [item.title for item in again] == ["Newest", "Older"]
