"""Sign-in delays over real HTTP: waiting sign-ins never hold every server thread (11.2).

The server runs one worker with two threads, a 2-second delay once a username has three
recent failures, and one waiting sign-in at most (live_site.py).
"""

import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from quietroom.security.tests.visitors import Visitor

pytestmark = pytest.mark.sqlite_server
LOGIN = "/admin/login/"
USERNAME = "ghost-live"


def failures(env: dict, username: str) -> int:
    database = Path(env["DATABASE_URL"].removeprefix("sqlite:///"))
    with sqlite3.connect(database) as db:
        row = db.execute(
            "SELECT SUM(failures_since_start) FROM axes_accessattempt WHERE username = ?",
            (username,),
        ).fetchone()
    return row[0] or 0


def test_waiting_sign_ins_never_take_every_server_thread(secure_server, secure_site):
    server, _ = secure_server
    env, _ = secure_site
    for n in range(3):  # three addresses, one wrong password each: no address is locked
        guesser = Visitor(server.port, address=f"198.51.100.{n}")
        assert guesser.submit(LOGIN, {"username": USERNAME, "password": "guess"}).status == 200
    visitors = [Visitor(server.port, address=f"198.51.100.{10 + n}") for n in range(5)]
    forms = [(who, who.open_form(LOGIN)) for who in visitors]
    reader = Visitor(server.port, address="203.0.113.60")

    def sign_in(pair):
        who, form = pair
        return who.send(form, {"username": USERNAME, "password": "guess again"})

    def read_home():
        time.sleep(0.3)  # while the sign-in that got the seat is waiting
        return reader.get("/")

    with ThreadPoolExecutor(max_workers=6) as pool:
        home = pool.submit(read_home)
        sign_ins = list(pool.map(sign_in, forms))

    statuses = sorted(answer.status for answer in sign_ins)
    waited = next(answer for answer in sign_ins if answer.status == 200)
    assert statuses == [200, 429, 429, 429, 429]
    assert all(b"Too many sign-in attempts" in a.body for a in sign_ins if a.status == 429)
    assert home.result().status == 200
    assert home.result().ended < waited.ended  # a reader was served while it waited
    assert failures(env, USERNAME) == 4  # the refused ones were not counted as wrong
