"""kill -9 of the server during 200 concurrent contact requests loses no acknowledged request."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from quietroom.reliability.tests.live import (
    ContactForm,
    Server,
    audit,
    new_probe,
    stored_probes,
)

SENDERS = 200
KILL_AFTER = 50  # acknowledged requests before the kill, so most are still in flight


@pytest.mark.parametrize(
    "site",
    [
        pytest.param("sqlite_site", marks=pytest.mark.sqlite_server, id="sqlite"),
        pytest.param("postgres_site", marks=pytest.mark.postgres, id="postgresql"),
    ],
)
def test_killing_the_server_mid_submission_loses_no_acknowledged_request(
    site, request, record_property
):
    env = request.getfixturevalue(site)
    probes = [new_probe() for _ in range(SENDERS)]
    acknowledged, enough = [], threading.Event()

    def send(probe):
        reply = form.send(probe[1], timeout=30)
        if reply.acknowledged():
            acknowledged.append(probe[0])
            if len(acknowledged) >= KILL_AFTER:
                enough.set()
        return reply

    with Server(env) as server:
        form = ContactForm.open(server)
        with ThreadPoolExecutor(max_workers=SENDERS) as pool:
            futures = [pool.submit(send, probe) for probe in probes]
            assert enough.wait(timeout=60), server.log_tail()
            members = server.members()
            server.kill()
            assert not any(server.members() & members)
            replies = [future.result() for future in futures]

        # The site comes back on the same database after the crash.
        with Server(env) as again:
            after = new_probe()
            assert ContactForm.open(again).send(after[1]).acknowledged()

    result = audit(env)
    stored = stored_probes(result)
    sent = {ident for ident, _ in probes} | {after[0]}
    unanswered = [reply for reply in replies if not reply.acknowledged()]

    assert unanswered, "the kill came too late to interrupt anything"
    assert all(reply.status in (0, 302) for reply in replies)
    assert result["unreadable"] == 0
    assert len(stored) == len(set(stored)), "a request was stored twice"
    assert set(stored) <= sent
    assert set(acknowledged) | {after[0]} <= set(stored)
    if result["integrity"] is not None:
        assert result["integrity"] == ["ok"]
    record_property(
        f"kill -9 with {SENDERS} senders ({request.node.callspec.id})",
        f"{len(acknowledged)} acknowledged, {len(unanswered)} unanswered, "
        f"{len(set(stored) - set(acknowledged) - {after[0]})} of those stored anyway",
    )
