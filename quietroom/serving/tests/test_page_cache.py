"""Anonymous pages come from the cache, compressed, and a publish shows at once.

The tests that store and read pages run twice (the `shared_backend` fixture): with pages and
generations on disk, and in a real Redis server.
"""

import gzip

import brotli
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks
from wagtail.models import PageViewRestriction, Site

from quietroom.core import generation
from quietroom.core.tests.factories import make_article, make_contact_page, sign_in_verified
from quietroom.practice.models import PracticeSettings
from quietroom.serving import pagecache
from quietroom.serving.tests.support import (
    bump,
    day,
    default_site_id,
    key_of,
    shared_entries,
    stored_entry,
    wsgi_get,
)

pytestmark = pytest.mark.usefixtures("shared_backend")


def test_a_second_anonymous_view_is_served_without_touching_the_database(article):
    first = wsgi_get(article.url)
    with CaptureQueriesContext(connection) as queries:
        second = wsgi_get(article.url)

    assert first[0] == second[0] == 200
    assert second[2] == first[2]
    assert b"Cached article" in second[2]
    assert len(queries) == 0


@pytest.mark.parametrize(
    ("accept", "coding", "decode"),
    [
        ("gzip, deflate, br", "br", brotli.decompress),
        ("gzip", "gzip", gzip.decompress),
        ("", None, lambda body: body),
        ("br;q=0, gzip;q=1", "gzip", gzip.decompress),
    ],
)
def test_the_client_gets_the_coding_it_accepts(article, accept, coding, decode):
    plain = wsgi_get(article.url)[2]

    for _ in range(2):  # the miss, then the hit
        status, headers, body = wsgi_get(article.url, accept_encoding=accept)
        assert status == 200
        assert headers.get("Content-Encoding") == coding
        assert headers["Vary"] == "Accept-Encoding"
        assert int(headers["Content-Length"]) == len(body)
        assert decode(body) == plain


def test_a_miss_compresses_only_the_coding_asked_for_and_others_when_first_asked(article):
    wsgi_get(article.url, accept_encoding="br")
    entry = stored_entry(article.url)
    assert set(entry.bodies) == {"identity", "br"}

    status, headers, body = wsgi_get(article.url, accept_encoding="gzip")

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == entry.bodies["identity"]
    assert set(stored_entry(article.url).bodies) == {"identity", "br", "gzip"}


