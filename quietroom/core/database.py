"""The database as Quietroom needs it, where a setting cannot say it: behind PgBouncer, the
statement timeout is a default of the database role, since PgBouncer refuses the startup
option that carries it otherwise."""

import logging

from django.conf import settings
from django.db import connection
from django.db.models.signals import post_migrate

logger = logging.getLogger(__name__)


def role_statement_timeout(milliseconds: int) -> None:
    """Make `milliseconds` the statement timeout of every new session of this role (an
    ordinary role may set its own defaults), and of this session now."""
    value = f"{int(milliseconds)}ms"  # an int: nothing else reaches the SQL
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER ROLE CURRENT_USER SET statement_timeout = '{value}'")
        cursor.execute(f"SET statement_timeout = '{value}'")


def migrated(sender, using="default", **kwargs) -> None:
    if sender.label != "core" or connection.vendor != "postgresql":
        return
    if settings.QUIETROOM_DB_POOLER == "pgbouncer":
        role_statement_timeout(settings.QUIETROOM_DB_STATEMENT_TIMEOUT_MS)
        logger.info(
            "Statement timeout of the database role set to %s ms (PgBouncer in front).",
            settings.QUIETROOM_DB_STATEMENT_TIMEOUT_MS,
        )


def connect() -> None:
    post_migrate.connect(migrated, dispatch_uid="quietroom-role-statement-timeout")
