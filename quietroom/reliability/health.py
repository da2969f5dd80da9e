"""Whether the database answers right now: the question a load balancer asks."""

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from quietroom.reliability.faults import DATABASE_FAULTS


def database_answers(alias: str = DEFAULT_DB_ALIAS) -> bool:
    """True when the database runs a trivial query; False (never an exception) otherwise."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone()[0] == 1
    except (DatabaseError, *DATABASE_FAULTS):
        return False
