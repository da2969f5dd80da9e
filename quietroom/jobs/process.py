"""A worker process beside a web server, for a single host that runs no worker of its own."""

import contextlib
import subprocess
import sys

WORKER = [sys.executable, "-c", "from quietroom.cli import main; main(['quietroom', 'worker'])"]


@contextlib.contextmanager
def worker_beside():
    """Run `quietroom worker` in a child process for as long as the block lasts. Periodic jobs
    claim their runs in the database, so a worker per host never runs a job twice."""
    process = subprocess.Popen(WORKER)  # noqa: S603 - this interpreter, our own module, no input
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
