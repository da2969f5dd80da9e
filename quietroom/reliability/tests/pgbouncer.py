"""A real PgBouncer (Debian's) in front of the suite's PostgreSQL, for the tests."""

import os
import shutil
import socket
import tempfile
import urllib.parse
from contextlib import contextmanager

from quietroom.core.tests.ports import free_port
from quietroom.core.tests.processes import running

PGBOUNCER = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"


@contextmanager
def running_pgbouncer(postgres_url: str, pool_mode: str = "transaction"):
    """PgBouncer on a free loopback port in `pool_mode`, passing every database through to
    the server of `postgres_url`; yields the port. PgBouncer will not run as root, so it
    drops to the `postgres` user when started as root (as in CI)."""
    server = urllib.parse.urlparse(postgres_url)
    folder = tempfile.mkdtemp(prefix="quietroom-pgbouncer-")
    port = free_port()
    user, password = server.username, server.password
    with open(os.path.join(folder, "userlist.txt"), "w") as users:
        users.write(f'"{user}" "{password}"\n')
    config = os.path.join(folder, "pgbouncer.ini")
    with open(config, "w") as ini:
        ini.write(
            "[databases]\n"
            f"* = host={server.hostname} port={server.port or 5432}\n"
            "[pgbouncer]\n"
            f"listen_addr = 127.0.0.1\nlisten_port = {port}\n"
            "unix_socket_dir =\n"
            "auth_type = trust\n"
            f"auth_file = {folder}/userlist.txt\n"
            f"pool_mode = {pool_mode}\n"
            f"logfile = {folder}/pgbouncer.log\n"
            "max_client_conn = 200\ndefault_pool_size = 10\n"
        )
    command = [PGBOUNCER, config]
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        for name in os.listdir(folder):
            shutil.chown(os.path.join(folder, name), "postgres")
        command = [PGBOUNCER, "-u", "postgres", config]

    def accepts() -> bool:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True

    try:
        with running(command, accepts, "pgbouncer", explain=lambda: f": {log_tail(folder)}"):
            yield port
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def log_tail(folder: str) -> str:
    try:
        with open(os.path.join(folder, "pgbouncer.log")) as log:
            return log.read()[-2000:]
    except OSError:
        return "(no log)"


def through(url: str, port: int) -> str:
    """`url` with its host and port replaced by PgBouncer's."""
    parts = urllib.parse.urlparse(url)
    netloc = f"{parts.username}:{parts.password}@127.0.0.1:{port}"
    return parts._replace(netloc=netloc).geturl()
