"""Which exceptions count as a passing fault (503 or a disk-full message) and which as a bug."""

import errno

import psycopg
import pytest
from django.db import IntegrityError, InterfaceError, OperationalError

from quietroom.reliability import faults


def wrapped(outer, inner):
    try:
        raise outer from inner
    except type(outer) as error:
        return error


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("database is locked"),
        OperationalError("connection to server at 127.0.0.1 failed: Connection refused"),
        InterfaceError("connection already closed"),
        psycopg.OperationalError("terminating connection due to administrator command"),
        wrapped(RuntimeError("while rendering"), OperationalError("server closed the connection")),
    ],
)
def test_an_unreachable_locked_or_dropped_database_is_a_passing_fault(error):
    assert faults.database_unavailable(error)


@pytest.mark.parametrize(
    "error",
    [
        IntegrityError("UNIQUE constraint failed"),
        ValueError("a bug"),
        OSError(errno.ENOSPC, "No space left on device"),
    ],
)
def test_bugs_and_integrity_errors_are_not_database_outages(error):
    assert not faults.database_unavailable(error)


def test_a_full_disk_or_quota_is_recognised_even_when_wrapped():
    assert faults.disk_full(OSError(errno.ENOSPC, "No space left on device"))
    assert faults.disk_full(OSError(errno.EDQUOT, "Disk quota exceeded"))
    assert faults.disk_full(wrapped(RuntimeError("saving"), OSError(errno.ENOSPC, "full")))
    assert not faults.disk_full(OSError(errno.EACCES, "Permission denied"))
    assert not faults.disk_full(OperationalError("database or disk is full"))
