"""Render and write many pages at once in forked worker processes, one for each core given."""

import multiprocessing

from django.db import connections

# What map_forked's workers do, given to them by the fork itself (closures and answers are
# not pickled; only indexes and results cross between the processes).
_work: tuple | None = None


def _do(index: int):
    function, items = _work
    return function(items[index])


def map_forked(function, items: list, jobs: int) -> list:
    """`function(item)` for each of `items`, in order, in `jobs` forked copies of this
    process; `function` may be a closure, and its results must pickle. With one job, or too
    few items to share between the jobs, in this process: forking would cost more.

    Each worker opens its own database connection, so the data must be committed.
    """
    if jobs < 2 or len(items) < 2 * jobs:
        return [function(item) for item in items]
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
