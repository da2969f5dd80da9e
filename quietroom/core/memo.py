"""Values every reader of a site sees alike, remembered per process until the site changes.

A function decorated with `per_site` takes a site id first (and may take further keys that
come from the database, never from a request); its value is kept until that site's
generation changes. `per_deployment` values (the table of sites) are kept until the table
changes. Everything remembered is immutable — frozen dataclasses, tuples, frozensets, read-only
mappings, plain scalars — because every thread of the process reads the same object; the test
settings check each value as it is stored.

Bounded: values for at most `QUIETROOM_REMEMBERED_SITES` sites (least recently used first out,
default 100), and at most `MAX_VALUES_PER_SITE` values per site.
"""

import contextlib
import dataclasses
import datetime
import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from types import MappingProxyType

from django.conf import settings

from quietroom.core import generation

MAX_VALUES_PER_SITE = 2000
_DEPLOYMENT = "deployment"
_SCALARS = (str, bytes, int, float, bool, type(None), datetime.date, datetime.time)


class _Slot:
    __slots__ = ("stamp", "values")

    def __init__(self, stamp):
        self.stamp = stamp
        self.values: OrderedDict = OrderedDict()


_slots: OrderedDict[object, _Slot] = OrderedDict()
_lock = threading.Lock()
_registered: list[Callable] = []


def per_site(function: Callable) -> Callable:
    """Remember `function(site_id, *keys)` until the site's generation changes.

    Keyword arguments are handed to `function` but are not part of the key: an object the
    caller already loaded, which the keys identify (an image whose id and file are keys).
    """

    @functools.wraps(function)
    def remembered(site_id: int, *keys, **sources):
        stamp = generation.site(site_id)
        return _recall(
            site_id, stamp, (function, keys), lambda: function(site_id, *keys, **sources)
        )

    remembered.uncached = function
    _registered.append(function)
    return remembered


def per_deployment(function: Callable) -> Callable:
    """Remember `function()` until the table of sites changes."""

    @functools.wraps(function)
    def remembered():
        return _recall(_DEPLOYMENT, generation.sites(), (function, ()), function)

    remembered.uncached = function
    _registered.append(function)
    return remembered


def _recall(slot_key, stamp, key, compute):
    if stamp is None:  # the backend cannot be reached: compute, keep nothing
        return compute()
    slot = _slots.get(slot_key)
    if slot is not None and slot.stamp == stamp:
        found = slot.values.get(key, _MISSING)
        if found is not _MISSING:
            with _lock, contextlib.suppress(KeyError):  # least recently *used* leaves first
                _slots.move_to_end(slot_key)
            return found
    value = compute()
    global _computed
    _computed += 1
    if settings.QUIETROOM_CHECK_REMEMBERED:
        check_immutable(value, f"{key[0].__qualname__}{key[1]}")
    with _lock:
        slot = _slots.get(slot_key)
        if slot is None or slot.stamp != stamp:
            slot = _slots[slot_key] = _Slot(stamp)
        slot.values[key] = value
        slot.values.move_to_end(key)
        while len(slot.values) > MAX_VALUES_PER_SITE:
            slot.values.popitem(last=False)
        _slots.move_to_end(slot_key)
        if slot_key == _DEPLOYMENT:
            return value
        while remembered_sites() > settings.QUIETROOM_REMEMBERED_SITES:
            oldest = next(key for key in _slots if key != _DEPLOYMENT)
            del _slots[oldest]
    return value


_MISSING = object()
_computed = 0


def computed() -> int:
    """How many values this process has computed so far (for the bench)."""
    return _computed


def last_known(function: Callable, site_id: int | None = None, *keys):
    """The value last computed by remembered `function`, however stale, or None: for error
    pages that must not touch the database."""
    slot = _slots.get(_DEPLOYMENT if site_id is None else site_id)
    if slot is None:
        return None
    return slot.values.get((getattr(function, "uncached", function), keys))


def remembered_sites() -> int:
    """How many sites this process holds values for (for tests and the bench)."""
    return sum(1 for key in _slots if key != _DEPLOYMENT)


def clear() -> None:
    with _lock:
        _slots.clear()


def registered() -> tuple[Callable, ...]:
    return tuple(_registered)


class Mutable(TypeError):
    """A value about to be shared between requests can be changed by one of them."""


def check_immutable(value, where: str = "value") -> None:
    """Raise `Mutable` unless `value` is immutable all the way down."""
    if isinstance(value, _SCALARS):
        return
    if isinstance(value, tuple | frozenset):
        for item in value:
            check_immutable(item, where)
        return
    if isinstance(value, MappingProxyType):
        for name, item in value.items():
            check_immutable(name, where)
            check_immutable(item, where)
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if not value.__dataclass_params__.frozen:
            raise Mutable(f"{where}: {type(value).__name__} is a dataclass that is not frozen")
        for item in dataclasses.fields(value):
            check_immutable(getattr(value, item.name), where)
        return
    raise Mutable(f"{where}: a {type(value).__name__} would be shared between requests")
