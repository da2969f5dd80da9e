"""64 connections for 30 seconds on a cached article: not one error."""

import pytest

from quietroom.reliability.tests.live import ARTICLE, Server, call, wrk

CONNECTIONS, SECONDS = 64, 30


@pytest.mark.sqlite_server
def test_a_cached_article_serves_64_connections_for_30_seconds_without_an_error(
    sqlite_site, record_property
):
    with Server(sqlite_site) as server:
        first = call(server, "GET", ARTICLE, headers={"Accept-Encoding": "br, gzip"})
        load = wrk(server.url + ARTICLE, connections=CONNECTIONS, seconds=SECONDS)

    assert first.status == 200
    assert load.requests > 0
    assert load.non_2xx_3xx == 0
    assert load.socket_errors == {"connect": 0, "read": 0, "write": 0, "timeout": 0}
    record_property(
        f"cached article, wrk -t2 -c{CONNECTIONS} -d{SECONDS}s",
        f"{load.requests} requests, {load.rps:.0f}/s, p50 {load.p50_ms:.2f} ms, "
        f"p99 {load.p99_ms:.2f} ms, 0 errors",
    )
