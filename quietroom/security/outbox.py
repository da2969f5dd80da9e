"""Email sent by a thread of the process after the reply, so a request that sends one takes
no longer than one that does not (password reset: a known address must not answer slower).

django-tasks, which Wagtail 8 brings, has only an immediate backend (it runs the task inside
the request, which is the leak) and a dummy one; its database backend needs a worker process
of its own. One daemon thread per process and a bounded queue need nothing more. A message
still queued when the process stops is lost, as one refused by the mail server is: the person
asks again.
"""

import logging
import os
import queue
import threading
from collections.abc import Callable

from django.db import connections

logger = logging.getLogger(__name__)

# Messages waiting at most; beyond that one is dropped with a warning rather than queued
# without end (the reset limits keep a real site far below this).
BACKLOG = 100

_sender: tuple[int, queue.Queue] | None = None
_starting = threading.Lock()


def post(send: Callable[[], None]) -> None:
    """Call `send` (which renders and sends one message) soon, from the sending thread."""
    try:
        _jobs().put_nowait(send)
    except queue.Full:
        logger.warning("Too many emails waiting to be sent; one was dropped.")


def flush() -> None:
    """Wait until every message this process was given has been sent (for tests)."""
    if _sender is not None and _sender[0] == os.getpid():
        _sender[1].join()


def _jobs() -> queue.Queue:
    global _sender
    # Per process: a worker forked from a parent that sent mail has the queue, not the thread.
    if _sender is None or _sender[0] != os.getpid():
        with _starting:
            if _sender is None or _sender[0] != os.getpid():
                jobs = queue.Queue(maxsize=BACKLOG)
                threading.Thread(target=_work, args=(jobs,), daemon=True).start()
                _sender = (os.getpid(), jobs)
    return _sender[1]


def _work(jobs: queue.Queue) -> None:
    while True:
        send = jobs.get()
        try:
            send()
        except Exception:  # the sender must outlive any one message
            logger.exception("An email could not be sent.")
        finally:
            connections.close_all()  # this thread's own, if rendering opened one
            jobs.task_done()
