"""The interface every shared backend offers."""

from typing import Protocol


class Unavailable(Exception):
    """The backend cannot be reached (Redis is down): serve without the cache, never fail."""


class Backend(Protocol):
    """Bytes under string keys, and named generation counters.

    Keys are `/`-separated (`pages/<epoch>/<site>/<generation>/<digest>`); a backend may use
    the segments to group entries (the disk backend makes them folders). Values are bytes,
    never pickles. A generation is an integer that only grows; `bump` makes it grow.
    """

    name: str

    def get(self, key: str) -> bytes | None: ...

    def set(self, key: str, value: bytes, ttl: int) -> None: ...

    def delete(self, key: str) -> None: ...

    def generations(self, *names: str) -> tuple[int, ...]: ...

    def generation(self, name: str) -> int:
        """One generation: what the fast path reads for every cached page it answers."""

    def bump(self, name: str) -> None: ...

    def clear(self) -> None:
        """Remove every entry; generations stay (they must only ever grow)."""

    def flush(self) -> None:
        """Wait until every write this process started has landed."""

    def prune(self, prefix: str, keep: str) -> None:
        """Remove every entry under `prefix/` except those under `prefix/keep/`."""
