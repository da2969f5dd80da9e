"""The contact form's limit over real HTTP: thirty requests at once from one address, ten
accepted (issue 11.10), on SQLite and on PostgreSQL. Two workers with two threads each, as
`quietroom serve` runs on two cores; before the count was taken atomically 13 got through."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from quietroom.reliability.tests.live import ContactForm, Server, audit

LIMIT = 10
MESSAGE = "Thirty at once: I would like to talk about sleep."


@pytest.mark.parametrize(
    "site",
    [
        pytest.param("sqlite_site", marks=pytest.mark.sqlite_server, id="sqlite"),
        pytest.param("postgres_site", marks=pytest.mark.postgres, id="postgresql"),
    ],
)
def test_thirty_requests_at_once_from_one_address_are_ten_accepted(site, request):
    env = {**request.getfixturevalue(site), "QUIETROOM_CONTACT_RATE_LIMIT": str(LIMIT)}
    before = len(audit(env)["messages"])
    with Server(env, workers=2) as server:
        forms = [ContactForm.open(server) for _ in range(30)]
        with ThreadPoolExecutor(max_workers=30) as pool:
            replies = list(pool.map(lambda form: form.send(MESSAGE), forms))

    assert sorted(reply.status for reply in replies) == [302] * LIMIT + [429] * (30 - LIMIT)
    assert len(audit(env)["messages"]) == before + LIMIT
