"""The table of generations one machine's processes share through a mapped file."""

import multiprocessing
import os
import subprocess
import sys

from quietroom.core.backends import table
from quietroom.core.backends.table import GenerationTable

BUMPS = 200


def _bump_many(path: str, name: str, out) -> None:
    found = GenerationTable(path)
    out.send([found.bump(name) for _ in range(BUMPS)])
    out.close()


def _read_once(path: str, name: str, out) -> None:
    out.send(GenerationTable(path).read(name))
    out.close()


def _in_child(target, *args):
    """Run `target(*args, pipe)` in a forked process and return what it sent."""
    receiving, sending = multiprocessing.get_context("fork").Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=target, args=(*args, sending))
    child.start()
    found = receiving.recv()
    child.join(30)
    assert child.exitcode == 0
    return found


def test_a_new_table_starts_every_name_at_zero_in_a_private_file(tmp_path):
    path = str(tmp_path / "generations" / "table")
    assert GenerationTable(path).read("site-1") == 0
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert os.stat(path).st_size == table.SIZE


def test_a_bump_in_one_process_is_read_at_once_by_another_that_has_the_table_open(tmp_path):
    path = str(tmp_path / "table")
    reader = GenerationTable(path)
    assert reader.read("site-1") == 0
    bumped = _in_child(_bump_many, path, "site-1")
    assert reader.read("site-1") == bumped[-1] > 0
    assert reader.read("site-2") == 0 or table.slot("site-2") == table.slot("site-1")


def test_two_processes_bumping_at_once_never_make_the_same_number(tmp_path):
    """The lock is a lock between processes, also for two forked from one that held the
    file open (a lock through an inherited file would be shared, and exclude nothing)."""
    path = str(tmp_path / "table")
    parent = GenerationTable(path)
    parent.bump("site-1")
    context = multiprocessing.get_context("fork")
    pipes = [context.Pipe(duplex=False) for _ in range(2)]
    children = [
        context.Process(target=_bump_many, args=(path, "site-1", sending))
        for _receiving, sending in pipes
    ]
    for child in children:
        child.start()
    values = [value for receiving, _sending in pipes for value in receiving.recv()]
    for child in children:
        child.join(30)
    assert len(set(values)) == 2 * BUMPS
    assert parent.read("site-1") == max(values)


def test_a_forked_process_reads_the_parents_bumps_through_its_own_mapping(tmp_path):
    path = str(tmp_path / "table")
    parent = GenerationTable(path)
    number = parent.bump("site-7")
    assert _in_child(_read_once, path, "site-7") == number


def test_every_process_finds_a_name_in_the_same_slot():
    # A digest, not Python's hash(), which a new interpreter seeds afresh.
    script = "from quietroom.core.backends import table; print(table.slot('site-1'))"
    started = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "random"},
    )
    assert int(started.stdout) == table.slot("site-1")
    assert 0 <= table.slot("site-123456") < table.SIZE
