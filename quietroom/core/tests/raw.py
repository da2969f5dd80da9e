"""What the database holds, byte for byte, as a copy or a dump of it would show it."""

import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection


def sqlite_bytes() -> bytes:
    path = Path(connection.settings_dict["NAME"])
    files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    raw = b"".join(f.read_bytes() for f in files if f.exists())
    dump = "\n".join(sqlite3.connect(path).iterdump())
    return raw + dump.encode()


def postgres_dump() -> bytes:
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}
    command = ["pg_dump", "-h", db["HOST"], "-p", str(db["PORT"] or 5432), "-U", db["USER"]]
    return subprocess.run(
        [*command, db["NAME"]], env=env, capture_output=True, check=True, timeout=120
    ).stdout


def stored_bytes() -> bytes:
    """The files of SQLite's database (with its write-ahead log) and its dump, or pg_dump's
    output; close the connection first, so SQLite has written what it holds."""
    return postgres_dump() if connection.vendor == "postgresql" else sqlite_bytes()
