"""Pages cached on disk are shared by a server's workers and survive a restart of the same
code (a rolling restart flushes nothing); a change made behind the site's back shows once
the operator runs `quietroom flush_cache`."""

import sqlite3
from pathlib import Path

import pytest

from quietroom.reliability.tests.live import ARTICLE, Server, call, quietroom


def change_title_behind_the_sites_back(database: Path, title: str) -> None:
    # Straight into the database, as a manual repair would: no signal, no bump.
    with sqlite3.connect(database) as db:
        changed = db.execute(
            "UPDATE wagtailcore_page SET title = ? WHERE url_path LIKE ?",
            (title, "%/grief-has-no-schedule/"),
        ).rowcount
    assert changed == 1


@pytest.mark.sqlite_server
def test_a_restart_keeps_the_cache_and_flush_cache_shows_a_repair(sqlite_site):
    database = Path(sqlite_site["DATABASE_URL"].removeprefix("sqlite:///"))
    with Server(sqlite_site) as server:
        first = call(server, "GET", ARTICLE)
        # Both workers answer it now, whichever rendered it.
        again = [call(server, "GET", ARTICLE) for _ in range(6)]

    change_title_behind_the_sites_back(database, "Grief keeps its own calendar")
    restarted = Server(sqlite_site)
    restarted.port = server.port  # the same address, so the same cache keys
    with restarted:
        after_restart = call(restarted, "GET", ARTICLE)
        quietroom("flush_cache", env=sqlite_site)
        after_flush = call(restarted, "GET", ARTICLE)

    assert first.status == 200
    assert all(reply.body == first.body for reply in again)
    assert b"Grief keeps its own calendar" not in first.body
    assert after_restart.status == 200
    assert after_restart.body == first.body, "the same code's cached page is still good"
    assert after_restart.headers["etag"] == first.headers["etag"]
    assert after_flush.status == 200
    assert b"Grief keeps its own calendar" in after_flush.body
