"""Demo sites for the live tests (fault and security): built once per run, copied for each test.

Imported by quietroom/conftest.py, so every app's live tests share the one demo build.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from quietroom.reliability.tests.live import (
    create_postgres_database,
    drop_postgres_database,
    environment,
    postgres_url,
    quietroom,
    sqlite_url,
)


@pytest.fixture(scope="session")
def live_data_dir(tmp_path_factory) -> Path:
    """One data dir (media, logs) shared by the live servers; each test has its own database."""
    return tmp_path_factory.mktemp("live-site")


@pytest.fixture(scope="session")
def sqlite_demo(live_data_dir) -> Path:
    path = live_data_dir / "demo-template.sqlite3"
    quietroom("demo", "--no-serve", env=environment(live_data_dir, sqlite_url(path)))
    return path


@pytest.fixture
def sqlite_site(sqlite_demo, live_data_dir, tmp_path) -> dict:
    """The environment of a server on a fresh copy of the demo site in SQLite."""
    database = tmp_path / "db.sqlite3"
    shutil.copyfile(sqlite_demo, database)
    return environment(live_data_dir, sqlite_url(database), cache_dir=tmp_path / "cache")


@pytest.fixture(scope="session")
def suite_postgres_url() -> str:
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    return os.environ["DATABASE_URL"]


@pytest.fixture(scope="session")
def postgres_demo(suite_postgres_url, live_data_dir):
    name = create_postgres_database(suite_postgres_url)
    try:
        url = postgres_url(suite_postgres_url, name)
        quietroom("demo", "--no-serve", env=environment(live_data_dir, url))
        yield name
    finally:
        drop_postgres_database(suite_postgres_url, name)


@pytest.fixture
def postgres_site(postgres_demo, suite_postgres_url, live_data_dir, tmp_path):
    """The environment of a server on a fresh PostgreSQL copy of the demo site."""
    name = create_postgres_database(suite_postgres_url, template=postgres_demo)
    try:
        yield environment(
            live_data_dir, postgres_url(suite_postgres_url, name), cache_dir=tmp_path / "cache"
        )
    finally:
        drop_postgres_database(suite_postgres_url, name)


@pytest.fixture
def live_site(request):
    """A fresh copy of the demo on the suite's own database (SQLite or PostgreSQL)."""
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return request.getfixturevalue("postgres_site")
    return request.getfixturevalue("sqlite_site")
