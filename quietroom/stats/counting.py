"""Page views counted in each process's memory and added to the database every so often.

The page cache's fast path and the middleware call `count` for a reader's page. It only
appends what the count needs to a queue (one append, no lock, no parsing: the fast path
stays fast); a thread of the process tallies the queue every second into counts of
(site, path, day) and (site, day, referring host), telling bots by their user agent and
taking the host name out of the referrer, and then drops the queue. So a user agent or a
referrer is held in memory for about a second, read once, and never written anywhere.

`flush` writes what was counted in one statement per table (an upsert that adds), and keeps
the counts for the next try if the database cannot take them: a crash loses at most one
interval (`QUIETROOM_STATS_FLUSH_SECONDS`).
"""

import collections
import contextlib
import datetime
import logging
import multiprocessing.util
import os
import re
import threading
import time

from django.conf import settings
from django.db import DatabaseError, connection, connections, transaction
from wagtail.models import Site

from quietroom.stats import bots
from quietroom.stats.models import PageDay, ReferrerDay

logger = logging.getLogger("quietroom.stats")

# What a reader sees as a page, by path: not the admin, files, previews of documents, search
# (whose queries are never recorded), nor the site's machinery.
NOT_PAGES = ("/admin/", "/documents/", "/static/", "/media/", "/_util/", "/search/")
COUNTED_TYPE = "text/html"
# Referring hosts come from clients: at most this many different ones are kept between two
# flushes, so made-up referrers cannot grow a process's memory.
REFERRERS_KEPT = 5000
ROWS_PER_STATEMENT = 2000
TALLY_SECONDS = 1.0
# Past this many waiting requests the request that finds the queue this long tallies it
# itself: under load the queue is tallied in batches of this size (each distinct user agent
# still read once a batch), and a process's memory stays flat, with or without the thread.
QUEUE_LIMIT = 512
_EPOCH = datetime.date(1970, 1, 1)
_AUTHORITY = re.compile(r"[^/?#]*")
_HOST = re.compile(r"[a-z0-9.-]{1,253}")

