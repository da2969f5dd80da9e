"""Values derived from public content, kept per process until the cache generation changes.

Only for data every reader sees alike (menus, settings, which sections are private), so a
value computed for one request is right for the next until content changes.
"""

from collections.abc import Callable, Hashable

from quietroom.serving import generation

_values: dict[Hashable, tuple[int, object]] = {}


def per_generation(key: Hashable, compute: Callable[[], object]):
    now = generation.current()
    hit = _values.get(key)
    if hit is not None and hit[0] == now:
        return hit[1]
    value = compute()
    _values[key] = (now, value)
    return value


def last_known(key: Hashable):
    """The value last computed for `key`, however stale, or None: for error pages that must
    not touch the database."""
    hit = _values.get(key)
    return None if hit is None else hit[1]


def clear() -> None:
    _values.clear()
