"""Run inside `quietroom shell`: median render time and queries of pages missing from the cache.

Three cases for the article, from warmest to coldest: the page cache lost the page but nothing
changed (an expired entry); the first view of this article after a publish, once any other
article has been viewed (what the site shares is remembered again); and the very first view
after a publish, with nothing remembered. A worker that merely lacks a page another worker
rendered reads it from disk and renders nothing.
"""

import json
import statistics
import time
from pathlib import Path

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from quietroom.blog.models import ArticlePage, BlogIndexPage
from quietroom.serving import diskcache, generation, pagecache

ROUNDS = 30


def forget(url):
    """The page cache loses `url`, in memory and on disk, as when its entry expires; the
    generation's folder stays, as it does for every page but the first after a publish."""
    diskcache.flush()
    pagecache.clear_local()
    name = pagecache.file_name(pagecache.key("127.0.0.1", url, ""))
    (Path(diskcache.root()) / str(generation.current()) / name).unlink(missing_ok=True)


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


def publish_then_view_another():
    generation.bump()
    client.get(other.url)
    forget(article.url)


print(
    "RESULT",
    json.dumps(
        {
            "article": measure(client, article.url),
            "article after a publish": measure(client, article.url, publish_then_view_another),
            "article, nothing remembered": measure(client, article.url, generation.bump),
            "index": measure(client, BlogIndexPage.objects.get().url),
        }
    ),
)
