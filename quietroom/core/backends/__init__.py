"""Where every process of a deployment keeps what it shares: page entries and generations.

One backend is chosen when it is first asked for, from the settings: Redis when `REDIS_URL`
is set (shared by every host), else files in `QUIETROOM_CACHE_DIR` (default: `cache/` in
the data dir; shared by the workers of one machine). Both offer the same verbs (see
`base.Backend`), so the page cache and the remembered values never ask which one they have.
"""

import functools

from quietroom.core import conf
from quietroom.core.backends.base import Backend, Unavailable
from quietroom.core.backends.disk import DiskBackend
from quietroom.core.backends.redis import RedisBackend
from quietroom.core.conf import RequestSettings

_chosen: tuple[RequestSettings, Backend] | None = None


def backend() -> Backend:
    global _chosen
    current = conf.current()
    if _chosen is None or _chosen[0] is not current:
        _chosen = (current, _backend(current.redis_url, current.cache_dir))
    return _chosen[1]


@functools.lru_cache(maxsize=4)
def _backend(redis_url: str, cache_dir: str) -> Backend:
    # Keyed by the settings it depends on, so a test that points the data dir elsewhere (or
    # at a Redis server) gets a backend of its own, and finds it again when it switches back.
    return RedisBackend(redis_url) if redis_url else DiskBackend(cache_dir)


__all__ = ["Backend", "Unavailable", "backend"]
