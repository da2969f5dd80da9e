"""Where every process of a deployment keeps what it shares: page entries and generations.

One backend is chosen when it is first asked for, from the settings: Redis when `REDIS_URL`
is set (shared by every host), else files in `QUIETROOM_CACHE_DIR` (default: `cache/` in
the data dir; shared by the workers of one machine). Both offer the same verbs (see
`base.Backend`), so the page cache and the remembered values never ask which one they have.
"""

import functools
import os

from django.conf import settings

from quietroom.core.backends.base import Backend, Unavailable
from quietroom.core.backends.disk import DiskBackend
from quietroom.core.backends.redis import RedisBackend


def backend() -> Backend:
    cache_dir = settings.QUIETROOM_CACHE_DIR or os.path.join(settings.DATA_DIR, "cache")
    return _backend(settings.REDIS_URL, str(cache_dir))


@functools.lru_cache(maxsize=4)
def _backend(redis_url: str, cache_dir: str) -> Backend:
    # Keyed by the settings it depends on, so a test that points the data dir elsewhere (or
    # at a Redis server) gets a backend of its own.
    return RedisBackend(redis_url) if redis_url else DiskBackend(cache_dir)


__all__ = ["Backend", "Unavailable", "backend"]
