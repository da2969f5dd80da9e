"""QUIETROOM_STATELESS=1: a host refuses to start unless everything it would keep in its data
dir comes from outside, and, started, makes nothing there. (The two hosts that share one
PostgreSQL, Redis and bucket are in reliability/tests/test_stateless_live.py.)"""

from cryptography.fernet import Fernet

from quietroom.core.stateless import NEEDED, missing
from quietroom.core.tests.command import run_quietroom

EVERYTHING = {
    "QUIETROOM_SECRET_KEY": "s" * 60,
    "QUIETROOM_INBOX_KEYS": Fernet.generate_key().decode(),
    "DATABASE_URL": "postgres://quietroom:secret@db.internal:5432/quietroom",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "QUIETROOM_S3_BUCKET": "practice-media",
}


def test_each_missing_part_is_named_and_a_sqlite_database_is_refused():
    assert missing(EVERYTHING) == []
    assert [entry.split(" ")[0] for entry in missing({})] == [name for name, _ in NEEDED]
    on_sqlite = {**EVERYTHING, "DATABASE_URL": "sqlite:////var/quietroom/db.sqlite3"}
    assert [entry.split(" ")[0] for entry in missing(on_sqlite)] == ["DATABASE_URL"]
    blank = {**EVERYTHING, "REDIS_URL": "  "}
    assert [entry.split(" ")[0] for entry in missing(blank)] == ["REDIS_URL"]


def test_a_stateless_host_without_its_parts_refuses_to_start_and_makes_nothing(tmp_path):
    data_dir = tmp_path / "data"
    given = {key: value for key, value in EVERYTHING.items() if key != "QUIETROOM_S3_BUCKET"}

    result = run_quietroom(
        "check", env={**given, "QUIETROOM_STATELESS": "1", "QUIETROOM_DATA_DIR": str(data_dir)}
    )

    assert result.returncode == 2
    assert result.stderr.startswith("quietroom: QUIETROOM_STATELESS=1 keeps nothing")
    assert "QUIETROOM_S3_BUCKET" in result.stderr
    assert "REDIS_URL" not in result.stderr
    assert "Traceback" not in result.stderr
    assert not data_dir.exists()


def test_serve_on_a_stateless_host_refuses_static_files_it_would_have_to_collect(tmp_path):
    data_dir, static = tmp_path / "data", tmp_path / "static-never-collected"
    env = {
        **EVERYTHING,
        "QUIETROOM_STATELESS": "1",
        "QUIETROOM_DATA_DIR": str(data_dir),
        "QUIETROOM_STATIC_ROOT": str(static),
        # Production's manifest of hashed names is what must be collected in advance.
        "DJANGO_SETTINGS_MODULE": "quietroom.settings.production",
        "QUIETROOM_ALLOWED_HOSTS": "practice.example",
        "QUIETROOM_BASE_URL": "https://practice.example",
    }

    result = run_quietroom("serve", "--port", "1", env=env)

    assert result.returncode != 0
    assert "quietroom collectstatic --noinput" in result.stderr
    assert str(static) in result.stderr
    assert "Traceback" not in result.stderr
    assert not data_dir.exists()
    assert not static.exists()
