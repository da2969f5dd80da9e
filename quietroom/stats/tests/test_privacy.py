"""Counting readers keeps nothing about them: after their visits, the database, the log and the
page cache hold neither their address nor their browser's user agent, and no page sets a
cookie."""

import logging

import pytest
from django.db import connection

from quietroom.core.backends import backend
from quietroom.core.tests.raw import stored_bytes
from quietroom.serving.tests.support import pagecache_root, wsgi_get
from quietroom.stats import counting
from quietroom.stats.models import PageDay, ReferrerDay

# Made up, so that finding it anywhere can only mean it was stored.
AGENT = "Mozilla/5.0 (X11; Linux x86_64) QuietroomPrivacyProbe/7.3.1 Firefox/128.0"
# A documentation address (RFC 5737): no other test, and no demo, writes it anywhere; the
# loopback address is in this worker's database already, as the demo's host name.
ADDRESS = "198.51.100.23"
REFERRER = "https://friend.example/private/path?q=panic+attacks"


@pytest.mark.django_db(transaction=True)
def test_visits_leave_no_address_and_no_user_agent_anywhere(article, caplog):
    caplog.set_level(logging.DEBUG)
    for _ in range(3):
        status, headers, _ = wsgi_get(
            article.url, user_agent=AGENT, referer=REFERRER, remote_addr=ADDRESS
        )
        assert status == 200
        assert "Set-Cookie" not in headers
    wsgi_get(article.url, user_agent="Googlebot/2.1 QuietroomPrivacyProbe", remote_addr=ADDRESS)

    counting.flush()
    assert list(PageDay.objects.values_list("path", "views", "automated")) == [
        (article.url, 3, 1)
    ], "the cache warming is nobody's visit"
    assert ReferrerDay.objects.get().host == "friend.example"
    connection.close()

    stored = stored_bytes()
    cached = b"".join(p.read_bytes() for p in pagecache_root(backend()).rglob("*") if p.is_file())
    assert cached  # the article is in the page cache, which is searched too
    for place, content in (
        ("database", stored),
        ("page cache", cached),
        ("log", caplog.text.encode()),
    ):
        assert b"QuietroomPrivacyProbe" not in content, place
        assert b"panic+attacks" not in content, place
        assert b"/private/path" not in content, place
    assert ADDRESS.encode() not in cached
    assert ADDRESS.encode() not in stored
    assert ADDRESS not in caplog.text


@pytest.mark.parametrize("agent", [AGENT, "Googlebot/2.1"])
def test_no_reader_page_sets_a_cookie_with_counting_on(shared_backend, article, blog, agent):
    for url in (article.url, article.url, blog.url, "/"):
        headers = wsgi_get(url, user_agent=agent)[1]
        assert "Set-Cookie" not in headers, url
    assert any(counting.pending()[:2])
