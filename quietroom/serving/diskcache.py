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
import queue
import shutil
import threading

from django.conf import settings

logger = logging.getLogger(__name__)

# Pages stored per generation at most: a site has a few thousand pages at the very most, and
# `?page=N` on any page makes a new key, so without a bound a crawler could fill the disk.
MAX_ENTRIES = 5000
COUNT_EVERY = 100
# Writes waiting at most; beyond that a page is kept in memory only.
BACKLOG = 256

# By generation folder: pages written by this process, and folders that reached MAX_ENTRIES.
_written: dict[str, int] = {}
_full: set[str] = set()
_writer: tuple[int, queue.Queue] | None = None
_starting = threading.Lock()


def root() -> str:
    return os.path.join(str(settings.DATA_DIR), "cache", "pages")


def load(name: str, generation: int) -> bytes | None:
    try:
        with open(os.path.join(root(), str(generation), name), "rb") as file:
            return file.read()
    except OSError:
        return None


def save(name: str, generation: int, data: bytes) -> None:
    """Keep `data` under `name` for `generation`, soon. A file written and renamed on ext4
    takes 0.2 ms or more, so a thread of this process writes it after the reply has gone; a
    write that fails (a full disk) or finds too much waiting only costs speed."""
    try:
        _jobs().put_nowait((root(), str(generation), name, data))
    except queue.Full:
        logger.warning("Cached pages are waiting to be written; this one is kept in memory.")


def flush() -> None:
    """Wait until every page this process was given is on disk."""
    if _writer is not None and _writer[0] == os.getpid():
        _writer[1].join()


def clear() -> None:
    flush()
    shutil.rmtree(root(), ignore_errors=True)
    _written.clear()
    _full.clear()


def _jobs() -> queue.Queue:
    global _writer
    # Per process: a worker forked from a parent that wrote pages has the queue, not the thread.
    if _writer is None or _writer[0] != os.getpid():
        with _starting:
            if _writer is None or _writer[0] != os.getpid():
                jobs = queue.Queue(maxsize=BACKLOG)
                threading.Thread(target=_work, args=(jobs,), daemon=True).start()
                _writer = (os.getpid(), jobs)
    return _writer[1]


def _work(jobs: queue.Queue) -> None:
    while True:
        job = jobs.get()
        try:
            _write(*job)
        except Exception:  # the writer must outlive any one page
            logger.exception("A cached page could not be written to disk.")
        finally:
            jobs.task_done()


def _write(pages: str, generation: str, name: str, data: bytes) -> None:
    folder = os.path.join(pages, generation)
    if folder in _full:
        return
    temporary = os.path.join(folder, f".{name}.{os.getpid()}")
    try:
        if not os.path.isdir(folder):
            os.makedirs(folder, exist_ok=True)
            _remove_older_than(pages, int(generation))
        if _too_many(folder):
            return
        with open(temporary, "wb") as file:
            file.write(data)
        os.replace(temporary, os.path.join(folder, name))
    except OSError as error:
        logger.warning("A cached page could not be kept on disk (%s); it is kept in memory.", error)
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _too_many(folder: str) -> bool:
    written = _written[folder] = _written.get(folder, 0) + 1
    if (written - 1) % COUNT_EVERY == 0 and len(os.listdir(folder)) >= MAX_ENTRIES:
        logger.warning("%s cached pages on disk already; no more for this generation.", MAX_ENTRIES)
        _full.add(folder)
    return folder in _full


def _remove_older_than(pages: str, generation: int) -> None:
    # Only older ones: a worker still finishing a render from before a bump must not remove
    # the pages other workers have already cached under the newer generation.
    for folder in os.scandir(pages):
        if folder.name.isdigit() and int(folder.name) < generation:
            shutil.rmtree(folder.path, ignore_errors=True)
            _written.pop(folder.path, None)
            _full.discard(folder.path)
