"""After the demo is built and read once, a reader's request writes nothing to the database.

The full-disk test (reliability/tests/test_full_database_disk.py) is where this mattered: a
first read of the demo article made twelve renditions, and on a nearly full disk that read
was a 503.
"""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from quietroom.core import generation
from quietroom.serving import pagecache
from quietroom.serving.warm import public_pages, warm_site

ARTICLE = "/articles/grief-has-no-schedule/"


def writes_while_reading(url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert Client(HTTP_HOST="127.0.0.1:8000").get(url).status_code == 200
    return [q["sql"] for q in queries.captured_queries if q["sql"].startswith(("INSERT", "UPDATE"))]


def test_a_first_read_makes_renditions_and_after_warming_no_read_writes(demo_site, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    site = Site.objects.get(is_default_site=True)
    assert writes_while_reading(ARTICLE), "a first read of the article no longer writes"
    pagecache.clear()
    generation.bump_every_site()

    warmed = warm_site(site)

    urls = [page.get_url(None, site) for page in public_pages(site).specific()]
    assert {answer.url for answer in warmed} == set(urls)
    assert len(urls) > 15
    assert {answer.status for answer in warmed} == {200}
    pagecache.clear()  # rendered again, not answered from the cache
    generation.bump_every_site()
    for url in urls:
        assert writes_while_reading(url) == [], url
