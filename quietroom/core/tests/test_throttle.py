"""A count per sender and window, taken atomically, holding no address (issue 11.10)."""

import threading

import pytest
from django.db import connection

from quietroom.core import throttle
from quietroom.core.models import RateCount

HOUR = 3600


def test_uses_are_counted_up_to_the_limit_and_no_further(db):
    taken = [throttle.take("contact", "192.0.2.1", limit=3, seconds=HOUR) for _ in range(5)]

    assert taken == [True, True, True, False, False]
    assert RateCount.objects.get().count == 3


def test_each_sender_and_each_scope_has_its_own_count(db):
    for value, scope in [("192.0.2.1", "contact"), ("192.0.2.2", "contact"), ("192.0.2.1", "x")]:
        assert throttle.take(scope, value, limit=1, seconds=HOUR)

    assert not throttle.take("contact", "192.0.2.1", limit=1, seconds=HOUR)
    assert RateCount.objects.count() == 3


def test_a_new_window_starts_afresh_and_the_old_count_is_forgotten(db):
    for _ in range(3):
        throttle.take("contact", "192.0.2.1", limit=3, seconds=HOUR, now=1_000 * HOUR + 10)

    assert throttle.take("contact", "192.0.2.1", limit=3, seconds=HOUR, now=1_001 * HOUR + 10)
    assert list(RateCount.objects.values_list("ends_at", "count")) == [(1_002 * HOUR, 1)]


def test_what_is_stored_is_a_keyed_hash_a_window_and_a_count_never_the_address(db):
    throttle.take("contact", "192.0.2.44", limit=3, seconds=HOUR, now=5 * HOUR + 1234.5)

    row = RateCount.objects.values().get()
    assert set(row) == {"id", "scope", "key", "ends_at", "count"}
    assert "192.0.2.44" not in str(row)
    assert len(row["key"]) == 64
    assert row["ends_at"] == 6 * HOUR  # the window's end, not the moment of the request


def test_expired_counts_are_forgotten_on_request(db):
    throttle.take("contact", "192.0.2.1", limit=3, seconds=HOUR, now=10 * HOUR)

    assert throttle.forget_expired(now=11 * HOUR) == 1
    assert not RateCount.objects.exists()


def test_over_limit_only_looks(db):
    for _ in range(2):
        throttle.take("contact", "192.0.2.1", limit=2, seconds=HOUR)

    assert throttle.over_limit("contact", "192.0.2.1", limit=2, seconds=HOUR)
    assert not throttle.over_limit("contact", "192.0.2.9", limit=2, seconds=HOUR)
    assert RateCount.objects.get().count == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_thirty_takes_at_once_count_exactly_the_limit():
    results, start = [], threading.Barrier(30)

    def take():
        start.wait()
        try:
            results.append(throttle.take("contact", "192.0.2.1", limit=10, seconds=HOUR))
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(results) == [False] * 20 + [True] * 10
    assert RateCount.objects.get().count == 10


def test_a_count_made_by_another_request_between_the_looks_is_counted_on(db, monkeypatch):
    """The race PostgreSQL showed under 50 senders: the UPDATE finds no row, another
    request's row commits, and the sender was refused though far below the limit."""
    real_update = type(RateCount.objects.all()).update
    raced = []

    def update_then_the_other_request_commits(queryset, **changes):
        updated = real_update(queryset, **changes)
        if not raced:
            raced.append(True)
            RateCount.objects.create(
                scope="contact",
                key=throttle.sender_key("contact", "192.0.2.1"),
                ends_at=throttle.window_end(HOUR),
                count=1,
            )
        return updated

    monkeypatch.setattr(
        type(RateCount.objects.all()), "update", update_then_the_other_request_commits
    )

    assert throttle.take("contact", "192.0.2.1", limit=100, seconds=HOUR)
    assert RateCount.objects.get().count == 2
