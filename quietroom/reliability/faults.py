"""Telling a passing fault (database away, disk full) from a bug, by the exception raised."""

import errno
import sqlite3

import psycopg
from django.db import InterfaceError, OperationalError

# Django wraps driver errors in its own classes; psycopg's are listed for those raised
# outside Django's wrapper (a connection closed while being checked, for instance).
DATABASE_FAULTS = (
    OperationalError,
    InterfaceError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
)

DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}


def causes(error: BaseException | None, limit: int = 10):
    """The error and those it was explicitly raised from (`raise ... from`), outermost first."""
    while error is not None and limit > 0:
        yield error
        error = error.__cause__
        limit -= 1


def database_unavailable(error: BaseException) -> bool:
    """True when the database could not be reached or used: down, restarting, locked, full.

    Django raises OperationalError for all of these (SQLite's "database is locked" after the
    busy timeout, a refused or dropped PostgreSQL connection); they pass without our help.
    """
    return any(isinstance(cause, DATABASE_FAULTS) for cause in causes(error))


def disk_full(error: BaseException) -> bool:
    """True when a write failed because the filesystem (or the user's quota) is full.

    The database says so in its own terms: SQLite's SQLITE_FULL ("database or disk is full"),
    PostgreSQL's disk_full (53100).
    """
    return any(
        (isinstance(cause, OSError) and cause.errno in DISK_FULL_ERRNOS)
        or getattr(cause, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
        or isinstance(cause, psycopg.errors.DiskFull)
        for cause in causes(error)
    )
