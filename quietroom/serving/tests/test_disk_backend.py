"""The disk backend's own duties: pruning old generations, refusing gracefully, bounds."""

import builtins
import os

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quietroom.core import generation
from quietroom.core.backends import backend, disk
from quietroom.serving import pagecache
from quietroom.serving.tests.support import (
    bump,
    default_site_id,
    environ_for,
    pagecache_root,
    shared_entries,
    wsgi_get,
)


@pytest.fixture
def shared_backend(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.QUIETROOM_CACHE_DIR = ""
    settings.REDIS_URL = ""
    shared = backend()
    shared.clear()
    pagecache.clear_local()
    yield shared
    shared.clear()


def test_on_disk_the_next_page_after_a_bump_removes_the_older_generation(
    shared_backend, blog, article
):
    wsgi_get(article.url)
    shared_backend.flush()
    site_folder = pagecache_root(shared_backend) / generation.epoch() / str(default_site_id())
    before = {folder.name for folder in site_folder.iterdir()}
    bump()
    pagecache.clear_local()

    wsgi_get(article.url)
    shared_backend.flush()

    after = {folder.name for folder in site_folder.iterdir()}
    assert len(before) == len(after) == 1
    assert before != after
    assert after == {str(generation.site(default_site_id()))}


def test_when_the_disk_refuses_pages_are_still_served_and_kept_in_memory(
    shared_backend, article, caplog
):
    root = pagecache_root(shared_backend)
    root.parent.mkdir(parents=True, exist_ok=True)
    root.write_text("a file where the folder should be")

    first = wsgi_get(article.url)
    shared_backend.flush()
    with CaptureQueriesContext(connection) as queries:
        second = wsgi_get(article.url)

    assert first[0] == second[0] == 200
    assert len(queries) == 0
    assert "could not be kept on disk" in caplog.text


def test_pages_on_disk_are_bounded_per_generation(shared_backend, monkeypatch, article):
    monkeypatch.setattr(disk, "MAX_ENTRIES", 3)
    monkeypatch.setattr(disk, "COUNT_EVERY", 1)
    for number in range(1, 8):  # any page answers ?page=N, so each is a new address
        assert wsgi_get(f"{article.url}?page={number}")[0] == 200

    assert shared_entries(shared_backend) == 3


def test_the_fast_path_answers_a_cached_page_without_touching_a_file(
    shared_backend, article, monkeypatch
):
    """The site's generation is read from the mapped table, not with a stat() per request
    (a third of the fast path's time here)."""
    wsgi_get(article.url)
    meta = environ_for(article.url)

    def no_files(*args, **kwargs):
        raise AssertionError("the fast path touched a file")

    for name in ("stat", "open", "lstat"):
        monkeypatch.setattr(os, name, no_files)
    monkeypatch.setattr(builtins, "open", no_files)
    found = pagecache.fast_lookup(meta)
    monkeypatch.undo()
    assert found is not None
    assert b"Cached article" in pagecache.reply(*found, meta)[2]
