"""Counting as `quietroom serve` runs it, with two workers: N readers' requests for a cached
article are N views once the workers have flushed, and nothing else a server answers counts.
Afterwards the reader's address and user agent are nowhere: not in the database, the log or
the page cache."""

import http.client
import json
import time
from pathlib import Path

import pytest

from quietroom.reliability.tests.editor_session import admin_session, cookie_header, make_editor
from quietroom.reliability.tests.live import ARTICLE, Server, call, quietroom

# A reader's address other than the server's own (any 127/8 address reaches the loopback), so
# finding it anywhere can only mean it was recorded; and a user agent no page could contain.
READER_ADDRESS = "127.0.0.2"
AGENT = "Mozilla/5.0 (X11; Linux x86_64) LiveCountingProbe/4.2 Firefox/128.0"
BOT = "ExampleBot/1.0 (+https://bot.example/) LiveCountingProbe"
READS = 24


def read(server: Server, path: str, method="GET", headers=None, body=None) -> tuple[int, dict]:
    connection = http.client.HTTPConnection(
        "127.0.0.1", server.port, timeout=30, source_address=(READER_ADDRESS, 0)
    )
    try:
        connection.request(
            method, path, body=body, headers={"User-Agent": AGENT, **(headers or {})}
        )
        response = connection.getresponse()
        response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}
    finally:
        connection.close()


ARTICLE_TODAY = """
from quietroom.stats.models import PageDay
from quietroom.stats.report import today
print(sum(PageDay.objects.filter(path={path!r}, day=today()).values_list("views", flat=True)))
"""


def today_figures(env: dict) -> tuple[int, int, int]:
    """Today's views and automated requests on the demo's site, and the article's views."""
    printed = json.loads(quietroom("stats", "--days", "1", "--json", env=env))["sites"][0]
    printed_by_shell = quietroom("shell", "-c", ARTICLE_TODAY.format(path=ARTICLE), env=env)
    article = int(printed_by_shell.split()[-1])  # after what the shell says of its imports
    return printed["views"], printed["automated"], article


@pytest.mark.sqlite_server
def test_readers_of_a_cached_article_are_counted_and_nothing_of_them_is_kept(sqlite_site, tmp_path):
    env = {**sqlite_site, "QUIETROOM_STATS_FLUSH_SECONDS": "1"}
    make_editor(env)
    before = today_figures(env)

    with Server(env, workers=2) as server:
        statuses = [read(server, ARTICLE)[0] for _ in range(READS)]
        etag = read(server, ARTICLE)[1]["etag"]
        not_modified = read(server, ARTICLE, headers={"If-None-Match": etag})[0]
        bots = [read(server, ARTICLE, headers={"User-Agent": BOT})[0] for _ in range(3)]
        uncounted = [
            read(server, "/admin/login/")[0],
            read(server, "/no-such-page/")[0],
            read(server, "/static/wagtailadmin/css/core.css")[0],
            read(server, "/search/?q=grief")[0],
            read(server, "/contact/", method="POST", body="name=x")[0],
            read(server, ARTICLE, method="HEAD")[0],
        ]
        jar = admin_session(server)
        signed_in = call(server, "GET", ARTICLE, headers={"Cookie": cookie_header(jar)})
        expected_views = before[0] + READS + 2  # the reads, the one that took the ETag, the 304
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and today_figures(env)[0] < expected_views:
            time.sleep(0.5)
        time.sleep(2.5)  # two more flushes: anything counted twice would arrive by now
        after = today_figures(env)
        log = server.log.read_bytes()

    assert set(statuses) == {200}
    assert not_modified == 304
    assert set(bots) == {200}
    assert 404 in uncounted
    assert signed_in.status == 200
    assert after[0] - before[0] == READS + 2, "every reader's view once, and nothing else"
    assert after[1] - before[1] == 3, "the bot's requests as automated only"
    assert after[2] - before[2] == READS + 2

    database = Path(env["DATABASE_URL"].removeprefix("sqlite:///"))
    stored = b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))
    cache = Path(env["QUIETROOM_CACHE_DIR"])
    cached = b"".join(p.read_bytes() for p in cache.rglob("*") if p.is_file())
    assert b"LiveCountingProbe" in AGENT.encode()
    for place, content in (("database", stored), ("log", log), ("page cache", cached)):
        assert b"LiveCountingProbe" not in content, place
        assert READER_ADDRESS.encode() not in content, place


@pytest.mark.sqlite_server
def test_a_server_that_stops_writes_what_it_counted(sqlite_site):
    env = {**sqlite_site, "QUIETROOM_STATS_FLUSH_SECONDS": "3600"}  # never within the test
    before = today_figures(env)

    with Server(env, workers=2) as server:
        statuses = [read(server, ARTICLE)[0] for _ in range(READS)]
        while_serving = today_figures(env)
    after = today_figures(env)

    assert set(statuses) == {200}
    assert while_serving[0] == before[0], "nothing written before the interval"
    assert after[0] - before[0] == READS, "each worker wrote its counts as it stopped"
