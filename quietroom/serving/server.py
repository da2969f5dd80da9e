"""`quietroom serve`: the production server, granian running the WSGI application."""

import os
from pathlib import Path

from django.conf import settings
from granian import Granian
from granian.constants import Interfaces

WSGI_TARGET = "quietroom.wsgi:application"
RENDITIONS_URL = "/media/images"


def default_workers() -> int:
    return max(2, os.cpu_count() or 1)


def build(host: str = "127.0.0.1", port: int = 8000, workers: int | None = None) -> Granian:
    """A configured granian server for Quietroom; call `.serve()` to run it.

    Image renditions (never the originals) are sent by granian itself straight from disk;
    every other request goes through the WSGI application and its page cache.
    """
    static_mounts = {}
    renditions = Path(settings.MEDIA_ROOT) / "images"
    if renditions.is_dir():
        static_mounts = {
            "static_path_route": [RENDITIONS_URL],
            "static_path_mount": [renditions],
            "static_path_expires": 31536000,
        }
    return Granian(
        WSGI_TARGET,
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=workers or default_workers(),
        blocking_threads=2,
        backlog=2048,
        log_access=False,
        respawn_failed_workers=True,
        **static_mounts,
    )
