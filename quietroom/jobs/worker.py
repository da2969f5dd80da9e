"""The worker: periodic jobs when they are due, and the queued tasks (django-tasks' database
backend) as they come."""

import logging
import os
import socket
import time

from django.conf import settings
from django.db import close_old_connections
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker

from quietroom.jobs import periodic

logger = logging.getLogger("quietroom.jobs")


def worker_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"[:64]


def run_queued(batch: bool, interval: float = 1.0, max_tasks: int | None = None) -> None:
    """Run queued tasks: all that are ready, then return (`batch`), or until stopped.

    Only the database backend queues anything; with another (the tests' immediate one) the
    tasks ran when they were enqueued and there is nothing to take.
    """
    if not isinstance(task_backends["default"], DatabaseBackend):
        return
    Worker(
        queue_names=["*"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id=worker_id(),
        excluded_queue_names=[],
    ).run()


def run_once() -> list[str]:
    """What is due now, then every queued task that is ready; the periodic jobs run."""
    ran = periodic.run_due()
    run_queued(batch=True)
    return ran


def run_forever(interval: float | None = None) -> None:
    """Wake every `interval` seconds (QUIETROOM_WORKER_INTERVAL): periodic jobs, then tasks."""
    interval = settings.QUIETROOM_WORKER_INTERVAL if interval is None else interval
    while True:
        close_old_connections()
        try:
            run_once()
        except Exception:  # a database away for a moment: try again next time
            logger.exception("The worker's round failed; it tries again in %s s", interval)
        close_old_connections()
        time.sleep(interval)
