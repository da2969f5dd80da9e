"""Pages cached on disk are shared by a server's workers, and never outlive the server run
that made them: a restart (an upgrade, a database changed while the site was down) starts
afresh."""

import sqlite3
from pathlib import Path

import pytest

from quietroom.reliability.tests.live import ARTICLE, Server, call


def change_title_behind_the_sites_back(database: Path, title: str) -> None:
    # Straight into the database, as a restore or a manual repair would: no signal, no bump.
    with sqlite3.connect(database) as db:
        changed = db.execute(
            "UPDATE wagtailcore_page SET title = ? WHERE url_path LIKE ?",
            (title, "%/grief-has-no-schedule/"),
        ).rowcount
    assert changed == 1


@pytest.mark.sqlite_server
def test_a_restarted_server_renders_again_what_the_last_run_cached(sqlite_site):
    database = Path(sqlite_site["DATABASE_URL"].removeprefix("sqlite:///"))
    with Server(sqlite_site) as server:
        first = call(server, "GET", ARTICLE)
        # Both workers answer it now, whichever rendered it.
        again = [call(server, "GET", ARTICLE) for _ in range(6)]

    change_title_behind_the_sites_back(database, "Grief keeps its own calendar")
    restarted = Server(sqlite_site)
    restarted.port = server.port  # the same address, so the same cache keys
    with restarted:
        after = call(restarted, "GET", ARTICLE)

    assert first.status == 200
    assert all(reply.body == first.body for reply in again)
    assert b"Grief keeps its own calendar" not in first.body
    assert after.status == 200
    assert b"Grief keeps its own calendar" in after.body
