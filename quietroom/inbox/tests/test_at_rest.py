"""Nothing a person writes is readable in the database files, dumps or logs."""

import pytest
from django.db import connection

from quietroom.core.tests.factories import make_contact_page, make_home, valid_request
from quietroom.core.tests.raw import postgres_dump, sqlite_bytes
from quietroom.inbox import keyring
from quietroom.inbox.models import ConsultationRequest

CANARY = "QRCANARY7731"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_raw_database_holds_no_name_email_phone_or_message(client, inbox_keys, caplog):
    page = make_contact_page(make_home("Canary-free Practice"))
    response = client.post(
        page.url,
        valid_request(
            name=f"Name {CANARY}",
            email=f"{CANARY.lower()}@example.org",
            phone="+1 312 555 0199",
            message=f"My message {CANARY} about how I feel",
        ),
    )
    assert response.status_code == 302
    connection.close()  # let SQLite write everything it holds to its files

    raw = postgres_dump() if connection.vendor == "postgresql" else sqlite_bytes()

    assert b"Canary-free Practice" in raw, "the dump must contain the site's ordinary data"
    for secret in (CANARY, CANARY.lower(), "555 0199"):
        assert secret.encode() not in raw
    assert CANARY not in caplog.text
    item = ConsultationRequest.objects.get()
    stored = keyring.open_sealed(item.site_id, item.ciphertext)
    assert CANARY in stored["message"]
