"""SQLite held locked by another process: writers wait, then get a calm 503; readers carry on."""

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from quietroom.reliability.tests.live import (
    ARTICLE,
    ContactForm,
    Server,
    audit,
    call,
    new_probe,
    stored_probes,
)

BUSY_TIMEOUT = 2  # seconds; production uses 20, this keeps the test short

# Holds the write lock for argv[2] seconds; says when it has it, and the moment just before
# it lets go (so anything that ended later really waited, anything earlier did not).
LOCKER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
releasing = time.monotonic()
db.execute("COMMIT")
print(releasing, flush=True)
"""


class Lock:
    """Another process holding BEGIN EXCLUSIVE on the database for `seconds`."""

    def __init__(self, database: Path, seconds: float):
        self.process = subprocess.Popen(
            [sys.executable, "-c", LOCKER, str(database), str(seconds)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout.readline().strip() == "locked"

    def released_at(self) -> float:
        released = float(self.process.stdout.readline())
        self.process.wait(timeout=10)
        return released


def database(env) -> Path:
    return Path(env["DATABASE_URL"].removeprefix("sqlite:///"))


@pytest.fixture
def server(sqlite_site):
    env = {**sqlite_site, "QUIETROOM_SQLITE_TIMEOUT": str(BUSY_TIMEOUT)}
    with Server(env) as running:
        call(running, "GET", ARTICLE)  # fills the page cache
        yield running


def send_all(form, count):
    probes = [new_probe() for _ in range(count)]
    with ThreadPoolExecutor(max_workers=count) as pool:
        replies = list(pool.map(lambda probe: form.send(probe[1]), probes))
    return [ident for ident, _ in probes], replies


@pytest.mark.sqlite_server
def test_requests_during_a_short_lock_succeed_once_it_clears(server):
    form = ContactForm.open(server)

    lock = Lock(database(server.env), seconds=BUSY_TIMEOUT / 2)
    with ThreadPoolExecutor(max_workers=1) as reader:
        cached = reader.submit(call, server, "GET", ARTICLE)
        sent, replies = send_all(form, 2)
    released = lock.released_at()

    assert [reply.acknowledged() for reply in replies] == [True, True]
    assert all(reply.ended >= released for reply in replies), "nobody waited for the lock"
    assert cached.result().status == 200
    assert set(sent) <= set(stored_probes(audit(server.env)))


@pytest.mark.sqlite_server
def test_requests_during_a_lock_longer_than_the_busy_timeout_get_a_calm_503(server):
    form = ContactForm.open(server)

    lock = Lock(database(server.env), seconds=BUSY_TIMEOUT * 2.5)
    with ThreadPoolExecutor(max_workers=1) as reader:
        reads = reader.submit(
            lambda: [call(server, "GET", path) for path in (ARTICLE, "/healthz") * 5]
        )
        refused, replies = send_all(form, 2)
    reads = reads.result()
    released = lock.released_at()
    time.sleep(0.1)
    after_id, after = new_probe()
    afterwards = form.send(after)

    for reply in replies:
        assert reply.status == 503
        assert reply.ended < released
        assert int(reply.headers["retry-after"]) > 0
        assert b"What you sent was not saved" in reply.body
        assert b"Traceback" not in reply.body
    assert [read.status for read in reads] == [200] * len(reads)
    assert all(read.ended < released for read in reads), "the reads waited for the lock"
    assert afterwards.acknowledged()
    result = audit(server.env)
    assert not set(refused) & set(stored_probes(result))
    assert after_id in stored_probes(result)
    assert result["integrity"] == ["ok"]
