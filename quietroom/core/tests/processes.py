"""Starting a server the tests need and waiting until it answers; stopping it afterwards."""

import subprocess
import time
from collections.abc import Callable
from contextlib import contextmanager


@contextmanager
def running(
    command, ready: Callable[[], bool], name: str, seconds: float = 20, explain=str, **popen
):
    """Run `command` until the block ends; yields once `ready()` is true (an OSError counts as
    not yet). Raises if the process exits or `seconds` pass first, naming `name` and adding
    what `explain()` says (a log's tail)."""
    popen.setdefault("stdout", subprocess.DEVNULL)
    popen.setdefault("stderr", subprocess.DEVNULL)
    process = subprocess.Popen(command, **popen)
    try:
        deadline = time.monotonic() + seconds
        while not _answers(ready):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not start{explain()}")
            time.sleep(0.05)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _answers(ready: Callable[[], bool]) -> bool:
    try:
        return ready()
    except OSError:
        return False
