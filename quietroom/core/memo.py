"""Values every reader of a site sees alike, remembered per process until the site changes.

A function decorated with `per_site` takes a site id first (and may take further keys that
come from the database, never from a request); its value is kept until that site's
generation changes. `per_deployment` values (the table of sites) are kept until the table
changes. Everything remembered is immutable — frozen dataclasses, tuples, frozensets, read-only
mappings, plain scalars — because every thread of the process reads the same object; the test
settings check each value as it is stored.

Bounded: values for at most `QUIETROOM_REMEMBERED_SITES` sites (least recently used first out,
default 100), and at most `MAX_VALUES_PER_SITE` values per site.

Rebuilt in the background: a served process looks at the generations of the sites it holds
values for every `REBUILD_EVERY` seconds and computes again, under the new generation, what
it held under the old one, so the first reader after a publish does not wait for a dozen
queries (`rebuild`, `start_rebuilding`).
"""

import contextlib
import dataclasses
import datetime
import functools
import inspect
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from types import MappingProxyType

from django.conf import settings
from django.db import connections

from quietroom.core import generation

logger = logging.getLogger(__name__)

MAX_VALUES_PER_SITE = 2000
# How often a served process looks for sites whose generation moved on, and how many of a
# site's values it computes again each time (the most recently stored first): a blog of a
# thousand articles holds a thousand related-article lists, which readers rarely all ask for.
REBUILD_EVERY = 0.25
REBUILD_PER_SITE = 200
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
# The functions whose values can be computed again from their keys alone: not those that need
# an object the caller loaded (a keyword argument without a default).
_rebuildable: set[Callable] = set()


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
    if not _takes_sources(function):
        _rebuildable.add(function)
    return remembered


def _takes_sources(function: Callable) -> bool:
    """Whether `function` needs an object its caller loaded: a keyword argument without a
    default (with one, the function can load the object itself from its keys)."""
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            return True
        if (
            parameter.kind is inspect.Parameter.KEYWORD_ONLY
            and parameter.default is parameter.empty
        ):
            return True
    return False


class Gone(Exception):
    """Raised by a remembered function being rebuilt whose keys no longer describe a row (an
    edit gave it new keys): nothing is stored, and the rebuild goes on."""


def per_deployment(function: Callable) -> Callable:
    """Remember `function()` until the table of sites changes."""

    @functools.wraps(function)
    def remembered():
        return _recall(_DEPLOYMENT, generation.sites(), (function, ()), function)

    remembered.uncached = function
    _registered.append(function)
    _rebuildable.add(function)
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


def remembered_keys(site_id: int) -> tuple:
    """(function, keys) of every value this process holds for `site_id` (for the tests)."""
    slot = _slots.get(site_id)
    return () if slot is None else tuple(slot.values)


def remembered_sites() -> int:
    """How many sites this process holds values for (for tests and the bench)."""
    return sum(1 for key in _slots if key != _DEPLOYMENT)


def clear() -> None:
    with _lock:
        _slots.clear()


def rebuild() -> int:
    """Compute again, under the current generations, the values this process remembered
    under older ones (the table of sites first, as the others may use it); how many.

    Each value is stamped with the generation read before it was computed, as a reader's
    request stamps it: a publish while it is computed leaves it stale, for the next pass.
    A slot is tried once per generation: if computing fails (the database went away), the
    stale values stay for error pages (`last_known`) and readers compute what they need.
    """
    global _tried
    with _lock:  # readers' requests reorder the slots as they use them
        held = tuple(key for key in _slots if key != _DEPLOYMENT)
    now = generation.current(held)
    if now is None:
        return 0
    sites_now, sites_each = now
    wanted = {_DEPLOYMENT: sites_now, **dict(zip(held, sites_each, strict=True))}
    done = 0
    for slot_key, stamp in wanted.items():
        slot = _slots.get(slot_key)
        if slot is None or slot.stamp == stamp or _tried.get(slot_key) == stamp:
            continue
        _tried[slot_key] = stamp
        try:
            done += _rebuild_slot(slot_key, slot, sites_now, stamp)
        except Exception:
            logger.warning("Remembered values of %s could not be rebuilt.", slot_key, exc_info=True)
    _tried = {key: stamp for key, stamp in _tried.items() if key in wanted}
    return done


def _rebuild_slot(slot_key, slot: _Slot, sites_now: int, stamp: int) -> int:
    with _lock:  # a reader's request may be storing into the old slot
        keys = [key for key in reversed(slot.values) if key[0] in _rebuildable]
    keys = keys[:REBUILD_PER_SITE]
    site_id = None if slot_key == _DEPLOYMENT else slot_key
    done = 0
    with generation.pinned(site_id, sites_now, stamp):
        for function, args in keys:
            compute = function if site_id is None else functools.partial(function, site_id, *args)
            try:
                _recall(slot_key, stamp, (function, args), compute)
            except Gone:
                continue
            done += 1
    return done


_tried: dict = {}


class _Rebuilder(threading.Thread):
    def __init__(self, interval: float):
        super().__init__(name="quietroom-memo-rebuild", daemon=True)
        self.interval = interval
        self.stopping = threading.Event()
        self.passes = 0

    def run(self) -> None:
        while not self.stopping.wait(self.interval):
            try:
                rebuild()
            except Exception:  # the thread must outlive whatever one pass met
                logger.warning("Remembered values could not be rebuilt.", exc_info=True)
            finally:
                connections.close_all()  # this thread's own connections
            self.passes += 1


_rebuilder: _Rebuilder | None = None
_fork_hook = False


def start_rebuilding(interval: float = REBUILD_EVERY) -> _Rebuilder:
    """Rebuild from a thread of this process every `interval` seconds; a process forked from
    this one starts its own (threads do not survive a fork)."""
    global _rebuilder, _fork_hook
    if _rebuilder is None or not _rebuilder.is_alive():
        _rebuilder = _Rebuilder(interval)
        _rebuilder.start()
    if not _fork_hook:
        os.register_at_fork(after_in_child=_forked)
        _fork_hook = True
    return _rebuilder


def stop_rebuilding() -> None:
    global _rebuilder
    if _rebuilder is not None:
        _rebuilder.stopping.set()
        _rebuilder.join()
        _rebuilder = None


def _forked() -> None:
    global _rebuilder, _lock
    _lock = threading.Lock()  # the parent's rebuilding thread may have held it
    if _rebuilder is not None:
        interval, _rebuilder = _rebuilder.interval, None
        start_rebuilding(interval)


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
