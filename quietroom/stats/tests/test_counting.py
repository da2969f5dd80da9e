"""Every reader's view of a public page counts once, on the fast path and in Django alike, and
nothing else does; what is kept is the site, the path, the day and the referring host."""

import datetime

import pytest
from django.db import DatabaseError
from wagtail.models import Site

from quietroom.core.models import ReaderCounting
from quietroom.core.tests.factories import make_contact_page, sign_in_verified
from quietroom.serving.tests.support import wsgi_get
from quietroom.stats import counting
from quietroom.stats.models import PageDay, ReferrerDay

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def today():
    return datetime.datetime.now(datetime.UTC).date()


def views(path):
    counting.flush()
    row = PageDay.objects.filter(path=path, day=today()).first()
    return (row.views, row.automated) if row else (0, 0)


def test_every_view_of_a_cached_article_counts_once(article):
    for _ in range(5):  # the miss, then four answers from the fast path
        assert wsgi_get(article.url, user_agent=BROWSER)[0] == 200

    assert views(article.url) == (5, 0)


def test_a_304_counts_as_a_view(article):
    etag = wsgi_get(article.url, user_agent=BROWSER)[1]["ETag"]

    assert wsgi_get(article.url, user_agent=BROWSER, if_none_match=etag)[0] == 304

    assert views(article.url) == (2, 0)


@pytest.mark.parametrize(
    "agent",
    [
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/125.0 Mobile Safari/537.36 (compatible; Googlebot/2.1)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/125.0 Safari/537.36",
        "facebookexternalhit/1.1",
        "python-requests/2.32",
        "curl/8.5.0",
        "",
    ],
)
def test_a_bot_counts_as_automated_only(article, agent):
    wsgi_get(article.url, user_agent=agent)
    wsgi_get(article.url, user_agent=agent)

    assert views(article.url) == (0, 2)


def test_head_post_not_found_and_files_count_nothing(home, article):
    wsgi_get(article.url, method="HEAD", user_agent=BROWSER)
    wsgi_get(article.url, method="POST", user_agent=BROWSER)
    assert wsgi_get("/no-such-page/", user_agent=BROWSER)[0] == 404
    wsgi_get("/static/quietroom/site.css", user_agent=BROWSER)
    wsgi_get("/admin/", user_agent=BROWSER)
    wsgi_get("/search/?q=grief", user_agent=BROWSER)

    counting.flush()
    assert list(PageDay.objects.values_list("path", "views", "automated")) == []


def test_a_feed_is_not_a_page_view(blog, article):
    status, headers, _ = wsgi_get(blog.url + "feed/", user_agent=BROWSER)

    assert status == 200
    assert "xml" in headers["Content-Type"]
    counting.flush()
    assert not PageDay.objects.exists()


def test_a_query_string_is_never_kept(article):
    wsgi_get(article.url + "?utm_source=newsletter&name=alex", user_agent=BROWSER)

    counting.flush()
    assert list(PageDay.objects.values_list("path", flat=True)) == [article.url]


def test_the_contact_page_counts_its_views_but_not_its_form(home, inbox_keys):
    page = make_contact_page(home)

    wsgi_get(page.url, user_agent=BROWSER)
    wsgi_get(page.url, method="POST", user_agent=BROWSER)

    assert views(page.url) == (1, 0)


def test_a_signed_in_editor_counts_nothing(client, article, django_user_model):
    wsgi_get(article.url)  # cached, as a reader saw it
    counting.forget()
    editor = django_user_model.objects.create_superuser("ed", password="pw")
    sign_in_verified(client, editor)

    cookie = f"sessionid={client.cookies['sessionid'].value}"
    assert wsgi_get(article.url, user_agent=BROWSER, cookie=cookie)[0] == 200
    client.get(article.url)

    assert views(article.url) == (0, 0)


def test_a_preview_counts_nothing(article):
    article.make_preview_request()

    assert views(article.url) == (0, 0)


