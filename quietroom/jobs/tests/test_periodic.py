"""Periodic jobs run when due, once, on one worker at a time."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from quietroom.jobs import periodic
from quietroom.jobs.models import PeriodicRun


@pytest.fixture
def jobs(monkeypatch):
    """A registry of this test's own jobs, instead of the project's."""
    monkeypatch.setattr(periodic, "_jobs", {})
    return periodic


def test_a_job_runs_when_due_and_not_again_within_its_interval(db, jobs):
    ran = []
    jobs.every(3600, name="hourly")(lambda: ran.append(1))
    now = timezone.now()

    assert jobs.run_due(now) == ["hourly"]
    assert jobs.run_due(now + timedelta(minutes=59)) == []
    assert jobs.run_due(now + timedelta(minutes=61)) == ["hourly"]
    assert len(ran) == 2


def test_a_failing_job_records_its_kind_of_error_and_the_others_still_run(db, jobs):
    def broken():
        raise RuntimeError("details that may name a person")

    ran = []
    jobs.every(60, name="a-broken")(broken)
    jobs.every(60, name="b-fine")(lambda: ran.append(1))

    assert jobs.run_due() == ["a-broken", "b-fine"]
    assert ran == [1]
    run = PeriodicRun.objects.get(name="a-broken")
    assert run.last_error == "RuntimeError"
    assert run.last_finished is not None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_waking_together_run_a_job_once(jobs):
    started = []
    gate = threading.Barrier(4)
    jobs.every(3600, name="once")(lambda: started.append(threading.get_ident()))
    PeriodicRun.objects.create(name="once")

    def worker():
        gate.wait()
        try:
            jobs.run_due()
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(started) == 1


def test_the_project_registers_its_periodic_jobs():
    names = {job.name for job in periodic.registered()}
    assert {"publish-scheduled", "purge-inbox"} <= names
