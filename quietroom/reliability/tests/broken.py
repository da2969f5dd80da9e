"""Real faults for in-process tests: a database that is not there, a refused insert, a full disk."""

import contextlib
import socket
import subprocess
from pathlib import Path

from django.db import connection, connections
from django.db.utils import ConnectionHandler


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def unreachable_database(tmp_path: Path):
    """Within the block, the default connection points at a database that does not exist.

    For SQLite a file in a missing folder, for PostgreSQL a port nothing listens on: every
    query fails the way it does when the real database is down. The test's own connection,
    with its open transaction, is put back afterwards.
    """
    real = connections["default"]
    target = {**real.settings_dict}
    if real.vendor == "sqlite":
        target["NAME"] = str(tmp_path / "missing-folder" / "db.sqlite3")
    else:
        target.update(HOST="127.0.0.1", PORT=str(closed_port()))
    broken = ConnectionHandler({"default": target})["default"]
    connections["default"] = broken
    try:
        yield
    finally:
        broken.close()
        connections["default"] = real


@contextlib.contextmanager
def refused(table: str, operation: str = "INSERT"):
    """A database trigger refusing every `operation` on `table`: a genuine failure mid-write."""
    name = f"refuse_{operation.lower()}_{table}"
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"CREATE TRIGGER {name} BEFORE {operation} ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
            )
        else:
            cursor.execute(
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql "
                "AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$"
            )
            cursor.execute(
                f"CREATE TRIGGER {name} BEFORE {operation} ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {name}()"
            )
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
                cursor.execute(f"DROP FUNCTION IF EXISTS {name}()")


@contextlib.contextmanager
def small_disk(path: Path, size: str = "1m"):
    """A tmpfs of `size` mounted at `path` (needs root, as CI and this machine have)."""
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], check=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", "--lazy", str(path)], check=True)
