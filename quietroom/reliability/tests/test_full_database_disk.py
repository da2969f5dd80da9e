"""G2(b): SQLite on a full disk: a contact request gets a calm 503 that points to the phone."""

import errno
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from quietroom.core.tests.factories import valid_request
from quietroom.reliability import faults
from quietroom.reliability.tests.broken import small_disk
from quietroom.reliability.tests.live import (
    ARTICLE,
    ContactForm,
    Server,
    audit,
    call,
    new_probe,
    sqlite_url,
    stored_probes,
)

DEMO_PHONE = "(312) 555-0142"  # quietroom/demo/data/practice.toml
SPARE = 256 * 1024  # room for the database's WAL and shared-memory files while the server starts


def write_until_full(out, chunk: int) -> None:
    try:
        while True:
            out.write(b"\0" * chunk)
    except OSError as error:
        if error.errno != errno.ENOSPC:
            raise


def fill(disk: Path) -> Path:
    """A file taking every byte left on `disk`, the last pages one small write at a time."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as out:
        for chunk in (1024 * 1024, 4096, 512):
            write_until_full(out, chunk)
    return filler


def test_sqlite_out_of_room_counts_as_a_full_disk(tmp_path):
    database = sqlite3.connect(tmp_path / "tiny.sqlite3")
    database.execute("CREATE TABLE notes (text)")
    database.execute("PRAGMA max_page_count = 2")

    with pytest.raises(sqlite3.OperationalError) as raised:
        database.execute("INSERT INTO notes VALUES (?)", ("x" * 100_000,))

    assert faults.disk_full(raised.value)
    assert not faults.disk_full(sqlite3.OperationalError("database is locked"))


@pytest.fixture
def server_on_small_disk(sqlite_site, tmp_path):
    """A server whose SQLite database is on a tmpfs just big enough for it."""
    source = Path(sqlite_site["DATABASE_URL"].removeprefix("sqlite:///"))
    size_kb = (source.stat().st_size + SPARE) // 1024
    with small_disk(tmp_path / "disk", size=f"{size_kb}k") as disk:
        database = disk / "db.sqlite3"
        shutil.copyfile(source, database)
        env = {**sqlite_site, "DATABASE_URL": sqlite_url(database)}
        # One worker: the page it served last gives its error page the practice's phone.
        with Server(env, workers=1) as running:
            yield running, disk


@pytest.mark.sqlite_server
def test_a_contact_request_on_a_full_disk_gets_a_calm_503_and_nothing_breaks(
    server_on_small_disk,
):
    server, disk = server_on_small_disk
    # The demo read every page once when it was built: these reads write nothing.
    assert [call(server, "GET", path).status for path in ("/", ARTICLE)] == [200, 200]
    form = ContactForm.open(server)
    log_before = server.log.stat().st_size
    filler = fill(disk)
    probe_id, message = new_probe()

    reply = form.send(message)

    assert reply.status == 503
    page = reply.body.decode()
    assert "We couldn’t save your message — please call the practice" in page
    assert DEMO_PHONE in page
    assert "Need help right now?" in page  # the crisis resources
    assert "Traceback" not in page
    assert "disk is full" not in page.lower()
    assert [call(server, "GET", path).status for path in ("/", ARTICLE)] == [200, 200]
    log = server.log.read_text(errors="replace")[log_before:]
    assert "Disk full while answering POST /contact/" in log
    for private in (probe_id, valid_request()["name"], valid_request()["email"]):
        assert private not in log
    assert "Traceback" not in log

    os.remove(filler)
    after_id, after = new_probe()
    assert form.send(after).acknowledged()
    result = audit(server.env)
    assert result["integrity"] == ["ok"]
    assert probe_id not in stored_probes(result)
    assert after_id in stored_probes(result)
