"""PostgreSQL restarted under load: calm 503s during the outage only, then recovery, no loss."""

import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections

from quietroom.reliability.tests.live import (
    CONTACT,
    ContactForm,
    Server,
    audit,
    call,
    new_probe,
    postgres_cluster,
    postmaster_started,
    stored_probes,
)

CLIENTS = 6
GRACE = 5.0  # errors may trail the restart by this much (CONN_HEALTH_CHECKS reconnects)
# Seconds of load before the restart, and after it: past the grace, so that every client
# has seconds of requests that must all succeed.
BEFORE, AFTER = 2.0, GRACE + 3.0


def client_loop(form, stop, results):
    """Send, read the form, ask for health, again and again until told to stop."""
    while not stop.is_set():
        ident, message = new_probe()
        results.append(("send", ident, form.send(message, timeout=30)))
        results.append(("read", None, call(form.server, "GET", CONTACT, timeout=30)))
        results.append(("health", None, call(form.server, "GET", "/healthz", timeout=30)))


def restart_under_load(server, suite_url):
    """Clients busy before, during and after `pg_ctlcluster restart -m fast`.

    Returns every (kind, probe id, reply) and the moments the restart began and ended.
    """
    version, cluster = postgres_cluster(suite_url)
    results, stop = [], threading.Event()
    form = ContactForm.open(server)
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        for _ in range(CLIENTS):
            pool.submit(client_loop, form, stop, results)
        time.sleep(BEFORE)
        began = time.monotonic()
        try:
            restart = ["pg_ctlcluster", version, cluster, "restart", "-m", "fast"]
            subprocess.run(restart, check=True, timeout=60)
        finally:
            ended = time.monotonic()
            connections.close_all()  # this process's own connections died with the server
            time.sleep(AFTER)
            stop.set()
    return results, began, ended


def succeeded(kind, reply) -> bool:
    return reply.acknowledged() if kind == "send" else reply.status == 200


@pytest.mark.postgres
def test_the_site_recovers_from_a_postgres_restart_without_losing_acknowledged_requests(
    postgres_site, suite_postgres_url, record_property
):
    before_restart = postmaster_started(suite_postgres_url)
    with Server(postgres_site) as server:
        processes = server.members()
        results, began, ended = restart_under_load(server, suite_postgres_url)
        assert server.members() == processes, "the server restarted or lost a worker"

    failures = [(kind, reply) for kind, _, reply in results if not succeeded(kind, reply)]
    later = [reply for _, _, reply in results if reply.started > ended + GRACE]
    sent = {ident for kind, ident, reply in results if kind == "send" and reply.acknowledged()}
    stored = stored_probes(audit(postgres_site))

    assert postmaster_started(suite_postgres_url) != before_restart
    for kind, reply in failures:
        assert reply.status == 503, (kind, reply.status, reply.problem)
        assert reply.ended >= began
        assert reply.started <= ended + GRACE
        assert int(reply.headers["retry-after"]) > 0
        assert b"Traceback" not in reply.body
    assert len(later) >= CLIENTS, "too little load after the restart to show recovery"
    assert sent <= set(stored)
    assert len(stored) == len(set(stored))
    record_property(
        "PostgreSQL restart under load",
        f"{len(results)} requests, {len(failures)} answered 503 during "
        f"{ended - began:.1f} s of restart, {len(sent)} requests stored",
    )