def test_a_referring_site_is_kept_by_its_host_name_only(article):
    wsgi_get(article.url, user_agent=BROWSER, referer="https://www.Example.org:443/a/b?q=anxiety")
    wsgi_get(article.url, user_agent=BROWSER, referer="https://www.example.org/other")
    wsgi_get(article.url, user_agent=BROWSER, referer="http://localhost/articles/")
    wsgi_get(article.url, user_agent=BROWSER, referer="android-app://com.example/")

    counting.flush()
    assert list(ReferrerDay.objects.values_list("host", "views")) == [("www.example.org", 2)]


def test_a_bot_referrer_is_not_kept(article):
    wsgi_get(article.url, user_agent="SomeCrawler/1.0", referer="https://spam.example/")

    counting.flush()
    assert not ReferrerDay.objects.exists()


def test_made_up_referrers_cannot_grow_the_counts_without_end(article, monkeypatch):
    monkeypatch.setattr(counting, "REFERRERS_KEPT", 3)
    for n in range(6):
        wsgi_get(article.url, user_agent=BROWSER, referer=f"https://r{n}.example/")

    counting.flush()
    assert ReferrerDay.objects.count() == 3
    assert views(article.url) == (6, 0)


def test_a_site_switched_off_counts_nothing_even_from_the_cache(article):
    wsgi_get(article.url, user_agent=BROWSER)
    setting = ReaderCounting.for_site(Site.objects.get(is_default_site=True))
    setting.count_readers = False
    setting.save()

    for _ in range(3):
        assert wsgi_get(article.url, user_agent=BROWSER)[0] == 200

    assert views(article.url) == (1, 0)


def test_counts_add_up_over_flushes(article):
    wsgi_get(article.url, user_agent=BROWSER)
    counting.flush()
    wsgi_get(article.url, user_agent=BROWSER)
    wsgi_get(article.url, user_agent="Googlebot")

    assert views(article.url) == (2, 1)
    assert PageDay.objects.count() == 1


def test_a_failed_flush_keeps_the_counts_for_the_next(article, monkeypatch):
    wsgi_get(article.url, user_agent=BROWSER)
    wsgi_get(article.url, user_agent=BROWSER, referer="https://example.net/")

    def refuse(*args):
        raise DatabaseError("the database is down")

    with monkeypatch.context() as patched:
        patched.setattr(counting, "write", refuse)
        assert counting.flush() == 0
    wsgi_get(article.url, user_agent=BROWSER)

    assert views(article.url) == (3, 0)
    assert ReferrerDay.objects.get().views == 1


def test_counts_of_a_deleted_site_are_dropped_not_retried(article):
    wsgi_get(article.url, user_agent=BROWSER)
    (site_id, path, _day), _ = next(iter(counting.pending()[0].items()))
    counting.count(site_id + 1000, {"REQUEST_METHOD": "GET", "PATH_INFO": path})

    assert counting.flush() == 1
    assert counting.pending() == ({}, {}, {})


def test_a_path_in_utf8_is_kept_as_text():
    assert counting._decoded("/caf\xc3\xa9/") == "/café/"


@pytest.mark.parametrize(
    ("referrer", "host"),
    [
        ("https://news.example.com/x?y=1", "news.example.com"),
        ("https://user:secret@mail.example.com/", "mail.example.com"),
        ("http://LOCALHOST:8000/", None),
        ("http://localhost:8000", None),
        ("https://localhost:8000.evil.example/", None),
        ("https://localhost.evil.example/", "localhost.evil.example"),
        ("https://localhost/", None),
        ("ftp://example.com/", None),
        ("https://exa mple.com/", None),
        ("not a url", None),
    ],
)
def test_referring_host(referrer, host):
    assert counting.referring_host(referrer, "localhost:8000") == host


def test_the_queue_of_untallied_requests_stays_short_and_loses_nothing():
    meta = {"REQUEST_METHOD": "GET", "PATH_INFO": "/a/", "HTTP_USER_AGENT": BROWSER}
    for _ in range(5 * counting.QUEUE_LIMIT + 3):
        counting.count(1, meta)
        assert len(counting._queue) <= counting.QUEUE_LIMIT + 1

    views, automated, _ = counting.pending()
    assert list(views.values()) == [5 * counting.QUEUE_LIMIT + 3]
    assert automated == {}
    assert len(counting._queue) == 0  # tallied: no user agent is held any more
