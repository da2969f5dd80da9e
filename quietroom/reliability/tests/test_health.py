"""The health endpoint: one word, 200 while the database answers, 503 while it does not."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from quietroom.reliability import health
from quietroom.reliability.tests.broken import unreachable_database


def test_the_health_endpoint_says_ok_while_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_the_health_endpoint_is_never_served_from_the_page_cache(client, db):
    client.get("/healthz")
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/healthz")

    assert again.content == b"ok"
    assert len(queries) == 1


def test_the_health_endpoint_answers_503_while_the_database_is_down(client, db, tmp_path):
    with unreachable_database(tmp_path):
        response = client.get("/healthz")
        assert not health.database_answers()

    assert response.status_code == 503
    assert response.content == b"unavailable"
    assert int(response["Retry-After"]) > 0
    assert health.database_answers()


def test_the_health_endpoint_only_answers_reads(client, db):
    assert client.post("/healthz").status_code == 405
    assert client.head("/healthz").status_code == 200
