"""The shared backend of many hosts: one Redis server, through the `redis` client.

Values are stored as the bytes they are (no pickle); generations are integer keys that
`INCR` bumps, read together in one `MGET`. A Redis that does not answer within half a second
raises `Unavailable`, and pages are then served without the cache rather than not at all.
"""

import redis

from quietroom.core.backends.base import Unavailable

PREFIX = "quietroom:"
GENERATIONS = PREFIX + "generation:"
TIMEOUT_SECONDS = 0.5


class RedisBackend:
    name = "redis"

    def __init__(self, url: str):
        self.client = redis.Redis.from_url(
            url,
            socket_timeout=TIMEOUT_SECONDS,
            socket_connect_timeout=TIMEOUT_SECONDS,
            health_check_interval=30,
        )

    def get(self, key: str) -> bytes | None:
        with _reachable():
            return self.client.get(PREFIX + key)

    def set(self, key: str, value: bytes, ttl: int) -> None:
        if ttl <= 0:
            return
        with _reachable():
            self.client.set(PREFIX + key, value, ex=ttl)

    def delete(self, key: str) -> None:
        with _reachable():
            self.client.delete(PREFIX + key)

    def generations(self, *names: str) -> tuple[int, ...]:
        with _reachable():
            found = self.client.mget([GENERATIONS + name for name in names])
        return tuple(int(value) if value is not None else 0 for value in found)

    def generation(self, name: str) -> int:
        with _reachable():
            found = self.client.get(GENERATIONS + name)
        return 0 if found is None else int(found)

    def bump(self, name: str) -> None:
        with _reachable():
            self.client.incr(GENERATIONS + name)

    def clear(self) -> None:
        with _reachable():
            for key in self.client.scan_iter(match=PREFIX + "*", count=1000):
                if not key.startswith(GENERATIONS.encode()):
                    self.client.delete(key)

    def flush(self) -> None:
        """Writes are synchronous: nothing to wait for."""

    def prune(self, prefix: str, keep: str) -> None:
        """Old entries expire by themselves (every entry has a time to live)."""


_UNREACHABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class _reachable:
    """Turns the client's connection and timeout errors into `Unavailable` (a class rather
    than a generator-based context manager: it runs on every cached request)."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if isinstance(error, _UNREACHABLE):
            raise Unavailable(str(error)) from error
        return False
