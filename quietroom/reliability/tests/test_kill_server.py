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


def send_and_kill(server, probes):
    """Send every probe at once; kill -9 the server once KILL_AFTER have been acknowledged.

    Returns each probe's reply and the ids acknowledged.
    """
    form = ContactForm.open(server)
    acknowledged, enough = [], threading.Event()

    def send(probe):
        ident, message = probe
        reply = form.send(message, timeout=30)
        if reply.acknowledged():
            acknowledged.append(ident)
            if len(acknowledged) >= KILL_AFTER:
                enough.set()
        return reply

    with ThreadPoolExecutor(max_workers=len(probes)) as pool:
        futures = [pool.submit(send, probe) for probe in probes]
        assert enough.wait(timeout=60), server.log_tail()
        server.kill()
        assert not server.members(), "a worker outlived the kill"
        return [future.result() for future in futures], set(acknowledged)


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
    with Server(env) as server:
        replies, acknowledged = send_and_kill(server, probes)
    with Server(env) as again:  # the site comes back on the same database after the crash
        after_id, after = new_probe()
        assert ContactForm.open(again).send(after).acknowledged()

    result = audit(env)
    stored = stored_probes(result)
    unanswered = [reply for reply in replies if not reply.acknowledged()]

    assert unanswered, "the kill came too late to interrupt anything"
    assert all(reply.status in (0, 302) for reply in replies)
    assert result["unreadable"] == 0
    assert len(stored) == len(set(stored)), "a request was stored twice"
    assert set(stored) <= {ident for ident, _ in probes} | {after_id}
    assert acknowledged | {after_id} <= set(stored)
    if env["DATABASE_URL"].startswith("sqlite"):
        assert result["integrity"] == ["ok"]
    record_property(
        f"kill -9 with {SENDERS} senders ({request.node.callspec.id})",
        f"{len(acknowledged)} acknowledged, {len(unanswered)} unanswered, "
        f"{len(set(stored) - acknowledged - {after_id})} of those stored anyway",
    )
