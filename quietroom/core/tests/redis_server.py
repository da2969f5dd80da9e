"""A real Redis server (Debian's `redis-server`) for the tests, on loopback, in a temp dir."""

import shutil
import socket
from contextlib import contextmanager
from pathlib import Path

from quietroom.core.tests.ports import free_port
from quietroom.core.tests.processes import running

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


@contextmanager
def running_redis(folder: Path):
    """A redis-server on a free loopback port, nothing saved to disk; yields its URL."""
    port = free_port()
    command = [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no", "--dir", str(folder), "--maxmemory", "256mb"]

    def pong() -> bool:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as probe:
            probe.sendall(b"PING\r\n")
            return probe.recv(16).startswith(b"+PONG")

    with running(command, pong, f"redis-server on port {port}"):
        yield f"redis://127.0.0.1:{port}/0"