def test_an_unchanged_page_is_answered_with_304(article):
    _, headers, _ = wsgi_get(article.url)

    status, again, body = wsgi_get(article.url, if_none_match=headers["ETag"])

    assert headers["ETag"].startswith('W/"')
    assert headers["Last-Modified"]
    assert headers["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert (status, body) == (304, b"")
    assert again["ETag"] == headers["ETag"]


def test_head_gets_the_headers_without_the_body(article):
    wsgi_get(article.url)
    status, headers, body = wsgi_get(article.url, method="HEAD")

    assert (status, body) == (200, b"")
    assert int(headers["Content-Length"]) > 1000


def test_publishing_is_visible_at_once_and_neighbours_update(blog, article):
    newest = make_article(blog, "Newest article", day(9))
    assert b"Cached article" in wsgi_get(newest.url)[2]
    assert b"Newest article" in wsgi_get(article.url)[2]
    assert b"Newest article" in wsgi_get(blog.url)[2]

    between = make_article(blog, "Published in between", day(5))

    assert b"Published in between" in wsgi_get(blog.url)[2]
    assert b"Published in between" in wsgi_get(blog.url + "feed/")[2]
    newest_html, older_html = wsgi_get(newest.url)[2], wsgi_get(article.url)[2]
    assert b"Published in between" in newest_html
    assert b"Cached article" not in newest_html
    assert b"Published in between" in older_html
    assert b"Newest article" not in older_html
    assert b"Published in between" in wsgi_get(between.url)[2]


def test_unpublishing_is_visible_at_once(blog, article):
    assert wsgi_get(article.url)[0] == 200

    article.unpublish()

    assert wsgi_get(article.url)[0] == 404
    assert b"Cached article" not in wsgi_get(blog.url)[2]


def test_a_settings_change_reaches_every_cached_page(home, article):
    assert b"Test Practice" not in wsgi_get(article.url)[2]

    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    practice.name = "Test Practice"
    practice.save()

    assert b"Test Practice" in wsgi_get(article.url)[2]
    assert b"Test Practice" in wsgi_get(home.url)[2]


def test_signed_in_editors_bypass_the_cache(client, article, django_user_model):
    wsgi_get(article.url)
    editor = django_user_model.objects.create_superuser("ed", password="pw")
    sign_in_verified(client, editor)  # outside the admin a password alone is not signed in
    session = client.cookies["sessionid"].value

    status, headers, body = wsgi_get(article.url, cookie=f"sessionid={session}")

    assert status == 200
    assert "ETag" not in headers
    assert b"wagtail-userbar" in body or b"userbar" in body


def test_the_contact_page_is_never_cached_nor_its_cookie_shared(home, inbox_keys):
    page = make_contact_page(home)

    first = wsgi_get(page.url)
    second = wsgi_get(page.url)

    assert "csrftoken" in first[1].get("Set-Cookie", "")
    assert "csrftoken" in second[1].get("Set-Cookie", "")
    assert first[1]["Cache-Control"] == "private, no-store"
    assert "ETag" not in second[1]


def test_other_query_strings_are_not_cached_but_page_numbers_are(blog, article):
    wsgi_get(blog.url + "?page=1")
    wsgi_get(blog.url + "?utm_source=x")

    assert stored_entry(blog.url + "?page=1")
    assert not key_of(blog.url + "?utm_source=x")


def test_not_found_pages_are_not_cached(home):
    assert wsgi_get("/no-such-page/")[0] == 404
    assert not stored_entry("/no-such-page/")


def test_a_bumped_generation_makes_every_entry_stale(article):
    wsgi_get(article.url)
    assert stored_entry(article.url)

    bump()

    assert not stored_entry(article.url)


def test_a_page_rendered_while_content_changes_is_stored_as_stale(article):
    def content_changes_meanwhile(page, request, serve_args, serve_kwargs):
        bump()

    with hooks.register_temporarily("before_serve_page", content_changes_meanwhile):
        status, _, body = wsgi_get(article.url)
    assert status == 200
    assert b"Cached article" in body

    assert not stored_entry(article.url)
    with CaptureQueriesContext(connection) as queries:
        assert wsgi_get(article.url)[0] == 200
    assert len(queries) > 0, "the page read before the change must be rendered again"


def test_two_bumps_in_a_row_give_two_generations(home):
    site_id = default_site_id()
    before = generation.site(site_id)
    bump()
    middle = generation.site(site_id)
    bump()

    assert before < middle < generation.site(site_id)


def test_a_page_made_private_asks_for_login_at_once(blog, article):
    assert wsgi_get(article.url)[0] == 200

    PageViewRestriction.objects.create(page=article, restriction_type="login")

    status, headers, _ = wsgi_get(article.url)
    assert status == 302
    assert headers["Location"].startswith("/_util/login/")
    assert b"Cached article" not in wsgi_get(blog.url)[2]


def test_a_private_section_stays_private_for_pages_below_it(blog):
    PageViewRestriction.objects.create(page=blog, restriction_type="login")
    below = make_article(blog, "Below a private blog", day(2))

    assert wsgi_get(below.url)[0] == 302
    assert wsgi_get(blog.url)[0] == 302


def test_a_new_slug_answers_at_once_and_the_old_address_is_gone(blog, article):
    old_url = article.url
    assert wsgi_get(old_url)[0] == 200

    article.slug = "renamed-article"
    article.save_revision().publish()

    assert wsgi_get(blog.url + "renamed-article/")[0] == 200
    assert wsgi_get(old_url)[0] in (301, 302, 404)


def test_a_draft_child_is_not_served_even_when_unknown_to_the_url_map(blog, article):
    from quietroom.core.tests.factories import make_draft

    wsgi_get(article.url)  # the map of URL paths is now built
    draft = make_draft(blog, "Just a draft")

    assert wsgi_get(draft.url or blog.url + draft.slug + "/")[0] == 404


# The shared backend: pages one worker stored, read by the others (and by other hosts with Redis).


def test_a_page_one_worker_rendered_is_answered_by_another_without_the_database(
    shared_backend, article
):
    first = wsgi_get(article.url, accept_encoding="br")
    shared_backend.flush()  # on disk, written by a thread after the reply
    pagecache.clear_local()  # what a second worker process starts with

    with CaptureQueriesContext(connection) as queries:
        second = wsgi_get(article.url, accept_encoding="br")

    assert len(queries) == 0
    assert second[0] == 200
    assert second[2] == first[2]
    assert second[1]["ETag"] == first[1]["ETag"]
    assert shared_entries(shared_backend) == 1


def test_a_bump_leaves_the_shared_pages_unused(shared_backend, blog, article):
    wsgi_get(article.url)
    shared_backend.flush()
    bump()
    pagecache.clear_local()

    with CaptureQueriesContext(connection) as queries:
        assert wsgi_get(article.url)[0] == 200
    assert len(queries) > 0, "a page cached before the bump must be rendered again"


def test_a_damaged_shared_entry_is_rendered_again(shared_backend, article):
    wsgi_get(article.url)
    shared_backend.flush()
    key = key_of(article.url)
    stored = shared_backend.get(pagecache.shared_key(key, generation.site(key.site_id)))
    shared_backend.set(pagecache.shared_key(key, generation.site(key.site_id)), stored[:40], 60)
    shared_backend.flush()
    pagecache.clear_local()

    status, _, body = wsgi_get(article.url)

    assert status == 200
    assert b"Cached article" in body


def test_a_page_expired_by_the_clock_is_not_used_from_the_shared_store(
    shared_backend, settings, article
):
    settings.QUIETROOM_PAGE_CACHE_SECONDS = 1
    wsgi_get(article.url)
    shared_backend.flush()
    key = key_of(article.url)
    entry = pagecache.lookup(key)
    expired = pagecache.encode(
        pagecache.Entry(**{**entry.__dict__, "expires": entry.expires - 3600})
    )
    shared_backend.set(pagecache.shared_key(key, entry.generation), expired, 60)
    shared_backend.flush()
    pagecache.clear_local()

    with CaptureQueriesContext(connection) as queries:
        assert wsgi_get(article.url)[0] == 200
    assert len(queries) > 0


def test_entries_are_stored_as_bytes_never_as_pickles(shared_backend, article):
    wsgi_get(article.url)
    shared_backend.flush()
    key = key_of(article.url)

    stored = shared_backend.get(pagecache.shared_key(key, generation.site(key.site_id)))

    head, _, body = stored.partition(b"\n")
    assert head.startswith(b"{")
    assert b'"etag"' in head
    assert b"Cached article" in body
    assert not stored.startswith(b"\x80")  # the pickle protocol's first byte


def test_a_preview_is_never_answered_from_the_cache_nor_stored(blog, article):
    cached = wsgi_get(article.url)[2]
    article.title = "Retitled in the editor, not saved"

    preview = article.make_preview_request().content

    assert b"Retitled in the editor, not saved" in preview
    assert stored_entry(article.url).bodies["identity"] == cached
