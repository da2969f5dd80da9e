"""An article missing from the page cache is rendered with at most six queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from quietroom.blog.models import ArticlePage
from quietroom.core import generation
from quietroom.serving import pagecache

QUERY_BUDGET = 6


def test_an_uncached_article_needs_at_most_six_queries(client, demo_site):
    articles = list(ArticlePage.objects.published().order_by("pk"))
    for article in articles:  # image renditions are made once, on a page's first view
        client.get(article.url)
    pagecache.clear()

    for article in articles:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(article.url)
        assert response.status_code == 200
        assert len(queries) <= QUERY_BUDGET, [q["sql"][:120] for q in queries]


def test_the_blog_index_and_home_stay_within_a_small_budget(client, demo_site):
    home = ArticlePage.objects.first().get_site().root_page
    blog = ArticlePage.objects.first().get_parent()
    client.get(home.url)
    client.get(blog.url)  # the cards' renditions are made once, on a listing's first view
    pagecache.clear()

    # The home page's sections each list their own pages (clinicians, services, articles),
    # and Wagtail's public() asks for the view restrictions once per list.
    for url, budget in ((home.url, 12), (blog.url, 8)):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) <= budget, (url, [q["sql"][:120] for q in queries])


def shown_links(html: str, kind: str) -> list[str]:
    """Names of the tag or category links an article page shows."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    found = soup.select("ul.tags a") if kind == "tags" else soup.select("p.kicker a")
    return [link.get_text() for link in found]


def test_after_a_publish_an_article_needs_one_query_once_another_was_viewed(client, demo_site):
    articles = list(ArticlePage.objects.published().order_by("pk"))
    for article in articles:
        client.get(article.url)

    generation.bump_site(articles[0].get_site().pk)  # as a publish does
    pagecache.clear()
    client.get(articles[0].url)  # what the whole blog shares is read again here
    for article in articles[1:]:
        with CaptureQueriesContext(connection) as queries:
            html = client.get(article.url).content.decode()
        assert len(queries) == 1, [q["sql"][:120] for q in queries]
        tagged = article.tagged_items.order_by("pk")  # the order they were given in
        assert shown_links(html, "tags") == [item.tag.name for item in tagged]
        assert shown_links(html, "categories") == [c.name for c in article.categories.all()]
