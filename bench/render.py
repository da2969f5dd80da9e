"""Run inside `quietroom shell`: median render time and queries of pages missing from the cache.

Four cases for the article, from warmest to coldest: the page cache lost the page but nothing
changed (an expired entry); the first view of this article after a publish, once any other
article has been viewed (what the site shares is remembered again); the first view after a
publish once the process's rebuilding thread has computed again what it remembered (as a
served worker does within a quarter of a second, `quietroom/core/memo.py`); and the very
first view after a publish, before that, with nothing remembered. A worker that merely lacks
a page another worker rendered reads it from the shared backend and renders nothing.
"""

import json
import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from quietroom.blog.models import ArticlePage, BlogIndexPage
from quietroom.core import generation, memo, sites
from quietroom.core.backends import backend
from quietroom.serving import pagecache

ROUNDS = 30
META = {"HTTP_HOST": "127.0.0.1", "SERVER_PORT": "80", "wsgi.url_scheme": "http"}


def forget(url):
    """The page cache loses `url`, in this process and in the shared backend, as when its
    entry expires; the generation stays, as it does for every page but the first after a
    publish."""
    meta = {**META, "REQUEST_METHOD": "GET", "PATH_INFO": url, "QUERY_STRING": ""}
    key = pagecache.key_for(meta, sites.record_for(meta))
    backend().flush()
    pagecache.clear_local()
    backend().delete(pagecache.shared_key(key, generation.site(key.site_id)))


def measure(client, url, before=lambda: None):
    client.get(url)  # first view: renditions made
    times, queries = [], 0
    for _ in range(ROUNDS):
        forget(url)
        before()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return {"ms": statistics.median(times), "queries": queries}


# As a browser asks: the page is compressed (brotli) on its way into the cache.
client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip, deflate, br, zstd")
article = ArticlePage.objects.published().get(slug="grief-has-no-schedule")
other = ArticlePage.objects.published().exclude(pk=article.pk).first()
site_id = article.get_site().pk


def publish_then_rebuild():
    generation.bump_site(site_id)
    memo.rebuild()


def publish_then_view_another():
    generation.bump_site(site_id)
    client.get(other.url)
    forget(article.url)


print(
    "RESULT",
    json.dumps(
        {
            "article": measure(client, article.url),
            "article after a publish": measure(client, article.url, publish_then_view_another),
            "article after a publish, rebuilt": measure(client, article.url, publish_then_rebuild),
            "article, nothing remembered": measure(
                client, article.url, lambda: generation.bump_site(site_id)
            ),
            "index": measure(client, BlogIndexPage.objects.get().url),
        }
    ),
)
