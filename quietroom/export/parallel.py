"""Render and write many pages at once in forked worker processes, one for each core given."""

import multiprocessing

from django.db import connections
from wagtail.models import Site

from quietroom.export.reader import Answer, Reader

_reader: Reader | None = None
# What map_forked's workers do, given to them by the fork itself (closures and answers are
# not pickled; only indexes and results cross between the processes).
_work: tuple | None = None


def _start(site_id: int) -> None:
    global _reader
    _reader = Reader(Site.objects.get(pk=site_id))


def _get(url: str) -> Answer:
    return _reader.get(url)


def render_in_parallel(site: Site, urls: list[str], jobs: int) -> list[Answer]:
    """The answers for `urls`, in order, rendered by `jobs` forked copies of this process.

    Each worker opens its own database connection, so the data must be committed.
    """
    connections.close_all()
    context = multiprocessing.get_context("fork")
    chunk = max(1, len(urls) // (jobs * 8))
    with context.Pool(jobs, initializer=_start, initargs=(site.pk,)) as pool:
        return pool.map(_get, urls, chunksize=chunk)


def _do(index: int):
    function, items = _work
    return function(items[index])


def map_forked(function, items: list, jobs: int) -> list:
    """`function(item)` for each of `items`, in order, in `jobs` forked copies of this
    process; `function` may be a closure, and its results must pickle."""
    global _work
    connections.close_all()
    _work = (function, items)
    try:
        context = multiprocessing.get_context("fork")
        chunk = max(1, len(items) // (jobs * 8))
        with context.Pool(jobs) as pool:
            return pool.map(_do, range(len(items)), chunksize=chunk)
    finally:
        _work = None
