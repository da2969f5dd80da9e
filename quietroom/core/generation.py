"""Generations: the numbers every cached page and remembered value is stamped with.

- Each site has its own generation, bumped by any change that could alter one of its public
  pages (a publish, a settings save...): a change on one practice leaves the others' cached
  pages and remembered values as they were.
- The `sites` generation is bumped when the table of sites changes (a hostname, a root).
- The epoch is a digest of the code and the libraries it renders with, computed at start:
  an upgrade changes it once, for every site; a restart with the same code keeps it, so a
  rolling restart of many hosts flushes nothing.

Generations live in the shared backend (a file's mtime on one machine, a Redis key on many).
A reader's request reads them once and keeps them (`pinned`), so a page rendered while an
editor publishes is stored as already stale rather than stamped with the newer number.
"""

import functools
import hashlib
import importlib.metadata
import logging
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from wagtail.models import Site

from quietroom.core.backends import Unavailable, backend

logger = logging.getLogger(__name__)

SITES = "sites"
PACKAGE = Path(__file__).resolve().parent.parent
# What a rendered page is made from besides the database; other files (tests) do not count.
RENDERING_SUFFIXES = (".py", ".html", ".css", ".json", ".txt", ".svg")
# Settings that reader pages state in words (the privacy notice says how long requests are
# kept): pages cached under one value must not answer once a restart brings another.
STATED_SETTINGS = (
    "QUIETROOM_INBOX_RETENTION_DAYS",
    "QUIETROOM_SUBSCRIBE_CONFIRM_HOURS",
    "QUIETROOM_STATS_RETENTION_DAYS",
)


def site_name(site_id: int) -> str:
    return f"site-{site_id}"


@dataclass(frozen=True)
class Pin:
    sites: int
    site_id: int | None
    site: int


_pinned: ContextVar[Pin | None] = ContextVar("quietroom_generations", default=None)


@functools.cache
def epoch() -> str:
    """A digest of Quietroom's own files, the versions of the libraries it depends on and
    the settings its pages state.

    Content, not modification times: every host that installed the same release computes
    the same epoch, so they share cached pages; an upgrade computes a new one.
    """
    digest = hashlib.blake2b(digest_size=8)
    for name in STATED_SETTINGS:
        digest.update(f"{name}={getattr(settings, name, None)}\0".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in RENDERING_SUFFIXES and "tests" not in path.parts and path.is_file():
            digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes())
    for requirement in sorted(_requirements()):
        try:
            digest.update(f"{requirement}={importlib.metadata.version(requirement)}".encode())
        except importlib.metadata.PackageNotFoundError:
            continue
    return digest.hexdigest()


def _requirements() -> set[str]:
    try:
        listed = importlib.metadata.requires("quietroom") or []
    except importlib.metadata.PackageNotFoundError:
        return {"django", "wagtail"}
    names = set()
    for line in listed:
        if "extra ==" in line:
            continue
        name = line.split(";")[0].strip()
        for stop in "<>=!~[ ":
            name = name.split(stop)[0]
        names.add(name.lower())
    return names


def site(site_id: int) -> int | None:
    """The generation of `site_id`, pinned or read now; None when the backend cannot be
    reached."""
    pin = _pinned.get()
    if pin is not None and pin.site_id == site_id:
        return pin.site
    try:
        return backend().generation(site_name(site_id))
    except Unavailable:
        return None


def sites() -> int | None:
    pin = _pinned.get()
    if pin is not None:
        return pin.sites
    try:
        return backend().generation(SITES)
    except Unavailable:
        return None


def current(site_ids) -> tuple[int, tuple[int, ...]] | None:
    """The table's generation and each of `site_ids`' as the backend holds them now, in one
    read and whatever is pinned; None when the backend cannot be reached."""
    try:
        found = backend().generations(SITES, *(site_name(site_id) for site_id in site_ids))
    except Unavailable:
        return None
    return found[0], found[1:]


def pinned_site() -> int | None:
    """The site of the reader's request being answered, if any."""
    pin = _pinned.get()
    return None if pin is None else pin.site_id


@contextmanager
def pinned(site_id: int | None, sites_generation: int, site_generation: int = 0):
    """Every generation read while answering one request comes from these numbers."""
    token = _pinned.set(Pin(sites_generation, site_id, site_generation))
    try:
        yield
    finally:
        _pinned.reset(token)


def bump_site(site_id: int) -> None:
    _bump(site_name(site_id))


def bump_sites() -> None:
    """The table of sites changed: hostnames, ports, roots, which is the default."""
    _bump(SITES)


def bump_every_site() -> None:
    """Something every site may show changed (a restore, a manual repair)."""
    _bump(SITES)
    for site_id in Site.objects.values_list("pk", flat=True):
        _bump(site_name(site_id))


def _bump(name: str) -> None:
    try:
        backend().bump(name)
    except Unavailable as error:
        # Nothing is served from a cache that cannot be reached; but once it answers again,
        # what it holds may be stale until it expires (QUIETROOM_PAGE_CACHE_SECONDS).
        logger.error("The cache generation %s could not be bumped (%s).", name, error)
