"""An article missing from the page cache is rendered with at most six queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from quietroom.blog.models import ArticlePage
from quietroom.serving import pagecache

QUERY_BUDGET = 6


def test_an_uncached_article_needs_at_most_six_queries(client, demo_site):
    articles = list(ArticlePage.objects.published().order_by("pk"))
    for article in articles:  # image renditions are made once, on a page's first view
        client.get(article.url)
    pagecache.clear_local()

    for article in articles:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(article.url)
        assert response.status_code == 200
        assert len(queries) <= QUERY_BUDGET, [q["sql"][:120] for q in queries]


def test_the_blog_index_and_home_stay_within_a_small_budget(client, demo_site):
    home = ArticlePage.objects.first().get_site().root_page
    blog = ArticlePage.objects.first().get_parent()
    client.get(home.url)
    pagecache.clear_local()

    for url in (home.url, blog.url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) <= 8, (url, [q["sql"][:120] for q in queries])
