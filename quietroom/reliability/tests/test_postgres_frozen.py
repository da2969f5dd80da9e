"""PostgreSQL frozen (`kill -STOP` of the postmaster): what needs a new connection fails
calmly after the connect timeout instead of hanging, cached pages still answer, and the site
recovers by itself once PostgreSQL runs again."""

import contextlib
import os
import signal

import pytest

from quietroom.reliability.tests.live import (
    ARTICLE,
    CONTACT,
    Server,
    cached_on_disk,
    call,
    postmaster_pid,
    wait_for,
)

# Long enough to tell a hang (no answer at all) from the calm 503 a connect timeout gives.
NO_HANG_SECONDS = 60


@contextlib.contextmanager
def frozen(pid: int):
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)


@pytest.mark.postgres
def test_a_frozen_postgres_gives_calm_503s_not_hung_requests_and_the_site_recovers(
    postgres_site, suite_postgres_url
):
    # A connection per request, so each one needs the postmaster (with pooled connections,
    # backends already running keep answering through a frozen postmaster).
    env = {**postgres_site, "QUIETROOM_DB_CONN_MAX_AGE": "0", "QUIETROOM_DB_CONNECT_TIMEOUT": "3"}
    with Server(env) as server:
        before = call(server, "GET", ARTICLE)  # now in the page cache
        wait_for(lambda: cached_on_disk(server, ARTICLE), seconds=10)  # for every worker
        with frozen(postmaster_pid(suite_postgres_url)):
            health = call(server, "GET", "/healthz", timeout=NO_HANG_SECONDS)
            contact = call(server, "GET", CONTACT, timeout=NO_HANG_SECONDS)
            # Every worker answers it, the one that rendered it or not (pages on disk).
            cached = [call(server, "GET", ARTICLE, timeout=NO_HANG_SECONDS) for _ in range(4)]
        wait_for(lambda: call(server, "GET", "/healthz").status == 200, seconds=30)
        after = call(server, "GET", CONTACT)

    assert health.status == 503, health.problem
    assert contact.status == 503, contact.problem
    assert int(contact.headers["retry-after"]) > 0
    assert b"Traceback" not in contact.body
    assert b"crisis" in contact.body.lower()
    assert before.status == 200
    assert [reply.status for reply in cached] == [200] * 4
    assert all(reply.body == before.body for reply in cached)
    assert after.status == 200
