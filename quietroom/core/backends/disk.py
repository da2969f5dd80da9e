"""The shared backend of one machine: files in the data dir, written by a thread.

Generations are numbers in one small file every process maps into memory (`table.py`):
every worker sees a bump at once, for the cost of reading eight bytes. Entries are files
under `<cache dir>/<key>`; writing a new generation's folder removes the older ones beside
it, so a bump makes a whole folder unreachable at once and the next write clears it away.
"""

import contextlib
import logging
import os
import queue
import shutil
import threading

from quietroom.core.backends.table import GenerationTable

logger = logging.getLogger(__name__)

# Entries per folder at most: a site has a few thousand pages at the very most, and
# `?page=N` on any page makes a new key, so without a bound a crawler could fill the disk.
MAX_ENTRIES = 5000
COUNT_EVERY = 100
# Writes waiting at most; beyond that an entry is kept in the process's memory only.
BACKLOG = 256


class DiskBackend:
    name = "disk"

    def __init__(self, root: str):
        self.root = root
        self._written: dict[str, int] = {}
        self._full: set[str] = set()
        self._writer: tuple[int, queue.Queue] | None = None
        self._starting = threading.Lock()
        self._generations = GenerationTable(os.path.join(root, "generations", "table"))

    # Entries -----------------------------------------------------------------------------

    def get(self, key: str) -> bytes | None:
        try:
            with open(os.path.join(self.root, key), "rb") as file:
                return file.read()
        except OSError:
            return None

    def set(self, key: str, value: bytes, ttl: int) -> None:
        """Keep `value` under `key`, soon. A file written and renamed on ext4 takes 0.2 ms or
        more, so a thread of this process writes it after the reply has gone; a write that
        fails (a full disk) or finds too much waiting only costs speed. Expiry is the
        caller's: entries carry their own time."""
        try:
            self._jobs().put_nowait((key, value))
        except queue.Full:
            logger.warning("Cached entries are waiting to be written; this one stays in memory.")

    def delete(self, key: str) -> None:
        with contextlib.suppress(OSError):
            os.unlink(os.path.join(self.root, key))

    def flush(self) -> None:
        if self._writer is not None and self._writer[0] == os.getpid():
            self._writer[1].join()

    def clear(self) -> None:
        self.flush()
        with contextlib.suppress(OSError), os.scandir(self.root) as found:
            for entry in found:
                if entry.name != "generations":
                    if entry.is_dir(follow_symlinks=False):
                        shutil.rmtree(entry.path, ignore_errors=True)
                    else:
                        os.unlink(entry.path)
        self._written.clear()
        self._full.clear()

    def prune(self, prefix: str, keep: str) -> None:
        with contextlib.suppress(OSError), os.scandir(os.path.join(self.root, prefix)) as found:
            for folder in found:
                if folder.name != keep:
                    shutil.rmtree(folder.path, ignore_errors=True)

    # Generations -------------------------------------------------------------------------

    def generations(self, *names: str) -> tuple[int, ...]:
        return tuple(self._generations.read(name) for name in names)

    def generation(self, name: str) -> int:
        return self._generations.read(name)

    def bump(self, name: str) -> None:
        self._generations.bump(name)

    # The writer thread -------------------------------------------------------------------

    def _jobs(self) -> queue.Queue:
        # Per process: a worker forked from a parent that wrote has the queue, not the thread.
        if self._writer is None or self._writer[0] != os.getpid():
            with self._starting:
                if self._writer is None or self._writer[0] != os.getpid():
                    jobs = queue.Queue(maxsize=BACKLOG)
                    threading.Thread(target=self._work, args=(jobs,), daemon=True).start()
                    self._writer = (os.getpid(), jobs)
        return self._writer[1]

    def _work(self, jobs: queue.Queue) -> None:
        while True:
            key, value = jobs.get()
            try:
                self._write(key, value)
            except Exception:  # the writer must outlive any one entry
                logger.exception("A cached entry could not be written to disk.")
            finally:
                jobs.task_done()

    def _write(self, key: str, value: bytes) -> None:
        path = os.path.join(self.root, key)
        folder, name = os.path.split(path)
        if folder in self._full:
            return
        temporary = os.path.join(folder, f".{name}.{os.getpid()}")
        try:
            if not os.path.isdir(folder):
                os.makedirs(folder, mode=0o700, exist_ok=True)
                self._remove_older_than(folder)
            if self._too_many(folder):
                return
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as file:
                file.write(value)
            os.replace(temporary, path)
        except OSError as error:
            logger.warning(
                "A cached entry could not be kept on disk (%s); it stays in memory.", error
            )
            with contextlib.suppress(OSError):
                os.unlink(temporary)

    def _too_many(self, folder: str) -> bool:
        written = self._written[folder] = self._written.get(folder, 0) + 1
        if (written - 1) % COUNT_EVERY == 0 and len(os.listdir(folder)) >= MAX_ENTRIES:
            logger.warning("%s cached entries in one folder already; no more.", MAX_ENTRIES)
            self._full.add(folder)
        return folder in self._full

    def _remove_older_than(self, folder: str) -> None:
        """Remove the sibling folders of a new generation's folder that are older than it.

        Only older ones: a worker still finishing a render from before a bump must not
        remove what other workers have already cached under the newer generation.
        """
        parent, generation = os.path.split(folder)
        if not generation.isdigit():
            return
        with os.scandir(parent) as found:
            for sibling in found:
                if sibling.name.isdigit() and int(sibling.name) < int(generation):
                    shutil.rmtree(sibling.path, ignore_errors=True)
                    self._written.pop(sibling.path, None)
                    self._full.discard(sibling.path)
