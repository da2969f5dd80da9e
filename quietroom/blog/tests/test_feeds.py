"""RSS and Atom feeds: valid, complete, full content, absolute URLs, image included."""

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from quietroom.core.tests.factories import make_article, make_blog, make_draft, make_image

BODY = [
    {
        "type": "text",
        "value": '<p>Full text with <a href="/elsewhere/">a relative link</a>.</p>'
        "<h2>Later section</h2><p>The last paragraph of the article.</p>",
    }
]


@pytest.fixture
def articles(blog):
    return [
        make_article(
            blog,
            f"Article {n}",
            datetime.date(2026, 2, n),
            body=BODY,
            summary=f"Summary {n}",
            hero_image=make_image(f"Hero {n}"),
            hero_alt=f"Hero alt {n}",
        )
        for n in (1, 2, 3)
    ]


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return response, parsed


@pytest.mark.parametrize(("route", "version"), [("feed/", "rss20"), ("feed/atom/", "atom10")])
def test_feed_parses_and_lists_every_live_article_newest_first(
    client, blog, articles, route, version
):
    make_draft(blog, "Unpublished draft")
    private = make_article(blog, "Private one")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    _, feed = fetch(client, blog.url + route)

    assert feed.version == version
    assert [e.title for e in feed.entries] == ["Article 3", "Article 2", "Article 1"]


@pytest.mark.parametrize("route", ["feed/", "feed/atom/"])
def test_feed_entries_carry_full_content_with_absolute_urls(client, blog, articles, route):
    _, feed = fetch(client, blog.url + route)
    entry = feed.entries[0]
    content = entry.content[0].value

    assert "The last paragraph of the article." in content
    assert 'href="http://localhost/elsewhere/"' in content
    assert 'src="http://localhost/media/' in content
    assert 'alt="Hero alt 3"' in content
    assert entry.link == f"http://localhost{articles[2].url}"
    assert entry.summary == "Summary 3"


def test_rss_items_enclose_the_hero_image(client, blog, articles):
    _, feed = fetch(client, blog.url + "feed/")
    enclosure = feed.entries[0].enclosures[0]

    assert enclosure.href.startswith("http://localhost/media/")
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) > 0
    assert client.get(enclosure.href.removeprefix("http://localhost")).status_code == 200


def test_rss_is_served_as_rss(client, blog, articles):
    response, _ = fetch(client, blog.url + "feed/rss/")

    assert response["Content-Type"].startswith("application/rss+xml")


def test_each_blog_has_its_own_feed(client, home, blog, articles):
    other = make_blog(home, "Other blog")
    make_article(other, "Only in the other blog")

    _, feed = fetch(client, other.url + "feed/")

    assert [e.title for e in feed.entries] == ["Only in the other blog"]


HOSTILE_SUMMARY = 'Sleep <img src="https://tracker.example/p.gif"> & rest <b>well</b>'
HOSTILE_TITLE = 'Rest <img src="https://tracker.example/t.gif"> & sleep'


def as_html(value: str) -> BeautifulSoup:
    return BeautifulSoup(value, "html.parser")


@pytest.mark.parametrize("route", ["feed/", "feed/atom/"])
@pytest.mark.parametrize("field", ["summary", "search_description"])
def test_a_plain_text_summary_stays_text_in_the_feed(client, blog, route, field):
    # A WXR excerpt lands in these plain-text fields; a feed reader treats an item's
    # description as HTML, so the text must be escaped for HTML before XML escapes it again.
    make_article(blog, "Evening", **{field: HOSTILE_SUMMARY})

    _, feed = fetch(client, blog.url + route)
    entry = feed.entries[0]

    assert entry.summary_detail.type == "text/html"
    assert as_html(entry.summary).find(["img", "b"]) is None
    assert as_html(entry.summary).get_text() == HOSTILE_SUMMARY


@pytest.mark.parametrize("route", ["feed/", "feed/atom/"])
def test_a_title_with_markup_in_it_stays_text_in_the_feed(client, blog, route):
    make_article(blog, HOSTILE_TITLE)

    _, feed = fetch(client, blog.url + route)
    title = feed.entries[0].title_detail

    rendered = as_html(title.value) if title.type == "text/html" else None
    assert rendered is None or rendered.find("img") is None
    assert (rendered.get_text() if rendered else title.value) == HOSTILE_TITLE


@pytest.mark.parametrize("route", ["feed/", "feed/atom/"])
def test_the_blogs_own_description_stays_text_in_the_feed(client, blog, route):
    blog.search_description = HOSTILE_SUMMARY
    blog.save_revision().publish()

    _, feed = fetch(client, blog.url + route)
    subtitle = feed.feed.subtitle_detail

    rendered = as_html(subtitle.value) if subtitle.type == "text/html" else None
    assert rendered is None or rendered.find(["img", "b"]) is None
    assert (rendered.get_text() if rendered else subtitle.value) == HOSTILE_SUMMARY
