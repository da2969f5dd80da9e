"""After a publish, a served process computes again what it remembered, before a reader asks.

The rebuild's own tests run on both shared backends (disk and a real Redis), from which it
reads the generations; the two through the whole stack on the disk alone.
"""

import logging
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quietroom.core import generation, memo
from quietroom.core.backends import Unavailable
from quietroom.core.models import remembered_renditions
from quietroom.core.tests.factories import make_article, make_image
from quietroom.serving.tests.support import day, wsgi_get

on_both_backends = pytest.mark.usefixtures("shared_backend")
SITE = 42  # the values below need no database, only a generation
calls = []


@memo.per_site
def doubled(site_id: int, number: int) -> int:
    calls.append(("doubled", site_id, number))
    return number * 2


@memo.per_site
def sized(site_id: int, name: str, *, source: str) -> int:
    """Takes an object its caller loaded, which a rebuild does not have."""
    calls.append(("sized", site_id, name))
    return len(source)


failing = {"times": 0}


@memo.per_site
def fragile(site_id: int) -> str:
    failing["times"] += 1
    if failing["times"] > 1:
        raise RuntimeError("the database went away")
    return "first"


@pytest.fixture(autouse=True)
def forget_calls():
    calls.clear()
    failing["times"] = 0


def test_a_readers_first_view_after_a_publish_needs_one_query_once_rebuilt(blog):
    read = make_article(blog, "On sleep", day(3))
    unread = make_article(blog, "On rest", day(2))
    assert wsgi_get(read.url)[0] == 200  # the site's values are remembered

    make_article(blog, "On worry", day(4))  # a publish moves the site's generation on

    assert memo.rebuild() >= 5
    with CaptureQueriesContext(connection) as queries:
        assert wsgi_get(unread.url)[0] == 200
    assert len(queries) == 1, [query["sql"][:100] for query in queries]
    # What was computed again is what the publish changed: the blog lists the new article.
    assert b"On worry" in wsgi_get(blog.url)[2]


def test_an_articles_hero_renditions_are_rebuilt_from_the_image_row(blog):
    hero = make_image("Morning light", description="Light through a window")
    article = make_article(blog, "On sleep", day(3), hero_image=hero, hero_alt="A window")
    assert wsgi_get(article.url)[0] == 200
    make_article(blog, "On worry", day(4))

    memo.rebuild()
    computed = memo.computed()
    with CaptureQueriesContext(connection) as queries:
        assert wsgi_get(article.url)[0] == 200
    assert memo.computed() == computed  # the hero's renditions too: nothing left to compute
    assert len(queries) == 1


def test_a_blogs_cards_are_rebuilt_and_only_the_new_articles_is_made(blog):
    make_article(blog, "On sleep", day(3))
    make_article(blog, "On rest", day(2))
    assert wsgi_get(blog.url)[0] == 200
    make_article(blog, "On worry", day(4))

    memo.rebuild()
    computed = memo.computed()
    body = wsgi_get(blog.url)[2]
    assert memo.computed() == computed + 1  # the new article's card, nothing else
    assert body.count(b'<article class="card">') == 3


def test_renditions_of_an_image_edited_since_are_not_rebuilt(blog, caplog):
    hero = make_image("Morning light", description="Light through a window")
    article = make_article(blog, "On sleep", day(3), hero_image=hero, hero_alt="A window")
    assert wsgi_get(article.url)[0] == 200
    site_id = article.get_site().pk
    old_keys = {
        args
        for function, args in memo.remembered_keys(site_id)
        if function is remembered_renditions.uncached
    }
    hero.set_focal_point(None)
    hero.focal_point_x, hero.focal_point_y, hero.focal_point_width, hero.focal_point_height = (
        10,
        10,
        50,
        50,
    )
    hero.save()  # a new focal point: readers ask with new keys from now on

    with caplog.at_level(logging.WARNING, logger="quietroom.core.memo"):
        memo.rebuild()
    assert old_keys
    assert not old_keys & {
        args
        for function, args in memo.remembered_keys(site_id)
        if function is remembered_renditions.uncached
    }
    assert "could not be rebuilt" not in caplog.text
    assert wsgi_get(article.url)[0] == 200


def test_without_a_rebuild_that_first_view_asks_the_database_again(blog):
    """The case the rebuild removes (so the test above measures something)."""
    read = make_article(blog, "On sleep", day(3))
    unread = make_article(blog, "On rest", day(2))
    assert wsgi_get(read.url)[0] == 200
    make_article(blog, "On worry", day(4))

    with CaptureQueriesContext(connection) as queries:
        assert wsgi_get(unread.url)[0] == 200
    assert len(queries) > 3


@on_both_backends
def test_values_are_computed_again_under_the_new_generation_and_then_read():
    site_id = SITE
    assert doubled(site_id, 2) == 4
    generation.bump_site(site_id)

    assert memo.rebuild() == 1
    assert calls == [("doubled", site_id, 2), ("doubled", site_id, 2)]
    assert doubled(site_id, 2) == 4
    assert len(calls) == 2  # read, not computed a third time


@on_both_backends
def test_nothing_is_computed_while_the_generation_stands():
    site_id = SITE
    doubled(site_id, 3)

    assert memo.rebuild() == 0
    assert len(calls) == 1


@on_both_backends
def test_a_value_made_from_an_object_the_caller_loaded_is_left_to_the_reader():
    site_id = SITE
    assert sized(site_id, "logo", source="logo.png") == 8
    generation.bump_site(site_id)

    assert memo.rebuild() == 0
    assert sized(site_id, "logo", source="logo-2.png") == 10  # stale: computed again
    assert len(calls) == 2


@on_both_backends
def test_a_failed_rebuild_keeps_the_stale_value_and_is_not_retried(caplog):
    site_id = SITE
    assert fragile(site_id) == "first"
    generation.bump_site(site_id)

    with caplog.at_level(logging.WARNING, logger="quietroom.core.memo"):
        assert memo.rebuild() == 0
        assert memo.rebuild() == 0
    assert failing["times"] == 2  # tried once for this generation, not on every pass
    assert "could not be rebuilt" in caplog.text
    assert memo.last_known(fragile, site_id) == "first"  # for the error pages


@on_both_backends
def test_a_backend_that_cannot_be_reached_rebuilds_nothing(monkeypatch):
    site_id = SITE
    doubled(site_id, 5)
    generation.bump_site(site_id)

    def unreachable(*names):
        raise Unavailable("no backend")

    monkeypatch.setattr(type(generation.backend()), "generations", unreachable)
    assert memo.rebuild() == 0
    assert len(calls) == 1


@on_both_backends
def test_the_thread_rebuilds_without_any_request():
    site_id = SITE
    doubled(site_id, 7)
    rebuilder = memo.start_rebuilding(interval=0.02)
    try:
        generation.bump_site(site_id)
        for _ in range(250):  # bounded: about five seconds at most
            if len(calls) == 2:
                break
            time.sleep(0.02)
    finally:
        memo.stop_rebuilding()
    assert calls == [("doubled", site_id, 7)] * 2
    assert not rebuilder.is_alive()
