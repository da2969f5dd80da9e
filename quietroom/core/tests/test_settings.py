"""Configuration from the environment: data dir, secrets, databases, fail-closed production."""

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from quietroom.core.datadir import data_dir, prepare, read_or_create_secret
from quietroom.core.tests.command import run_quietroom
from quietroom.settings.base import database_config


def test_the_data_dir_defaults_to_var_and_follows_the_environment(tmp_path):
    assert data_dir({}) == Path("var").resolve()
    assert data_dir({"QUIETROOM_DATA_DIR": str(tmp_path)}) == tmp_path


def test_a_generated_secret_is_private_and_stable(tmp_path):
    folder = prepare(tmp_path / "data") / "secrets"
    first = read_or_create_secret(folder / "key")
    second = read_or_create_secret(folder / "key")

    assert first == second
    assert len(first) >= 50
    assert stat.S_IMODE((folder / "key").stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_sqlite_is_the_default_with_wal_immediate_transactions_and_a_busy_timeout(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_config()

    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert config["OPTIONS"]["timeout"] >= 5


def test_database_url_selects_postgresql_with_health_checks(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://quiet:room@db.internal:5432/practice")
    config = database_config()

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["NAME"], config["USER"]) == ("db.internal", "practice", "quiet")
    assert config["CONN_HEALTH_CHECKS"] is True
    assert config["OPTIONS"]["connect_timeout"] == 5
    assert "-c statement_timeout=30000" in config["OPTIONS"]["options"]


def test_a_database_url_keeps_its_own_server_options_beside_the_timeouts(monkeypatch):
    url = "postgres://quiet:room@db/practice?options=-c%20search_path%3Dclinic&connect_timeout=9"
    monkeypatch.setenv("DATABASE_URL", url)
    options = database_config()["OPTIONS"]

    assert options["connect_timeout"] == 9
    assert options["options"] == "-c search_path=clinic -c statement_timeout=30000"


def test_the_quietroom_command_migrates_a_new_data_dir_into_a_wal_database(tmp_path):
    result = run_quietroom("migrate", "--no-input", env={"QUIETROOM_DATA_DIR": str(tmp_path)})

    assert result.returncode == 0, result.stderr
    database = tmp_path / "db.sqlite3"
    assert sqlite3.connect(database).execute("PRAGMA journal_mode").fetchone() == ("wal",)
    secret = tmp_path / "secrets" / "secret_key"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600


def test_production_settings_refuse_to_start_without_their_secrets(tmp_path):
    result = run_quietroom(
        "check",
        env={
            "QUIETROOM_DATA_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "quietroom.settings.production",
        },
    )

    assert result.returncode == 2
    assert result.stderr == "quietroom: QUIETROOM_SECRET_KEY must be set for production.\n"
    assert list(tmp_path.iterdir()) == [], "a refused start wrote into the data dir"


@pytest.mark.parametrize("module", ["dev", "production"])
def test_importing_the_settings_in_an_empty_folder_leaves_it_empty(tmp_path, module):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("QUIETROOM_", "DJANGO_"))}
    clean.pop("DATABASE_URL", None)
    production = {
        "QUIETROOM_SECRET_KEY": "x" * 60,
        "QUIETROOM_ALLOWED_HOSTS": "practice.example",
        "QUIETROOM_BASE_URL": "https://practice.example",
    }
    subprocess.run(
        [sys.executable, "-c", f"import quietroom.settings.{module} as s; print(s.DATA_DIR)"],
        cwd=tmp_path,
        env={**clean, **(production if module == "production" else {})},
        check=True,
        capture_output=True,
        timeout=60,
    )

    assert list(tmp_path.iterdir()) == []


def test_print_only_commands_leave_the_folder_as_it_was(tmp_path):
    result = run_quietroom("help", env={"QUIETROOM_DATA_DIR": str(tmp_path / "var")})

    assert result.returncode == 0, result.stderr
    assert "migrate" in result.stdout
    assert not (tmp_path / "var").exists()


def test_production_refuses_to_run_without_an_inbox_key(tmp_path):
    production = {
        "QUIETROOM_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "quietroom.settings.production",
        "QUIETROOM_SECRET_KEY": "x" * 60,
        "QUIETROOM_ALLOWED_HOSTS": "practice.example",
        "QUIETROOM_BASE_URL": "https://practice.example",
    }

    result = run_quietroom("check", env=production)

    assert result.returncode != 0
    assert "quietroom.inbox.E001" in result.stderr
    assert not (tmp_path / "secrets" / "inbox_keys").exists()


def test_any_wsgi_server_can_import_the_application_in_a_new_interpreter(tmp_path):
    """As gunicorn or uWSGI would, with nothing set up before: the fast path's modules load
    Wagtail's models, so Django's apps must be ready first. Then what it loaded is frozen out
    of the collector's sight (quietroom/wsgi.py says why)."""
    script = (
        "import gc, quietroom.wsgi as w;"
        " print(type(w.application).__name__, gc.get_freeze_count() > 100_000)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "quietroom.settings.dev",
        "QUIETROOM_DATA_DIR": str(tmp_path / "data"),
    }
    started = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert started.returncode == 0, started.stderr[-2000:]
    assert started.stdout.split() == ["PageCacheApplication", "True"]


@pytest.mark.parametrize(
    ("given", "folder"), [("run", "run/gw3"), ("run/gw3", "run/gw3")], ids=["inherited", "own"]
)
def test_each_test_worker_keeps_a_data_dir_of_its_own(tmp_path, given, folder):
    """xdist's workers inherit the controller's folder; sharing it shared the generation table,
    so one worker's edits renewed the other's pages mid-test (two failures in CI)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "quietroom.settings.test",
        "PYTEST_XDIST_WORKER": "gw3",
        "QUIETROOM_DATA_DIR": str(tmp_path / given),
    }
    script = "from django.conf import settings; print(settings.DATA_DIR)"
    started = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert started.returncode == 0, started.stderr[-2000:]
    assert Path(started.stdout.strip()) == tmp_path / folder
