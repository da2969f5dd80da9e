"""After the demo is built and read once, a reader's request writes nothing to the database.

The full-disk test (reliability/tests/test_full_database_disk.py) is where this mattered: a
first read of the demo article made twelve renditions, and on a nearly full disk that read
was a 503.
"""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.images.rect import Rect
from wagtail.models import Site

from quietroom.core import generation
from quietroom.core.models import CustomRendition
from quietroom.core.tests.factories import make_article, make_image
from quietroom.serving import pagecache
from quietroom.serving.tests.support import shared_entries, stored_entry
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


# After a publish: the worker reads what changed, so no reader waits for its render.


def test_a_publish_has_the_worker_read_the_page_and_the_pages_that_list_it(
    shared_backend, home, blog, article, django_capture_on_commit_callbacks
):
    article.title = "Warmed by the worker"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    shared_backend.flush()  # on disk, written by a thread
    pagecache.clear_local()  # what a server's worker starts with: only the shared store

    for page in (article, blog, home):
        entry = stored_entry(page.url)
        assert entry is not None, page.url
        assert b"Warmed by the worker" in entry.bodies["identity"], page.url


def test_the_worker_reads_nothing_until_the_publish_has_committed(
    shared_backend, blog, article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as waiting:
        article.save_revision().publish()
        assert shared_entries(shared_backend) == 0

    assert waiting, "nothing was left for after the commit"
    assert shared_entries(shared_backend) == 0


def test_after_an_unpublish_the_worker_reads_the_blog_without_the_article(
    shared_backend, blog, article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    shared_backend.flush()
    pagecache.clear_local()

    assert stored_entry(article.url) is None
    listing = stored_entry(blog.url)
    assert listing is not None
    assert b"Cached article" not in listing.bodies["identity"]


# After an image changes: its new renditions are made by the worker, before any reader.


def test_a_changed_image_has_the_worker_make_its_renditions_before_a_reader_asks(
    db, home, blog, django_capture_on_commit_callbacks, settings
):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
    image = make_image(width=1600, height=1000)
    shown = make_article(blog, "With a picture", hero_image=image, hero_alt="A river")
    before = set(CustomRendition.objects.values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        image.set_focal_point(Rect(100, 100, 400, 400))
        image.save()

    made = CustomRendition.objects.filter(image=image).exclude(pk__in=before)
    assert made.exists(), "no rendition for the new focal point was made"
    pagecache.clear()
    generation.bump_every_site()
    assert writes_while_reading(shown.url) == []
