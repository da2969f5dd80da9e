"""The export's forked workers: results in order, computed in processes other than this one,
from a closure and items that are never pickled; one job, or a few items, stay here."""

import os
import threading

from quietroom.export.parallel import map_forked


def test_a_closure_runs_in_the_workers_and_its_results_come_back_in_order():
    unpicklable = threading.Lock()  # reaches the workers by the fork, or not at all
    items = list(range(40))

    def double(item):
        with unpicklable:
            return item * 2, os.getpid()

    results = map_forked(double, items, jobs=2)

    assert [value for value, _ in results] == [item * 2 for item in items]
    assert os.getpid() not in {pid for _, pid in results}


def test_one_job_or_too_few_items_stay_in_this_process():
    def where(item):
        return item, os.getpid()

    for items, jobs in ((list(range(40)), 1), ([1, 2, 3], 2)):
        results = map_forked(where, items, jobs=jobs)

        assert [value for value, _ in results] == items
        assert {pid for _, pid in results} == {os.getpid()}
