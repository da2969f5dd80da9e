"""The cache generation: one number that every cached page is stamped with.

Any change that could alter a public page (a publish, a settings save, a category edit...)
bumps it, and every page cached under an older generation is stale at once. Within one machine
the generation is a file in the data dir (so every worker process sees a bump immediately, at
the cost of one stat() per request); with a shared cache (Redis) it is a key in that cache, so
every host sees it.
"""

import os
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches

CACHE_KEY = "quietroom:page-generation"


def _stamp() -> Path:
    return Path(settings.DATA_DIR) / "cache" / "generation"


def current() -> int:
    if settings.QUIETROOM_SHARED_CACHE:
        return caches["pages"].get_or_set(CACHE_KEY, 1, timeout=None)
    try:
        return _stamp().stat().st_mtime_ns
    except FileNotFoundError:
        return 0


def bump() -> None:
    if settings.QUIETROOM_SHARED_CACHE:
        try:
            caches["pages"].incr(CACHE_KEY)
        except ValueError:
            caches["pages"].set(CACHE_KEY, 2, timeout=None)
        return
    old = current()
    stamp = _stamp()
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.touch()
    # Two bumps within the filesystem's timestamp resolution must still differ.
    new = max(time.time_ns(), old + 1)
    os.utime(stamp, ns=(new, new))
