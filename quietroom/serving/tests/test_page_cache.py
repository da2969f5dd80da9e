"""Anonymous pages come from the cache, compressed, and a publish shows at once."""

import datetime
import gzip
import io
import sys

import brotli
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks
from wagtail.models import PageViewRestriction, Site

from quietroom.core.tests.factories import make_article, make_contact_page, sign_in_verified
from quietroom.practice.models import PracticeSettings
from quietroom.serving import diskcache, generation, pagecache
from quietroom.serving.wsgi import PageCacheApplication

application = PageCacheApplication(WSGIHandler())


@pytest.fixture(autouse=True)
def keep_the_test_connection_open():
    """As Django's test client does: the handler must not close the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def wsgi_get(path, method="GET", **headers):
    """Call the real WSGI application as a server would; returns (status, headers, body)."""
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "HTTP_HOST": "localhost",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "SERVER_PROTOCOL": "HTTP/1.1",
        **{"HTTP_" + name.upper(): value for name, value in headers.items()},
    }
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"] = int(status.split()[0])
        answer["headers"] = dict(response_headers)

    body = b"".join(application(environ, start_response))
    return answer["status"], answer["headers"], body


def day(n):
    return datetime.date(2026, 4, n)


@pytest.fixture
def article(blog):
    return make_article(blog, "Cached article", day(1), summary="On being cached.")


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
    entry = pagecache.lookup(pagecache.key("localhost", article.url, ""))
    assert set(entry.bodies) == {"identity", "br"}

    status, headers, body = wsgi_get(article.url, accept_encoding="gzip")

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == entry.bodies["identity"]
    assert set(entry.bodies) == {"identity", "br", "gzip"}


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

    assert pagecache.lookup(pagecache.key("localhost", blog.url, "page=1"))
    assert not pagecache.lookup(pagecache.key("localhost", blog.url, "utm_source=x"))


def test_not_found_pages_are_not_cached(home):
    assert wsgi_get("/no-such-page/")[0] == 404
    assert not pagecache.lookup(pagecache.key("localhost", "/no-such-page/", ""))


def test_a_bumped_generation_makes_every_entry_stale(article):
    wsgi_get(article.url)
    assert pagecache.lookup(pagecache.key("localhost", article.url, ""))

    generation.bump()

    assert not pagecache.lookup(pagecache.key("localhost", article.url, ""))


def test_a_page_rendered_while_content_changes_is_stored_as_stale(article):
    def content_changes_meanwhile(page, request, serve_args, serve_kwargs):
        generation.bump()

    with hooks.register_temporarily("before_serve_page", content_changes_meanwhile):
        status, _, body = wsgi_get(article.url)
    assert status == 200
    assert b"Cached article" in body

    assert not pagecache.lookup(pagecache.key("localhost", article.url, ""))
    with CaptureQueriesContext(connection) as queries:
        assert wsgi_get(article.url)[0] == 200
    assert len(queries) > 0, "the page read before the change must be rendered again"


def test_two_bumps_in_a_row_give_two_generations():
    before = generation.current()
    generation.bump()
    middle = generation.current()
    generation.bump()

    assert before < middle < generation.current()


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


# Pages on disk, shared by the worker processes of one machine (no Redis).


@pytest.fixture
def own_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    return tmp_path


def pages_on_disk(data_dir) -> dict[str, list[str]]:
    """File names under cache/pages, by generation folder, once the writes have ended."""
    diskcache.flush()
    root = data_dir / "cache" / "pages"
    if not root.is_dir():
        return {}
    return {
        folder.name: sorted(f.name for f in folder.iterdir() if not f.name.startswith("."))
        for folder in root.iterdir()
    }


def test_a_page_one_worker_rendered_is_answered_by_another_without_the_database(
    own_data_dir, article
):
    first = wsgi_get(article.url, accept_encoding="br")
    diskcache.flush()  # written by a thread, after the reply
    pagecache.clear_local()  # what a second worker process starts with

    with CaptureQueriesContext(connection) as queries:
        second = wsgi_get(article.url, accept_encoding="br")

    assert len(queries) == 0
    assert second[0] == 200
    assert second[2] == first[2]
    assert second[1]["ETag"] == first[1]["ETag"]
    key = pagecache.key("localhost", article.url, "")
    assert pages_on_disk(own_data_dir) == {str(generation.current()): [pagecache.file_name(key)]}


def test_a_bump_leaves_the_disk_pages_unused_and_the_next_page_removes_them(
    own_data_dir, blog, article
):
    wsgi_get(article.url)
    diskcache.flush()
    before = str(generation.current())
    generation.bump()
    pagecache.clear_local()

    with CaptureQueriesContext(connection) as queries:
        assert wsgi_get(article.url)[0] == 200
    assert len(queries) > 0, "a page cached before the bump must be rendered again"
    assert before not in pages_on_disk(own_data_dir)
    assert list(pages_on_disk(own_data_dir)) == [str(generation.current())]


def test_a_damaged_page_file_is_rendered_again(own_data_dir, article):
    wsgi_get(article.url)
    diskcache.flush()
    key = pagecache.key("localhost", article.url, "")
    stored = own_data_dir / "cache" / "pages" / str(generation.current())
    stored = stored / pagecache.file_name(key)
    stored.write_bytes(stored.read_bytes()[:40])  # cut short, as by a crash mid-write
    pagecache.clear_local()

    status, _, body = wsgi_get(article.url)

    assert status == 200
    assert b"Cached article" in body


def test_a_page_expired_by_the_clock_is_not_used_from_disk(own_data_dir, settings, article):
    settings.QUIETROOM_PAGE_CACHE_SECONDS = -1  # stored already expired
    wsgi_get(article.url)
    diskcache.flush()
    pagecache.clear_local()

    with CaptureQueriesContext(connection) as queries:
        assert wsgi_get(article.url)[0] == 200
    assert len(queries) > 0


def test_when_the_disk_refuses_pages_are_still_served_and_kept_in_memory(
    own_data_dir, article, caplog
):
    (own_data_dir / "cache").mkdir(exist_ok=True)
    (own_data_dir / "cache" / "pages").write_text("a file where the folder should be")

    first = wsgi_get(article.url)
    diskcache.flush()
    with CaptureQueriesContext(connection) as queries:
        second = wsgi_get(article.url)

    assert first[0] == second[0] == 200
    assert len(queries) == 0
    assert "could not be kept on disk" in caplog.text


def test_pages_on_disk_are_bounded_per_generation(own_data_dir, monkeypatch, article):
    monkeypatch.setattr(diskcache, "MAX_ENTRIES", 3)
    monkeypatch.setattr(diskcache, "COUNT_EVERY", 1)
    for number in range(1, 8):  # any page answers ?page=N, so each is a new address
        assert wsgi_get(f"{article.url}?page={number}")[0] == 200

    assert len(pages_on_disk(own_data_dir)[str(generation.current())]) == 3
