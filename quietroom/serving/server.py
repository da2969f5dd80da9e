"""`quietroom serve`: the production server, granian running the WSGI application."""

import os

from granian import Granian
from granian.constants import Interfaces

WSGI_TARGET = "quietroom.wsgi:application"


def default_workers() -> int:
    return max(2, os.cpu_count() or 1)


def build(
    host: str = "127.0.0.1", port: int = 8000, workers: int | None = None, target=WSGI_TARGET
) -> Granian:
    """A configured granian server for Quietroom; call `.serve()` to run it. `target` is
    another WSGI application to run the same way (the bench's ceiling).

    Every request goes through the WSGI application, image renditions included: granian's own
    file serving cannot add the security headers (quietroom/security/media.py serves them).
    """
    return Granian(
        target,
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=workers or default_workers(),
        blocking_threads=2,
        backlog=2048,
        log_access=False,
        respawn_failed_workers=True,
    )
