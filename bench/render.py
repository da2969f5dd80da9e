"""Run inside `quietroom shell`: median render time and queries of pages missing from the cache."""

import json
import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from quietroom.blog.models import ArticlePage, BlogIndexPage
from quietroom.serving import pagecache

ROUNDS = 30


def measure(client, url):
    client.get(url)  # first view: renditions made, site-wide data remembered
    times, queries = [], 0
    for _ in range(ROUNDS):
        pagecache.clear_local()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, HTTP_HOST="127.0.0.1")
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return {"ms": statistics.median(times), "queries": queries}


client = Client(HTTP_HOST="127.0.0.1")
article = ArticlePage.objects.published().get(slug="grief-has-no-schedule")
print(
    "RESULT",
    json.dumps(
        {
            "article": measure(client, article.url),
            "index": measure(client, BlogIndexPage.objects.get().url),
        }
    ),
)
