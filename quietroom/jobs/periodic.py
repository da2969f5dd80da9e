"""Jobs that run every so often, on exactly one host at a time, whatever the number of workers.

A job is a plain function registered with `every`. A worker claims a run by locking the job's
row in one short transaction (`SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL; on SQLite the
write lock every transaction takes first does the same), and only if the job is due: two
workers that wake together run it once.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from quietroom.jobs.models import PeriodicRun

logger = logging.getLogger("quietroom.jobs")


@dataclass(frozen=True)
class Job:
    name: str
    interval: timedelta
    run: Callable[[], object]


_jobs: dict[str, Job] = {}


def every(seconds: int, name: str | None = None):
    """Register the decorated function as a job run every `seconds`."""

    def register(function):
        job = Job(name or function.__name__, timedelta(seconds=seconds), function)
        _jobs[job.name] = job
        return function

    return register


def registered() -> tuple[Job, ...]:
    return tuple(_jobs[name] for name in sorted(_jobs))


def claim(job: Job, now=None) -> bool:
    """Mark `job` as started if it is due and no other worker holds it; whether it was."""
    now = now or timezone.now()
    with transaction.atomic():
        PeriodicRun.objects.get_or_create(name=job.name)
        run = PeriodicRun.objects.select_for_update(skip_locked=True).filter(name=job.name)
        run = run.first()
        if run is None:  # another worker holds it right now
            return False
        if run.last_started and run.last_started + job.interval > now:
            return False
        run.last_started = now
        run.save(update_fields=["last_started"])
        return True


def run_due(now=None) -> list[str]:
    """Run every registered job that is due and not claimed elsewhere; names of those run."""
    ran = []
    for job in registered():
        if not claim(job, now):
            continue
        error = ""
        try:
            job.run()
        except Exception as failure:  # one failing job must not stop the others
            error = type(failure).__name__
            logger.exception("Periodic job %s failed", job.name)
        PeriodicRun.objects.filter(name=job.name).update(
            last_finished=timezone.now(), last_error=error
        )
        ran.append(job.name)
    return ran
