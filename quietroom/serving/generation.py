"""The cache generation: one number that every cached page is stamped with.

Any change that could alter a public page (a publish, a settings save, a category edit...)
bumps it, and every page cached under an older generation is stale at once. Within one machine
the generation is a file in the data dir (so every worker process sees a bump immediately, at
the cost of one stat() per request); with a shared cache (Redis) it is a key in that cache, so
every host sees it.
"""

import functools
import os
import time
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from django.conf import settings
from django.core.cache import caches

CACHE_KEY = "quietroom:page-generation"

_pinned: ContextVar[int | None] = ContextVar("quietroom_generation", default=None)


def _stamp() -> Path:
    return Path(_stamp_path(str(settings.DATA_DIR)))


@functools.lru_cache(maxsize=8)
def _stamp_path(data_dir: str) -> str:
    # Read on every request, cached pages included: a plain string for os.stat, built once.
    return os.path.join(data_dir, "cache", "generation")


@contextmanager
def pinned():
    """One generation for a whole reader's request, read once: the cache lookup, every value
    remembered while rendering and the stored page all carry it, so a page rendered while
    content changed is stored as stale rather than stamped with the newer generation."""
    token = _pinned.set(_read())
    try:
        yield
    finally:
        _pinned.reset(token)


def current() -> int:
    value = _pinned.get()
    return _read() if value is None else value


def _read() -> int:
    if settings.QUIETROOM_SHARED_CACHE:
        return caches["pages"].get_or_set(CACHE_KEY, 1, timeout=None)
    try:
        return os.stat(_stamp_path(str(settings.DATA_DIR))).st_mtime_ns
    except FileNotFoundError:
        return 0


def bump() -> None:
    if settings.QUIETROOM_SHARED_CACHE:
        try:
            caches["pages"].incr(CACHE_KEY)
        except ValueError:
            caches["pages"].set(CACHE_KEY, 2, timeout=None)
        return
    old = _read()
    stamp = _stamp()
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.touch()
    # Two bumps within the filesystem's timestamp resolution must still differ.
    new = max(time.time_ns(), old + 1)
    os.utime(stamp, ns=(new, new))