# (site id, raw WSGI path, UTC day number, user agent, referrer, host) per request, untallied
_queue: collections.deque = collections.deque()
_tallying = threading.Lock()
# The UTC day number requests are counted under, noted by each tally (every second) rather
# than read from the clock by each request: a view in the last second before midnight may
# count for the next day.
_today = int(time.time() // 86400)
_lock = threading.Lock()
# (site id, raw WSGI path, UTC day number) -> count; views by readers, and by programs apart
_views: dict[tuple[int, str, int], int] = {}
_automated: dict[tuple[int, str, int], int] = {}
# (site id, UTC day number, host) -> views
_referrers: dict[tuple[int, int, str], int] = {}


def counted_page(path: str, status: int, content_type: str) -> bool:
    """Whether a response to an anonymous GET of `path` is a page view a reader saw."""
    if status not in (200, 304) or path.startswith(NOT_PAGES):
        return False
    return content_type.startswith(COUNTED_TYPE)


def count(site_id: int, meta) -> None:
    """Count one view of the page at meta's PATH_INFO, today, and where it came from, if the
    request is a GET (a HEAD is a program checking the page, not a reader)."""
    if meta.get("REQUEST_METHOD") != "GET":
        return
    if _flusher is None:
        start()  # whatever server runs this process: granian's workers, runserver, the demo
    _queue.append(
        (
            site_id,
            meta.get("PATH_INFO", "/"),
            _today,
            meta.get("HTTP_USER_AGENT", ""),
            meta.get("HTTP_REFERER"),
            meta.get("HTTP_HOST", ""),
        )
    )
    if len(_queue) > QUEUE_LIMIT:
        tally()


def utc_day() -> int:
    return int(time.time() // 86400)


def tally() -> None:
    """Turn the waiting requests into counts, and forget them; and note the day."""
    global _today
    _today = utc_day()
    with _tallying:
        batch = collections.Counter()
        take = _queue.popleft
        with contextlib.suppress(IndexError):
            for _ in range(len(_queue)):
                batch[take()] += 1
        if batch:
            _add(batch)


def _add(batch: collections.Counter) -> None:
    # The same few user agents and referrers come again and again: each is read once a batch.
    robots: dict[str, bool] = {}
    hosts: dict[tuple, str | None] = {}
    with _lock:
        for (site_id, path, day, agent, referrer, own_host), number in batch.items():
            key = (site_id, path, day)
            automated = robots.get(agent)
            if automated is None:
                automated = robots[agent] = bots.automated(agent)
            if automated:
                _automated[key] = _automated.get(key, 0) + number
                continue
            _views[key] = _views.get(key, 0) + number
            if not referrer:
                continue
            host = hosts.get((referrer, own_host), False)
            if host is False:
                host = hosts[(referrer, own_host)] = referring_host(referrer, own_host)
            from_key = (site_id, day, host)
            if host is not None and (from_key in _referrers or len(_referrers) < REFERRERS_KEPT):
                _referrers[from_key] = _referrers.get(from_key, 0) + number


def referring_host(referrer: str, own_host: str) -> str | None:
    """The host name of a referrer on another site; None for this site, or for anything that
    is not a plain http(s) address. The path and query are never looked at again."""
    start = referrer.find("://") + 3
    if start not in (7, 8) or referrer[: start - 3].lower() not in ("http", "https"):
        return None
    if own_host and referrer.startswith(own_host, start):
        end = start + len(own_host)
        if end == len(referrer) or referrer[end] in "/?#":
            return None  # a link within the site: the usual case, decided without parsing
    authority = _AUTHORITY.match(referrer, start).group()
    host = authority.rpartition("@")[2].partition(":")[0].lower().rstrip(".")
    if _HOST.fullmatch(host) is None:
        return None
    return None if host == own_host.partition(":")[0].lower().rstrip(".") else host


def pending() -> tuple[dict, dict, dict]:
    """Copies of what this process counted and has not written yet: views, automated
    requests and referrers."""
    tally()
    with _lock:
        return dict(_views), dict(_automated), dict(_referrers)


def forget() -> None:
    _queue.clear()
    with _lock:
        _views.clear()
        _automated.clear()
        _referrers.clear()


def flush() -> int:
    """Write what was counted; how many page rows. On a database error the counts are kept."""
    global _views, _automated, _referrers
    tally()
    with _lock:
        counted = _views, _automated, _referrers
        _views, _automated, _referrers = {}, {}, {}
    if not any(counted):
        return 0
    try:
        with transaction.atomic():
            written = write(*counted)
    except DatabaseError:
        logger.warning("Statistics: the database refused the counts; kept for the next flush")
        _put_back(*counted)
        return 0
    return written


def _put_back(views, automated, referrers) -> None:
    with _lock:
        for kept, counts in ((_views, views), (_automated, automated), (_referrers, referrers)):
            for key, number in counts.items():
                kept[key] = kept.get(key, 0) + number


def write(views: dict, automated: dict, referrers: dict) -> int:
    """Add the counts to the database; rows of sites deleted meanwhile are dropped."""
    sites = {key[0] for counts in (views, automated, referrers) for key in counts}
    existing = set(Site.objects.filter(pk__in=sites).values_list("pk", flat=True))
    page_rows = [
        (site_id, _decoded(path), _date(day), views.get(key, 0), automated.get(key, 0))
        for key in views.keys() | automated.keys()
        for site_id, path, day in (key,)
        if site_id in existing
    ]
    referrer_rows = [
        (site_id, host, _date(day), views)
        for (site_id, day, host), views in referrers.items()
        if site_id in existing
    ]
    _upsert(PageDay, ("site_id", "path", "day"), ("views", "automated"), page_rows)
    _upsert(ReferrerDay, ("site_id", "host", "day"), ("views",), referrer_rows)
    return len(page_rows)


def _upsert(model, key_columns, added, rows) -> None:
    """INSERT ... ON CONFLICT DO UPDATE that adds the new counts to the stored ones: the same
    SQL on SQLite (3.24 and later) and PostgreSQL, one statement per flush for a site's
    usual few hundred rows."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = (*key_columns, *added)
    row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    updates = ", ".join(f"{quote(c)} = {table}.{quote(c)} + excluded.{quote(c)}" for c in added)
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        chunk = rows[start : start + ROWS_PER_STATEMENT]
        # The names are the models' own, quoted; every value is a parameter.
        sql = (
            f"INSERT INTO {table} ({', '.join(quote(c) for c in columns)}) "  # noqa: S608
            f"VALUES {', '.join([row] * len(chunk))} "
            f"ON CONFLICT ({', '.join(quote(c) for c in key_columns)}) DO UPDATE SET {updates}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [value for values in chunk for value in values])


def _decoded(path: str) -> str:
    """A WSGI path (bytes read as Latin-1) as the text Django routes by."""
    try:
        return path.encode("latin-1").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return path  # already text (a test's request)


def _date(day: int) -> datetime.date:
    return _EPOCH + datetime.timedelta(days=day)


class _Flusher(threading.Thread):
    """Tallies every second, and writes every `interval` seconds."""

    def __init__(self, interval: float):
        super().__init__(name="quietroom-stats-flush", daemon=True)
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        due = time.monotonic() + self.interval
        while not self.stopped.wait(min(TALLY_SECONDS, self.interval)):
            if time.monotonic() < due:
                tally()
                continue
            flush_quietly()
            due = time.monotonic() + self.interval


_flusher: _Flusher | None = None


def start() -> None:
    """Flush every QUIETROOM_STATS_FLUSH_SECONDS from a thread of this process, and at exit;
    a process forked from this one starts its own (threads do not survive a fork)."""
    global _flusher
    if _flusher is not None:
        return
    _flusher = _Flusher(settings.QUIETROOM_STATS_FLUSH_SECONDS)
    if _flusher.interval <= 0:
        return  # the test settings: each test flushes when it means to
    _begin(_flusher)
    os.register_at_fork(after_in_child=_forked)


def _begin(flusher: _Flusher) -> None:
    flusher.start()
    # Not atexit: granian's workers are multiprocessing children, which leave by os._exit
    # and run multiprocessing's own finalizers only (it runs them at exit in any process).
    multiprocessing.util.Finalize(None, flush_quietly, exitpriority=10)


def _forked() -> None:
    global _flusher, _lock, _tallying
    _lock, _tallying = threading.Lock(), threading.Lock()  # a thread may have held them
    forget()  # the parent writes its own counts
    _flusher = _Flusher(settings.QUIETROOM_STATS_FLUSH_SECONDS)
    _begin(_flusher)


def flush_quietly() -> None:
    try:
        flush()
    except Exception:  # a flush must never end the thread that retries it
        logger.exception("Statistics: the flush failed; counts kept for the next one")
    finally:
        connections.close_all()  # this thread's own connections only
