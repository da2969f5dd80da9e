"""Previous / Next follow the blog index (newest first) over live, public articles only."""

import datetime

from django.utils import timezone
from wagtail.models import PageViewRestriction

from quietroom.core.tests.factories import make_article, make_blog, make_draft


def day(n):
    return datetime.date(2026, 3, n)


def neighbours(page):
    """Previous and next titles by the queryset definition, checked against the links an
    article page shows (read from the blog's remembered order)."""
    previous, following = page.previous_article(), page.next_article()
    expected = (previous and previous.title, following and following.title)
    links = page.neighbour_links()
    assert tuple(link and link["title"] for link in links) == expected
    assert tuple(link and link["url"] for link in links) == tuple(
        other and other.get_url() for other in (previous, following)
    )
    return expected


def test_previous_is_the_newer_article_and_next_the_older(blog):
    make_article(blog, "Oldest", day(1))
    middle = make_article(blog, "Middle", day(2))
    make_article(blog, "Newest", day(3))

    assert neighbours(middle) == ("Newest", "Oldest")


def test_the_newest_article_has_no_previous_and_the_oldest_no_next(blog):
    oldest = make_article(blog, "Oldest", day(1))
    newest = make_article(blog, "Newest", day(2))

    assert neighbours(newest) == (None, "Oldest")
    assert neighbours(oldest) == ("Newest", None)


def test_neighbours_follow_the_publish_date_not_creation_order(blog):
    late_written_old = make_article(blog, "Written last, dated first", day(1))
    make_article(blog, "Dated last", day(9))
    make_article(blog, "Dated middle", day(5))

    assert neighbours(late_written_old) == ("Dated middle", None)


def test_articles_of_the_same_date_are_ordered_like_the_index(blog):
    first = make_article(blog, "First of the day", day(4))
    second = make_article(blog, "Second of the day", day(4))
    third = make_article(blog, "Third of the day", day(4))

    index_order = [a.title for a in blog.articles()]
    assert index_order == ["Third of the day", "Second of the day", "First of the day"]
    assert neighbours(second) == ("Third of the day", "First of the day")
    assert neighbours(first) == ("Second of the day", None)
    assert neighbours(third) == (None, "Second of the day")


def test_drafts_are_skipped(blog):
    older = make_article(blog, "Older", day(1))
    make_draft(blog, "Draft in between", day(2))
    newer = make_article(blog, "Newer", day(3))

    assert neighbours(older) == ("Newer", None)
    assert neighbours(newer) == (None, "Older")


def test_an_unpublished_article_is_skipped(blog):
    older = make_article(blog, "Older", day(1))
    withdrawn = make_article(blog, "Withdrawn", day(2))
    make_article(blog, "Newer", day(3))
    withdrawn.unpublish()

    assert neighbours(older) == ("Newer", None)


def test_articles_scheduled_for_the_future_are_skipped(blog):
    older = make_article(blog, "Older", day(1))
    scheduled = make_draft(blog, "Scheduled", day(2))
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
    scheduled.save_revision().publish()
    scheduled.refresh_from_db()

    assert not scheduled.live
    assert neighbours(older) == (None, None)


def test_a_live_article_whose_go_live_time_is_still_ahead_is_skipped(blog):
    older = make_article(blog, "Older", day(1))
    make_article(blog, "Not yet", day(2), go_live_at=timezone.now() + datetime.timedelta(hours=2))

    assert neighbours(older) == (None, None)


def test_private_articles_are_skipped(blog):
    older = make_article(blog, "Older", day(1))
    private = make_article(blog, "Private", day(2))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    newer = make_article(blog, "Newer", day(3))

    assert neighbours(older) == ("Newer", None)
    assert neighbours(newer) == (None, "Older")


def test_two_blogs_are_kept_apart(home):
    first_blog = make_blog(home, "First blog")
    second_blog = make_blog(home, "Second blog")
    a1 = make_article(first_blog, "First blog, old", day(1))
    make_article(second_blog, "Second blog, between", day(2))
    a3 = make_article(first_blog, "First blog, new", day(3))
    make_article(second_blog, "Second blog, newest", day(4))

    assert neighbours(a1) == ("First blog, new", None)
    assert neighbours(a3) == (None, "First blog, old")


def test_the_article_page_links_both_neighbours_with_their_titles(client, blog):
    make_article(blog, "The older one", day(1))
    middle = make_article(blog, "The middle one", day(2))
    make_article(blog, "The newer one", day(3))

    html = client.get(middle.url).content.decode()

    nav = html[html.index('<nav class="pager"') :]
    assert "Previous article" in nav
    assert "The newer one" in nav
    assert "Next article" in nav
    assert "The older one" in nav
    assert nav.index("The newer one") < nav.index("The older one")


def test_an_article_alone_shows_no_previous_next_navigation(client, blog):
    alone = make_article(blog, "Alone", day(1))

    html = client.get(alone.url).content.decode()

    assert 'class="pager"' not in html
