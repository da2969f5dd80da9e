"""Cached pages on disk, shared by every worker process of one machine (when there is no Redis).

Each worker also keeps pages in its own memory; this folder lets a page one worker rendered
answer from all the others, so a publish costs one render per page and machine rather than one
per worker, and any worker can answer a cached page while the database is away.

Entries live in `cache/pages/<generation>/` in the data dir: a bump makes a whole folder
unreachable at once, and the first write under the next generation removes the older folders.
"""

import contextlib
import logging
import os
import shutil
import threading

from django.conf import settings

logger = logging.getLogger(__name__)

# Pages stored per generation at most: a site has a few thousand pages at the very most, and
# `?page=N` on any page makes a new key, so without a bound a crawler could fill the disk.
MAX_ENTRIES = 5000
COUNT_EVERY = 100

_written: dict[int, int] = {}
_full: set[int] = set()


def root() -> str:
    return os.path.join(str(settings.DATA_DIR), "cache", "pages")


def load(name: str, generation: int) -> bytes | None:
    try:
        with open(os.path.join(root(), str(generation), name), "rb") as file:
            return file.read()
    except OSError:
        return None


def save(name: str, generation: int, data: bytes) -> None:
    """Keep `data` under `name` for `generation`; a failure (a full disk) only costs speed."""
    if generation in _full:
        return
    folder = os.path.join(root(), str(generation))
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.{threading.get_ident()}")
    try:
        if not os.path.isdir(folder):
            os.makedirs(folder, exist_ok=True)
            _remove_older_than(generation)
        if _too_many(folder, generation):
            return
        with open(temporary, "wb") as file:
            file.write(data)
        os.replace(temporary, os.path.join(folder, name))
    except OSError as error:
        logger.warning("A cached page could not be kept on disk (%s); it is kept in memory.", error)
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def clear() -> None:
    shutil.rmtree(root(), ignore_errors=True)
    _written.clear()
    _full.clear()


def _too_many(folder: str, generation: int) -> bool:
    written = _written[generation] = _written.get(generation, 0) + 1
    if (written - 1) % COUNT_EVERY == 0 and len(os.listdir(folder)) >= MAX_ENTRIES:
        logger.warning("%s cached pages on disk already; no more for this generation.", MAX_ENTRIES)
        _full.add(generation)
    return generation in _full


def _remove_older_than(generation: int) -> None:
    # Only older ones: a worker still finishing a render from before a bump must not remove
    # the pages other workers have already cached under the newer generation.
    for folder in os.scandir(root()):
        if folder.name.isdigit() and int(folder.name) < generation:
            shutil.rmtree(folder.path, ignore_errors=True)
    for old in [number for number in _written if number < generation]:
        _written.pop(old, None)
        _full.discard(old)
