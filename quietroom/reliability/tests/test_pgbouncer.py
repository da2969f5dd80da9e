"""Quietroom behind a real PgBouncer in transaction pooling (QUIETROOM_DB_POOLER=pgbouncer)."""

import psycopg
import pytest

from quietroom.reliability.tests.live import ARTICLE, ContactForm, Server, call, quietroom
from quietroom.reliability.tests.pgbouncer import running_pgbouncer, through

pytestmark = pytest.mark.postgres


@pytest.fixture
def pgbouncer(suite_postgres_url):
    with running_pgbouncer(suite_postgres_url) as port:
        yield port
    # The role's default outlives the test: put it back.
    with psycopg.connect(suite_postgres_url, autocommit=True) as connection:
        connection.execute("ALTER ROLE CURRENT_USER RESET statement_timeout")


def test_pgbouncer_refuses_the_startup_option_quietroom_used_to_send(pgbouncer, suite_postgres_url):
    with pytest.raises(psycopg.OperationalError, match="unsupported startup parameter"):
        psycopg.connect(
            through(suite_postgres_url, pgbouncer), options="-c statement_timeout=30000"
        ).close()


def test_the_site_runs_through_pgbouncer_with_the_timeout_on_the_role(pgbouncer, postgres_site):
    env = {
        **postgres_site,
        "DATABASE_URL": through(postgres_site["DATABASE_URL"], pgbouncer),
        "QUIETROOM_DB_POOLER": "pgbouncer",
        "QUIETROOM_DB_STATEMENT_TIMEOUT_MS": "25000",
    }
    quietroom("migrate", "--no-input", env=env)  # sets the role's statement timeout
    shown = quietroom(
        "shell",
        "-c",
        "from django.db import connection\n"
        "cursor = connection.cursor(); cursor.execute('SHOW statement_timeout')\n"
        "print('TIMEOUT', cursor.fetchone()[0])",
        env=env,
    )
    with Server(env) as server:
        pages = [call(server, "GET", ARTICLE) for _ in range(4)]
        form = ContactForm.open(server)
        sent = form.send("Asked through the pooler.")

    assert "TIMEOUT 25s" in shown
    assert {page.status for page in pages} == {200}
    assert sent.acknowledged(), (sent.status, sent.body[:300])
